#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""int16 (16x8) models of LOGISTIC and TANH with TensorFlow Lite 2.21 BUILTIN_REF goldens, written to
testdata/generated/i16c_<op>_<variant>/ (3 input/expected pairs; the third holds extreme values; on the
65536-element *_conv_wide models the first pair is every int16 value once).

Converter models (EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8, int16 I/O) get a general input
scale, which TFLite's prepare turns into a multiplier and right shift. Power-of-two input scales (TFLite's
other branch) and output scales only near 2^-15 are built directly with the flatbuffer schema as
one-operator models (helpers of tools/make_i16b_models.py); their goldens come from TFLite too.

HARD_SWISH has no int16 case: the 2.21 converter refuses 16x8 HARD_SWISH ("not yet supported") and the
BUILTIN_REF kernel fails on int16 ("Only float32, uint8 and int8 are supported"); Ember4j refuses it too.

  /work/V/bin/python tools/make_i16c_models.py [CASE_PREFIX...]
"""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_i16b_models import OUT, REF, B, T, convert16, op_names, single_op  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402


def sample(shape, rng, pair):
    n = int(np.prod(shape))
    if pair == 0 and n == 65536:
        return np.arange(-32768, 32768, dtype=np.int64).astype(np.int16).reshape(shape)
    if pair < 2:
        # half uniform over int16, half concentrated near 0 where the table is steep
        x = rng.integers(-32768, 32767, size=n, endpoint=True)
        near = rng.integers(-4096, 4096, size=n, endpoint=True)
        return np.where(rng.random(n) < 0.5, x, near).astype(np.int16).reshape(shape)
    return rng.choice(np.array([-32768, 32767, 0, 1, -1, -32767], dtype=np.int16), size=shape)


def write_case(name, tflite, rng, want):
    ops = op_names(tflite)
    if want not in ops:
        raise SystemExit(f"{name}: wanted {want}, converter produced {ops}")
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    for f in d.iterdir():
        f.unlink()
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            x = sample(det["shape"], rng, pair)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    q = [(t["name"], t["quantization"]) for t in it.get_tensor_details()]
    print("wrote", d, ops, q)


def one(op, in_scale, out_scale, shape=(4, 32, 32)):
    return lambda: single_op(op, [(T.INT16, shape, in_scale, 0)], (T.INT16, shape, out_scale, 0))


def cases(rng):
    s4 = (1, 4, 5, 6)
    full = (256, 256)
    out15 = 2.0 ** -15
    c = []
    # LOGISTIC: general input scale (multiplier + right shift) from the converter
    c.append(("i16c_logistic_conv", lambda: convert16(tf.math.sigmoid, [s4], rng, [2.0]), "LOGISTIC"))
    c.append(("i16c_logistic_conv_wide", lambda: convert16(tf.math.sigmoid, [full], rng, [6.0]), "LOGISTIC"))
    # power of two 2^-12: TFLite's multiplier 3, no shift
    c.append(("i16c_logistic_pot", one(B.LOGISTIC, 2.0 ** -12, out15), "LOGISTIC"))
    # power of two 2^-10: left shift 2 is not the POT branch, so the general path
    c.append(("i16c_logistic_pot_shift2", one(B.LOGISTIC, 2.0 ** -10, out15), "LOGISTIC"))
    # tiny input scale: the general path's right shift grows large
    c.append(("i16c_logistic_tiny_scale", one(B.LOGISTIC, 3e-7, out15), "LOGISTIC"))
    # large input scale: multiplier above 32767 without shift
    c.append(("i16c_logistic_big_scale", one(B.LOGISTIC, 3.5, out15), "LOGISTIC"))
    # TANH
    c.append(("i16c_tanh_conv", lambda: convert16(tf.math.tanh, [s4], rng, [2.0]), "TANH"))
    c.append(("i16c_tanh_conv_wide", lambda: convert16(tf.math.tanh, [full], rng, [5.0]), "TANH"))
    c.append(("i16c_tanh_pot0", one(B.TANH, 2.0 ** -12, out15), "TANH"))
    c.append(("i16c_tanh_pot1", one(B.TANH, 2.0 ** -11, out15), "TANH"))
    c.append(("i16c_tanh_pot_shift3", one(B.TANH, 2.0 ** -9, out15), "TANH"))
    # output scale within TFLite's CheckedLog2 tolerance of 2^-15 (the kernel ignores the exact value)
    c.append(("i16c_tanh_out_near", one(B.TANH, 7e-4, out15 * 1.0004), "TANH"))
    c.append(("i16c_tanh_tiny_scale", one(B.TANH, 1e-8, out15), "TANH"))
    return c


def main():
    rng = np.random.default_rng(20261620)
    only = sys.argv[1:]
    for name, make, want in cases(rng):
        if only and not any(name.startswith(p) for p in only):
            continue
        write_case(name, make(), rng, want)


if __name__ == "__main__":
    main()
