#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""ZEROS_LIKE golden cases (the converter folds tf.zeros_like of a known shape away, so the models are
written directly as flatbuffers with the schema classes TensorFlow ships): int32, int64 and float32
inputs, as TFLite 2.21's BUILTIN_REF kernel runs them.

Run: V/bin/python tools/make_zeros_like_models.py
"""
import numpy as np
from tensorflow.lite.python import schema_py_generated as fb

from ember_goldens import write_case
from tflite_build import single_op_model, tensor


def model(ttype, shape):
    tensors, buffers = [], [fb.BufferT()]
    x = tensor(tensors, buffers, "x", ttype, shape)
    y = tensor(tensors, buffers, "zeros", ttype, shape)
    return single_op_model(fb.BuiltinOperator.ZEROS_LIKE, tensors, buffers, [x], [y], [x],
                           fb.BuiltinOptions.ZerosLikeOptions, fb.ZerosLikeOptionsT(), "ember4j make_zeros_like_models.py")


def main():
    rng = np.random.default_rng(93)
    for name, ttype, shape in (("int32", fb.TensorType.INT32, (2, 3, 5)), ("int64", fb.TensorType.INT64, (7,)),
                               ("float32", fb.TensorType.FLOAT32, (1, 4, 4, 3))):
        write_case("ZEROS_LIKE", name, model(ttype, shape), rng, "make_zeros_like_models.py")


if __name__ == "__main__":
    main()
