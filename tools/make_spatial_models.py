#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Int8 models with TensorFlow Lite reference-kernel goldens for the spatial / linear-algebra operators
RESIZE_NEAREST_NEIGHBOR, RESIZE_BILINEAR, TRANSPOSE_CONV, BATCH_MATMUL and L2_NORMALIZATION.

Writes testdata/generated/spatial_<op>_<variant>/ in the layout of tools/make_models.py (three input /
expected pairs, the third with extreme values). Each model is checked to contain the intended operator.
Run: /work/V/bin/python tools/make_spatial_models.py [name-filter]
"""
import os
import sys
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from make_models import write_case  # noqa: E402


def convert_fn(fn, input_shapes, rng, scale=2.0):
    specs = [tf.TensorSpec(s, tf.float32) for s in input_shapes]
    cf = tf.function(fn).get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([cf], fn)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: (
        [rng.standard_normal(s).astype(np.float32) * scale for s in input_shapes] for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    return conv.convert()


def op_names(tflite):
    from tensorflow.lite.python import schema_py_generated as s
    m = s.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in s.BuiltinOperator.__dict__.items() if not k.startswith("_")}
    out = []
    g = m.Subgraphs(0)
    for i in range(g.OperatorsLength()):
        code = m.OperatorCodes(g.Operators(i).OpcodeIndex())
        out.append(names[max(code.BuiltinCode(), code.DeprecatedBuiltinCode())])
    return out


def seeded(name):
    return np.random.default_rng(zlib.crc32(name.encode()))


def case(name, fn, shapes, op, scale=2.0):
    """Converts, checks the operator is there and writes the case; data seeded by the case name."""
    if len(sys.argv) > 1 and sys.argv[1] not in name:
        return
    rng = seeded(name)
    tflite = convert_fn(fn, shapes, rng, scale)
    ops = op_names(tflite)
    if op not in ops:
        print("SKIP", name, "does not contain", op, ops)
        return
    print(name, ops, len(tflite), "bytes")
    write_case(name, tflite, rng)


def main():
    nn = tf.raw_ops.ResizeNearestNeighbor
    bl = tf.raw_ops.ResizeBilinear
    for tag, size, ac, hp in [("up_default", (8, 10), False, False), ("up_align", (7, 9), True, False),
                              ("up_halfpixel", (9, 11), False, True), ("down_halfpixel", (3, 2), False, True),
                              ("down_align", (2, 3), True, False), ("down_default", (3, 4), False, False)]:
        case(f"spatial_resize_nearest_{tag}",
             lambda x, size=size, ac=ac, hp=hp: nn(images=x, size=size, align_corners=ac, half_pixel_centers=hp),
             [(2, 4, 5, 3)], "RESIZE_NEAREST_NEIGHBOR")
        case(f"spatial_resize_bilinear_{tag}",
             lambda x, size=size, ac=ac, hp=hp: bl(images=x, size=size, align_corners=ac, half_pixel_centers=hp),
             [(2, 4, 5, 3)], "RESIZE_BILINEAR")

    def tconv(cin, cout, k, stride, padding, in_hw, bias, act, out_hw=None):
        rng = seeded(f"tconv{cin}{cout}{k}{stride}{padding}{in_hw}")
        w = tf.constant(rng.standard_normal((k[0], k[1], cout, cin)).astype(np.float32) * 0.4)
        b = tf.constant(rng.standard_normal(cout).astype(np.float32))
        if out_hw is None:
            if padding == "SAME":
                out_hw = (in_hw[0] * stride[0], in_hw[1] * stride[1])
            else:
                out_hw = ((in_hw[0] - 1) * stride[0] + k[0], (in_hw[1] - 1) * stride[1] + k[1])

        def f(x):
            y = tf.nn.conv2d_transpose(x, w, (1, out_hw[0], out_hw[1], cout), (1,) + stride + (1,), padding)
            if bias:
                y = y + b
            if act == "relu":
                y = tf.nn.relu(y)
            elif act == "relu6":
                y = tf.nn.relu6(y)
            return y
        return f

    for tag, args in [("same_s2_bias", (3, 4, (3, 3), (2, 2), "SAME", (4, 5), True, None)),
                      ("valid_s2_nobias", (2, 3, (3, 2), (2, 2), "VALID", (3, 4), False, None)),
                      ("same_s1_relu", (4, 5, (3, 3), (1, 1), "SAME", (5, 5), True, "relu")),
                      ("valid_s3x1_relu6", (3, 2, (2, 4), (3, 1), "VALID", (3, 3), True, "relu6")),
                      ("same_s2_odd_out", (2, 3, (4, 4), (2, 2), "SAME", (3, 3), True, None, (5, 6))),
                      # 8192 outputs: many requantization ties, which separate double from single rounding
                      ("wide_ties", (16, 32, (3, 3), (2, 2), "SAME", (8, 8), True, None))]:
        in_hw = args[5]
        case(f"spatial_transpose_conv_{tag}", tconv(*args), [(1, in_hw[0], in_hw[1], args[0])], "TRANSPOSE_CONV")

    for tag, sa, sb, ax, ay in [("plain", (2, 3, 4), (2, 4, 5), False, False),
                                ("adj_x", (2, 4, 3), (2, 4, 5), True, False),
                                ("adj_y", (2, 3, 4), (2, 5, 4), False, True),
                                ("adj_xy", (3, 4, 3), (3, 5, 4), True, True),
                                ("bcast_lhs", (1, 3, 4), (3, 4, 2), False, False),
                                ("bcast_rank4", (2, 1, 3, 4), (3, 4, 5), False, False),
                                ("bcast_rank5", (2, 1, 2, 3, 4), (1, 3, 1, 2, 4), False, True),
                                ("wide_ties", (2, 32, 48), (2, 48, 64), False, False)]:
        case(f"spatial_batch_matmul_{tag}",
             lambda a, b, ax=ax, ay=ay: tf.matmul(a, b, adjoint_a=ax, adjoint_b=ay), [sa, sb], "BATCH_MATMUL")
    rng = seeded("const_rhs")
    crhs = tf.constant(rng.standard_normal((2, 6, 4)).astype(np.float32))
    case("spatial_batch_matmul_const_rhs", lambda a: tf.matmul(a, crhs), [(2, 3, 6)], "BATCH_MATMUL")
    crhs2 = tf.constant(rng.standard_normal((3, 1, 5, 4)).astype(np.float32))
    case("spatial_batch_matmul_const_rhs_adj_y", lambda a: tf.matmul(a, crhs2, adjoint_b=True), [(3, 2, 3, 4)],
         "BATCH_MATMUL")

    case("spatial_l2norm_rank4", lambda x: tf.math.l2_normalize(x, axis=-1), [(1, 3, 4, 8)], "L2_NORMALIZATION")
    case("spatial_l2norm_rank2", lambda x: tf.math.l2_normalize(x, axis=-1), [(5, 16)], "L2_NORMALIZATION")
    case("spatial_l2norm_rank1_offset", lambda x: tf.math.l2_normalize(x + 1.5, axis=-1), [(12,)],
         "L2_NORMALIZATION")


if __name__ == "__main__":
    main()
