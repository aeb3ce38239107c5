#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Float32 / integer models of DIV, ADD_N, FLOOR_DIV and FLOOR_MOD with TensorFlow Lite 2.21 BUILTIN_REF
goldens, written to testdata/generated/div_<op>_<variant>/ (3 input/expected pairs: "", ".1", ".2";
the third pair holds extreme values: zeros, infinities of the quotient, the type's limits).

Each model is one tf.function converted without quantization (from_concrete_functions), so the tensors
keep their float32 / int8 / int16 / int32 / int64 types; the script checks that the intended operator is
in the converted model. Inputs avoid what TFLite 2.21 refuses or traps on at invoke time (an integer
divisor of 0 for every operator, a float divisor of 0 for FLOOR_DIV, MIN / -1 for int32/int64 DIV and
FLOOR_MOD): Ember4j's choices there are documented in docs/OPERATORS.md and unit-tested instead.
Run: /work/V/bin/python tools/make_div_models.py [substring-filter]
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF


def convert(fn, specs):
    concrete = tf.function(fn).get_concrete_function(*[tf.TensorSpec(s, d) for s, d in specs])
    return tf.lite.TFLiteConverter.from_concrete_functions([concrete], fn).convert()


def op_names(tflite):
    from tensorflow.lite.python import schema_py_generated as s
    m = s.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in s.BuiltinOperator.__dict__.items() if not k.startswith("_")}
    codes = [max(m.OperatorCodes(i).BuiltinCode(), m.OperatorCodes(i).DeprecatedBuiltinCode())
             for i in range(m.OperatorCodesLength())]
    g = m.Subgraphs(0)
    return [names[codes[g.Operators(i).OpcodeIndex()]] for i in range(g.OperatorsLength())]


def numerator(rng, dtype, shape, pair):
    """Values of a dividend / summand: negatives, zeros, and the type's limits in the third pair."""
    if dtype == np.float32:
        if pair < 2:
            x = rng.standard_normal(shape) * 6
            x[rng.random(shape) < 0.1] = 0
            return x.astype(np.float32)
        pool = np.array([0, -0.0, 1, -1, 7.5, -7.5, 3e38, -3e38, 1e-38, -2.5, 1e30], dtype=np.float32)
        return rng.choice(pool, size=shape)
    info = np.iinfo(dtype)
    if pair < 2:
        lim = min(int(info.max), 1000)
        return rng.integers(-lim, lim + 1, size=shape).astype(dtype)
    pool = np.array([info.min, info.max, info.min + 1, 0, -1, 1, -7, 7], dtype=dtype)
    return rng.choice(pool, size=shape)


def divisor(rng, dtype, shape, pair, zero_ok):
    """Non-zero divisors (any sign); float zeros (±0) in the third pair when zero_ok."""
    if dtype == np.float32:
        if pair < 2:
            x = rng.standard_normal(shape) * 3
            x[np.abs(x) < 0.05] = 0.5
            return x.astype(np.float32)
        pool = [2, -2, 0.5, -0.5, 3, -3, 1e-30, -1e-30, 3e38]
        if zero_ok:
            pool += [0.0, -0.0, 0.0]
        return rng.choice(np.array(pool, dtype=np.float32), size=shape)
    info = np.iinfo(dtype)
    if pair < 2:
        x = rng.integers(-9, 10, size=shape)
        x[x == 0] = 3
        return x.astype(dtype)
    return rng.choice(np.array([1, -1, 2, -2, 3, -3, 5, info.max, -info.max], dtype=dtype), size=shape)


def write_case(name, want, fn, specs, rng, zero_ok=False, min_by_minus1=True, divisors=(1,), min_pattern=False):
    """divisors: positions of the inputs that are divisors (the others are dividends or summands);
    min_pattern: the third pair divides MIN by -1 at every even index (equal shapes)."""
    tflite = convert(fn, specs)
    ops = op_names(tflite)
    if want not in ops:
        print(f"SKIP {name}: converter produced {ops}, not {want}", file=sys.stderr)
        return False
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    for f in d.iterdir():
        f.unlink()
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    dets = it.get_input_details()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        values = []
        for i, det in enumerate(dets):
            dt = det["dtype"]
            shape = tuple(det["shape"])
            if want == "ADD_N" or i not in divisors:
                x = numerator(rng, dt, shape, pair)
            else:
                x = divisor(rng, dt, shape, pair, zero_ok)
            values.append(x)
        if not min_by_minus1 and len(values) == 2 and values[0].dtype != np.float32:
            # TFLite traps (SIGFPE) on MIN / -1 here; keep the pair away from it
            b = np.broadcast_to(values[1], np.broadcast_shapes(values[0].shape, values[1].shape))
            a = np.broadcast_to(values[0], b.shape)
            if np.any((a == np.iinfo(a.dtype).min) & (b == -1)):
                values[0] = np.where(values[0] == np.iinfo(values[0].dtype).min, values[0] + 1, values[0])
        if min_pattern and pair == 2:
            values[0].reshape(-1)[::2] = np.iinfo(values[0].dtype).min
            values[1].reshape(-1)[::2] = -1
        for i, det in enumerate(dets):
            it.set_tensor(det["index"], values[i])
            values[i].tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d, ops)
    return True


def main():
    rng = np.random.default_rng(20260601)
    only = sys.argv[1:]
    f32, i8, i16, i32, i64 = tf.float32, tf.int8, tf.int16, tf.int32, tf.int64
    cases = []

    def case(name, want, fn, specs, **kw):
        cases.append((name, want, fn, specs, kw))

    def tdiv(a, b):
        return tf.raw_ops.TruncateDiv(x=a, y=b)

    # DIV: float (x / 0 clamps to ±FLT_MAX, 0 / 0 is NaN), int32 (truncating), fused activations, broadcasting
    case("div_div_f32_same", "DIV", lambda a, b: a / b, [((2, 3, 4), f32), ((2, 3, 4), f32)], zero_ok=True)
    case("div_div_f32_bcast_rank5", "DIV", lambda a, b: a / b, [((2, 1, 3, 2, 2), f32), ((3, 1, 1), f32)],
         zero_ok=True)
    case("div_div_f32_relu6_bcast", "DIV", lambda a, b: tf.nn.relu6(a / b), [((3, 1, 4), f32), ((1, 5, 1), f32)],
         zero_ok=True)
    case("div_div_f32_relu_const_first", "DIV",
         lambda a: tf.nn.relu(tf.constant([2.0, -0.5, 0.0, -4.0, 0.25], dtype=tf.float32) / a), [((4, 5), f32)],
         zero_ok=True, divisors=(0,))
    case("div_div_i32_same", "DIV", tdiv, [((3, 7), i32), ((3, 7), i32)], min_by_minus1=False)
    case("div_div_i32_bcast", "DIV", tdiv, [((2, 3, 4), i32), ((4,), i32)], min_by_minus1=False)
    case("div_div_i32_bcast_first", "DIV", tdiv, [((1, 6), i32), ((4, 1), i32)], min_by_minus1=False)
    # ADD_N: N inputs of one shape
    case("div_add_n_f32_3", "ADD_N", lambda a, b, c: tf.math.add_n([a, b, c]),
         [((2, 3, 4), f32)] * 3)
    case("div_add_n_f32_5_repeat", "ADD_N", lambda a, b: tf.math.add_n([a, b, a, b, b]), [((7,), f32)] * 2)
    case("div_add_n_i32_4", "ADD_N", lambda a, b, c, d: tf.math.add_n([a, b, c, d]), [((3, 5), i32)] * 4)
    # FLOOR_DIV: float32, int32, int16, int8 (float goes through double, floor, back)
    case("div_floor_div_f32_same", "FLOOR_DIV", tf.math.floordiv, [((2, 3, 4), f32), ((2, 3, 4), f32)])
    case("div_floor_div_f32_bcast", "FLOOR_DIV", tf.math.floordiv, [((2, 3, 1, 4), f32), ((3, 1, 1), f32)])
    case("div_floor_div_i32_same", "FLOOR_DIV", tf.math.floordiv, [((4, 6), i32), ((4, 6), i32)])
    case("div_floor_div_i32_bcast", "FLOOR_DIV", tf.math.floordiv, [((2, 1, 5), i32), ((3, 1), i32)])
    case("div_floor_div_i16_same", "FLOOR_DIV", tf.math.floordiv, [((3, 8), i16), ((3, 8), i16)])
    # int8/int16 MIN // -1 saturates in TFLite's vectorized blocks of 8 and wraps in the tail and broadcasts
    case("div_floor_div_i8_same_13", "FLOOR_DIV", tf.math.floordiv, [((13,), i8), ((13,), i8)], min_pattern=True)
    case("div_floor_div_i16_same_21", "FLOOR_DIV", tf.math.floordiv, [((3, 7), i16), ((3, 7), i16)],
         min_pattern=True)
    case("div_floor_div_i16_bcast_min", "FLOOR_DIV", tf.math.floordiv, [((2, 5), i16), ((1, 5), i16)])
    case("div_floor_div_i8_bcast", "FLOOR_DIV", tf.math.floordiv, [((2, 3, 4), i8), ((4,), i8)])
    # FLOOR_MOD: float32 (fmod then the sign adjustment; x mod 0 is NaN), int32, int64, int16, int8
    case("div_floor_mod_f32_same", "FLOOR_MOD", tf.math.floormod, [((2, 3, 4), f32), ((2, 3, 4), f32)],
         zero_ok=True)
    case("div_floor_mod_f32_bcast", "FLOOR_MOD", tf.math.floormod, [((3, 1, 4), f32), ((2, 1), f32)],
         zero_ok=True)
    case("div_floor_mod_i32_same", "FLOOR_MOD", tf.math.floormod, [((4, 6), i32), ((4, 6), i32)],
         min_by_minus1=False)
    case("div_floor_mod_i32_bcast", "FLOOR_MOD", tf.math.floormod, [((2, 3, 4), i32), ((3, 1), i32)],
         min_by_minus1=False)
    case("div_floor_mod_i64_same", "FLOOR_MOD", tf.math.floormod, [((3, 5), i64), ((3, 5), i64)],
         min_by_minus1=False)
    case("div_floor_mod_i16_bcast", "FLOOR_MOD", tf.math.floormod, [((2, 1, 6), i16), ((3, 1), i16)])
    case("div_floor_mod_i8_same", "FLOOR_MOD", tf.math.floormod, [((4, 5), i8), ((4, 5), i8)])

    ok = True
    for name, want, fn, specs, kw in cases:
        if only and not any(o in name for o in only):
            continue
        try:
            ok &= write_case(name, want, fn, specs, rng, **kw)
        except Exception as e:  # noqa: BLE001
            print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)
            ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
