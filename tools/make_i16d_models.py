#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""int16 (16x8) cases of MUL, AVERAGE_POOL_2D, MAX_POOL_2D, CONCATENATION and MEAN.

Writes testdata/generated/i16d_<op>_<variant>/{model.tflite,input<k>.bin,expected0.bin,...,case.json} (3 pairs,
suffixes "", ".1", ".2"; the third holds extremes), goldens from tf.lite.Interpreter with BUILTIN_REF, one thread.
Models come from the converter (EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8, int16 I/O); the
conversion and case-writing helpers are imported from tools/make_i16a_models.py.

TFLM's SEANet integration models hold none of these operators, so there are no SEANet goldens here.

Run: /work/V/bin/python tools/make_i16d_models.py [substring-filter]
"""
import pathlib
import sys

import numpy as np

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_i16a_models as h  # noqa: E402
import tensorflow as tf  # noqa: E402


def cases16():
    c = []
    c.append(("i16d_mul_same_relu", lambda x, y: tf.nn.relu(x * y), [(1, 4, 5, 3), (1, 4, 5, 3)], [1.0, 2.0],
              ["MUL"], "16x8 MUL of two inputs of one shape, fused RELU"))
    c.append(("i16d_mul_bcast", lambda x, y: x * y, [(2, 3, 4, 5), (1, 3, 1, 5)], [3.0, 0.5],
              ["MUL"], "16x8 MUL with broadcasting"))
    c.append(("i16d_avgpool_s2_same", lambda x: tf.nn.avg_pool2d(x, 3, 2, "SAME"), [(1, 7, 8, 3)], [1.0],
              ["AVERAGE_POOL_2D"], "16x8 AVERAGE_POOL_2D 3x3 stride 2 SAME (clipped windows)"))
    c.append(("i16d_avgpool_valid_relu6", lambda x: tf.nn.relu6(tf.nn.avg_pool2d(x, (2, 3), (1, 2), "VALID")),
              [(2, 6, 7, 4)], [4.0], ["AVERAGE_POOL_2D"], "16x8 AVERAGE_POOL_2D 2x3 stride 1x2 VALID, batch 2, RELU6"))
    c.append(("i16d_maxpool_s2_same", lambda x: tf.nn.max_pool2d(x, 3, 2, "SAME"), [(1, 7, 8, 3)], [1.0],
              ["MAX_POOL_2D"], "16x8 MAX_POOL_2D 3x3 stride 2 SAME"))
    c.append(("i16d_maxpool_valid_relu", lambda x: tf.nn.relu(tf.nn.max_pool2d(x, 2, 2, "VALID")), [(2, 6, 6, 5)],
              [1.0], ["MAX_POOL_2D"], "16x8 MAX_POOL_2D 2x2 stride 2 VALID, batch 2, RELU"))
    c.append(("i16d_concat_axis3", lambda x, y: tf.concat([x, y], 3), [(1, 4, 5, 3), (1, 4, 5, 2)], [1.0, 1.0],
              ["CONCATENATION"], "16x8 CONCATENATION of two inputs on the channel axis"))
    c.append(("i16d_concat_axis1_three", lambda x, y, z: tf.concat([x, y, z], 1), [(2, 3, 4), (2, 1, 4), (2, 2, 4)],
              [1.0, 1.0, 1.0], ["CONCATENATION"], "16x8 CONCATENATION of three inputs on axis 1"))
    c.append(("i16d_mean_hw_keepdims", lambda x: tf.reduce_mean(x, [1, 2], keepdims=True), [(1, 5, 6, 4)], [2.0],
              ["MEAN"], "16x8 MEAN over H and W with keep_dims"))
    c.append(("i16d_mean_last", lambda x: tf.reduce_mean(x, [-1]), [(3, 4, 7)], [1.0], ["MEAN"],
              "16x8 MEAN over the last axis"))
    c.append(("i16d_mean_all_big", lambda x: tf.reduce_mean(x, [0, 1, 2]), [(2, 40, 50, 3)], [1.0], ["MEAN"],
              "16x8 MEAN over 4000 elements per output"))
    return c


def main():
    flt = sys.argv[1] if len(sys.argv) > 1 else ""
    rng = np.random.default_rng(1604)
    for name, fn, shapes, ranges, want, note in cases16():
        if flt in name:
            model = h.convert16(fn, shapes, rng, ranges)
            print(name, h.ops_of(model))
            h.write_case(name, model, rng, want, note)


if __name__ == "__main__":
    main()
