#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Int8 models of the element-wise binary operators (SUB, SQUARED_DIFFERENCE, MAXIMUM, MINIMUM, the
comparisons, SELECT_V2) with TensorFlow Lite 2.21 BUILTIN_REF goldens, written to
testdata/generated/elem_<op>_<variant>/ (3 input/expected pairs, the third with extreme values).

Each model is one tf.function converted with full-int8 quantization (int8 inputs and outputs; BOOL
where an operator produces it); the script checks that the intended operator is in the converted model.
Run: /work/V/bin/python tools/make_elem_models.py
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"


def convert(fn, shapes, rng, scales=None):
    """Converts fn over float32 inputs of the given shapes; scales spreads each input's range."""
    scales = scales or [2.0] * len(shapes)
    specs = [tf.TensorSpec(s, tf.float32) for s in shapes]
    concrete = tf.function(fn).get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([concrete], fn)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: (
        [rng.standard_normal(s).astype(np.float32) * k for s, k in zip(shapes, scales)] for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    return conv.convert()


def op_names(tflite):
    from tensorflow.lite.python import schema_py_generated as s
    m = s.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in s.BuiltinOperator.__dict__.items() if not k.startswith("_")}
    codes = [max(m.OperatorCodes(i).BuiltinCode(), m.OperatorCodes(i).DeprecatedBuiltinCode())
             for i in range(m.OperatorCodesLength())]
    g = m.Subgraphs(0)
    return [names[codes[g.Operators(i).OpcodeIndex()]] for i in range(g.OperatorsLength())]


def write_case(name, tflite, rng, want):
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
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1,
                             experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF)
    it.allocate_tensors()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            if det["dtype"] == np.bool_:
                x = rng.integers(0, 2, size=det["shape"]).astype(np.bool_)
            elif pair < 2:
                x = rng.integers(-128, 128, size=det["shape"], dtype=np.int8)
            else:  # extremes to stress saturation
                x = rng.choice(np.array([-128, 127, 0, -1], dtype=np.int8), size=det["shape"])
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d, ops)
    return True


def main():
    rng = np.random.default_rng(20260521)
    only = sys.argv[1:]
    cases = []

    def case(name, want, fn, shapes, scales=None):
        cases.append((name, want, fn, shapes, scales))

    # SUB
    case("elem_sub_same", "SUB", lambda a, b: a - b, [(1, 4, 4, 3), (1, 4, 4, 3)], [2.0, 0.5])
    case("elem_sub_bcast_channel", "SUB", lambda a, b: a - b, [(1, 4, 4, 3), (3,)], [1.0, 3.0])
    case("elem_sub_bcast_both", "SUB", lambda a, b: a - b, [(2, 1, 5), (1, 3, 1)])
    case("elem_sub_relu", "SUB", lambda a, b: tf.nn.relu(a - b), [(1, 6, 8), (1, 6, 8)])
    case("elem_sub_relu6_bcast", "SUB", lambda a, b: tf.nn.relu6(b - a), [(2, 3, 4), (4,)], [4.0, 4.0])
    case("elem_sub_const", "SUB", lambda a: a - tf.constant(np.linspace(-1, 1, 6, dtype=np.float32)),
         [(1, 4, 6)])
    case("elem_sub_const_first", "SUB", lambda a: tf.constant(0.75) - a, [(3, 7)])
    # SQUARED_DIFFERENCE
    case("elem_squared_difference_same", "SQUARED_DIFFERENCE", lambda a, b: tf.math.squared_difference(a, b),
         [(1, 5, 5, 2), (1, 5, 5, 2)], [1.0, 0.3])
    case("elem_squared_difference_bcast", "SQUARED_DIFFERENCE", lambda a, b: tf.math.squared_difference(a, b),
         [(2, 3, 4), (1, 4)])
    # MAXIMUM / MINIMUM
    case("elem_maximum_same", "MAXIMUM", lambda a, b: tf.maximum(a, b), [(1, 4, 4, 3), (1, 4, 4, 3)])
    case("elem_maximum_bcast", "MAXIMUM", lambda a, b: tf.maximum(a, b), [(2, 3, 4), (3, 1)])
    case("elem_minimum_same", "MINIMUM", lambda a, b: tf.minimum(a, b), [(4, 9), (4, 9)])
    case("elem_minimum_bcast_rank5", "MINIMUM", lambda a, b: tf.minimum(a, b), [(2, 1, 3, 2, 2), (3, 1, 1)])
    case("elem_minimum_const", "MINIMUM",
         lambda a: tf.minimum(a, tf.constant(np.linspace(-1, 1, 5, dtype=np.float32))), [(3, 5)])
    # comparisons
    for nm, op, f in [("equal", "EQUAL", tf.math.equal), ("not_equal", "NOT_EQUAL", tf.math.not_equal),
                      ("less", "LESS", tf.math.less), ("less_equal", "LESS_EQUAL", tf.math.less_equal),
                      ("greater", "GREATER", tf.math.greater),
                      ("greater_equal", "GREATER_EQUAL", tf.math.greater_equal)]:
        case(f"elem_{nm}_same", op, (lambda f: lambda a, b: f(a, b))(f), [(1, 6, 6, 2), (1, 6, 6, 2)], [1.0, 1.3])
        case(f"elem_{nm}_bcast", op, (lambda f: lambda a, b: f(a, b))(f), [(2, 3, 4), (4,)], [0.5, 2.0])
    # equal raw values under shared quantization: a against max(a, b)
    case("elem_equal_with_max", "EQUAL", lambda a, b: tf.math.equal(a, tf.maximum(a, b)), [(2, 4, 5), (2, 4, 5)])
    case("elem_not_equal_with_min", "NOT_EQUAL", lambda a, b: tf.math.not_equal(tf.minimum(a, b), a), [(3, 6), (6,)])
    case("elem_greater_const", "GREATER", lambda a: tf.math.greater(a, tf.constant(0.25)), [(3, 8)])
    # SELECT_V2
    case("elem_select_where", "SELECT", lambda a, b: tf.where(a > b, a, b * 0.5 + 0.1),
         [(1, 4, 4, 3), (1, 4, 4, 3)])
    case("elem_select_v2_bcast", "SELECT_V2", lambda a, b, c: tf.where(a > 0.1, b, c),
         [(3, 1), (1, 4), (3, 4)])
    case("elem_select_v2_scalar_cond", "SELECT_V2",
         lambda a, b, c: tf.where(tf.reduce_max(a) > 0.5, b, c), [(2,), (2, 5), (2, 5)])

    for name, want, fn, shapes, scales in cases:
        if only and not any(o in name for o in only):
            continue
        try:
            write_case(name, convert(fn, shapes, rng, scales), rng, want)
        except Exception as e:  # noqa: BLE001
            print(f"FAIL {name}: {type(e).__name__}: {e}", file=sys.stderr)


if __name__ == "__main__":
    main()
