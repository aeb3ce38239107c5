#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Generates tiny models of the unary operators and activations (cases unary_<op>_<variant>) with
TensorFlow Lite 2.21 reference-kernel goldens.

Layout as tools/make_models.py: testdata/generated/CASE/{model.tflite,input<k>.bin,expected<k>.bin}, three
pairs (suffixes "", ".1", ".2"; the third with extreme values). Goldens: tf.lite.Interpreter with the
BUILTIN_REF resolver, one thread. Each model is a tf.function whose input feeds the operator directly;
after conversion the script checks that the intended operator is in the model.

Quantized cases are full int8 (int8 input and output); CAST cases are unquantized models of the
cast's own input and output types.

Run: /work/V/bin/python tools/make_unary_models.py [substring-filter]
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_models import OUT  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

REF = tf.lite.experimental.OpResolverType.BUILTIN_REF


def convert_int8(fn, shape, rep_fn, rng):
    cf = tf.function(fn, input_signature=[tf.TensorSpec(shape, tf.float32)]).get_concrete_function()
    conv = tf.lite.TFLiteConverter.from_concrete_functions([cf])
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: ([rep_fn(rng, shape).astype(np.float32)] for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    return conv.convert()


def convert_plain(fn, shape, dtype):
    cf = tf.function(fn, input_signature=[tf.TensorSpec(shape, dtype)]).get_concrete_function()
    conv = tf.lite.TFLiteConverter.from_concrete_functions([cf])
    return conv.convert()


# The BUILTIN_REF resolver of TensorFlow 2.21 registers no ELU; its int8 ELU is a table lookup whatever the
# resolver, so these cases take their goldens from the builtin kernels without delegates.
NOT_IN_REF = {"ELU"}
NO_DELEGATES = tf.lite.experimental.OpResolverType.BUILTIN_WITHOUT_DEFAULT_DELEGATES


def resolver(want):
    return NO_DELEGATES if want in NOT_IN_REF else REF


def ops_of(tflite, want):
    it = tf.lite.Interpreter(model_content=tflite, experimental_op_resolver_type=resolver(want))
    return [o["op_name"] for o in it._get_ops_details()]


def gen_input(rng, det, pair):
    shape, dt = det["shape"], det["dtype"]
    if dt == np.float32:
        if pair == 0:
            return (rng.standard_normal(shape) * 3).astype(np.float32)
        if pair == 1:
            return (rng.standard_normal(shape) * 200).astype(np.float32)
        return rng.choice(np.array([-1e10, 1e10, -3e9, 3e9, -129.5, 255.9, 256.0, -0.99, 0.5, -0.0, 127.99,
                                    32768.5, -32769.7, 2.2e9, -2.2e9], dtype=np.float32), size=shape)
    if dt == np.bool_:
        return rng.integers(0, 2, size=shape).astype(np.bool_)
    info = np.iinfo(dt)
    if pair < 2:
        lo, hi = (info.min, info.max) if info.bits <= 16 else (-100000 * (pair + 1), 100000 * (pair + 1))
        return rng.integers(max(lo, info.min), min(hi, info.max), size=shape, endpoint=True, dtype=dt)
    return rng.choice(np.array([info.min, info.max, 0, -1 if info.min < 0 else 1, 255, 256, 32768, -129],
                               dtype=np.int64).astype(dt), size=shape)


def write_case(name, tflite, rng, want):
    ops = ops_of(tflite, want)
    if want not in ops:
        raise SystemExit(f"{name}: wanted {want}, converter produced {ops}")
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=resolver(want))
    it.allocate_tensors()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            if det["dtype"] == np.int8:
                if pair < 2:
                    x = rng.integers(-128, 128, size=det["shape"], dtype=np.int8)
                else:
                    x = rng.choice(np.array([-128, 127], dtype=np.int8), size=det["shape"])
            else:
                x = gen_input(rng, det, pair)
                if name.endswith("float32_to_int8"):
                    # out of the int8 range static_cast<int8_t>(float) is undefined: TFLite's x86 build gives
                    # results that depend on the element's position (vectorized loop vs scalar tail)
                    x = np.clip(x, -128.99, 127.99).astype(np.float32)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d, ops)


def normal(scale, offset=0.0):
    return lambda rng, shape: rng.standard_normal(shape) * scale + offset


def positive(lo, hi):
    return lambda rng, shape: rng.uniform(lo, hi, size=shape)


def prelu(alpha):
    # the converter fuses relu(x) + relu(-x) * (-alpha) into PRELU
    neg = tf.constant(-np.asarray(alpha), tf.float32)
    return lambda x: tf.nn.relu(x) + tf.nn.relu(-x) * neg


def cases(rng, flt):
    c = []
    # PRELU: alpha per channel (broadcast), per element (same shape, no broadcast), scalar-like
    c.append(("unary_prelu_channel", lambda: convert_int8(
        prelu(rng.uniform(0.05, 0.6, size=(1, 1, 5)).astype(np.float32)), (1, 3, 4, 5), normal(2), rng), "PRELU"))
    c.append(("unary_prelu_full_alpha", lambda: convert_int8(
        prelu(rng.uniform(-0.5, 0.9, size=(6, 7)).astype(np.float32)), (1, 6, 7), normal(1.5), rng), "PRELU"))
    c.append(("unary_prelu_rank3_negative_alpha", lambda: convert_int8(
        prelu(rng.uniform(-1.5, 1.5, size=(4, 1)).astype(np.float32)), (2, 4, 6), normal(3, 0.5), rng), "PRELU"))
    # LOG_SOFTMAX along the last axis
    c.append(("unary_log_softmax_2d", lambda: convert_int8(
        lambda x: tf.nn.log_softmax(x), (3, 10), normal(2), rng), "LOG_SOFTMAX"))
    c.append(("unary_log_softmax_4d_wide", lambda: convert_int8(
        lambda x: tf.nn.log_softmax(x), (1, 2, 3, 40), normal(6), rng), "LOG_SOFTMAX"))
    c.append(("unary_log_softmax_small_scale", lambda: convert_int8(
        lambda x: tf.nn.log_softmax(x), (4, 8), normal(0.2), rng), "LOG_SOFTMAX"))
    # element-wise
    c.append(("unary_abs_signed", lambda: convert_int8(tf.abs, (2, 3, 8), normal(2, -0.5), rng), "ABS"))
    # NEG: the converter keeps it in float between DEQUANTIZE and QUANTIZE (no int8 NEG in TFLite)
    c.append(("unary_neg_float_inside", lambda: convert_int8(tf.negative, (4, 9), normal(2, 1.0), rng), "NEG"))
    c.append(("unary_elu", lambda: convert_int8(tf.nn.elu, (1, 5, 5, 2), normal(2, -0.5), rng), "ELU"))
    c.append(("unary_exp", lambda: convert_int8(tf.exp, (3, 11), normal(1.2, -0.3), rng), "EXP"))
    c.append(("unary_sqrt", lambda: convert_int8(tf.sqrt, (5, 7), positive(0.0, 9.0), rng), "SQRT"))
    c.append(("unary_rsqrt", lambda: convert_int8(tf.math.rsqrt, (5, 7), positive(0.05, 4.0), rng), "RSQRT"))
    c.append(("unary_log", lambda: convert_int8(tf.math.log, (5, 7), positive(0.01, 20.0), rng), "LOG"))
    # CAST between plain types
    for src, dst in [(tf.float32, tf.int32), (tf.float32, tf.int8), (tf.float32, tf.uint8), (tf.float32, tf.int16),
                     (tf.float32, tf.int64), (tf.float32, tf.bool), (tf.int32, tf.float32), (tf.int32, tf.int8),
                     (tf.int32, tf.int64), (tf.int32, tf.bool), (tf.int8, tf.int32), (tf.uint8, tf.int32),
                     (tf.int8, tf.float32), (tf.uint8, tf.int8), (tf.int16, tf.int32), (tf.int64, tf.int32),
                     (tf.int64, tf.float32), (tf.bool, tf.float32), (tf.bool, tf.int32), (tf.int16, tf.uint8)]:
        if flt and flt not in f"unary_cast_{src.name}_to_{dst.name}":
            continue
        name = f"unary_cast_{src.name}_to_{dst.name}"
        c.append((name, (lambda s=src, t=dst: convert_plain(lambda x: tf.cast(x, t), (3, 17), s)), "CAST"))
    return c


def main():
    flt = sys.argv[1] if len(sys.argv) > 1 else ""
    rng = np.random.default_rng(20260321)
    for name, make, want in cases(rng, flt):
        if flt in name:
            write_case(name, make(), rng, want)


if __name__ == "__main__":
    main()
