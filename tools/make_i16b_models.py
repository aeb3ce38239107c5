#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""int16 (16x8) and legacy uint8 models of ADD, SUB, MUL, LEAKY_RELU, HARD_SWISH, LOGISTIC, TANH, SOFTMAX,
MEAN, pools, CONCATENATION, PAD, STRIDED_SLICE, TRANSPOSE, RESHAPE, QUANTIZE and DEQUANTIZE, with TensorFlow
Lite 2.21 BUILTIN_REF goldens, written to testdata/generated/i16b_<op>_<variant>/ (3 input/expected pairs,
the third with extreme values).

16x8 models come from the converter (EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8, int16 I/O).
What the TF 2.x converter no longer emits (uint8 kernels, SOFTMAX int8 -> int16, QUANTIZE int16 <-> int32) is
built directly with the flatbuffer schema as a one-operator model; its goldens come from TFLite too.

  /work/V/bin/python tools/make_i16b_models.py [CASE_PREFIX...]
  /work/V/bin/python tools/make_i16b_models.py --seanet [DIR]
The second form writes BUILTIN_REF goldens beside TFLM's SEANet models (DIR, default
../public-models/seanet): NAME.input<k>.bin from NAME_input<k>_<type>.csv (TFLM's inputs) and
NAME.expected0.bin (never committed; read by ember-runtime's SeanetModelsTest).
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402
from tflite_build import tensor  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
NP = {fb.TensorType.INT8: np.int8, fb.TensorType.UINT8: np.uint8, fb.TensorType.INT16: np.int16,
      fb.TensorType.INT32: np.int32, fb.TensorType.FLOAT32: np.float32}


def op_names(tflite):
    m = fb.Model.GetRootAsModel(tflite, 0)
    names = {v: k for k, v in fb.BuiltinOperator.__dict__.items() if not k.startswith("_")}
    codes = [max(m.OperatorCodes(i).BuiltinCode(), m.OperatorCodes(i).DeprecatedBuiltinCode())
             for i in range(m.OperatorCodesLength())]
    g = m.Subgraphs(0)
    return [names[codes[g.Operators(i).OpcodeIndex()]] for i in range(g.OperatorsLength())]


def convert16(fn, shapes, rng, scales=None, float_io=False):
    scales = scales or [2.0] * len(shapes)
    specs = [tf.TensorSpec(s, tf.float32) for s in shapes]
    concrete = tf.function(fn).get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([concrete], fn)
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: (
        [rng.standard_normal(s).astype(np.float32) * k for s, k in zip(shapes, scales)] for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8]
    if not float_io:
        conv.inference_input_type = tf.int16
        conv.inference_output_type = tf.int16
    return conv.convert()


def sample(dtype, shape, rng, pair):
    if dtype == np.float32:
        x = rng.standard_normal(shape).astype(np.float32) * 3
        if pair == 2:
            x = rng.choice(np.array([-1e6, 1e6, 0.0, -0.0, 2.5, -2.5], dtype=np.float32), size=shape)
        return x
    info = np.iinfo(dtype)
    if pair < 2:
        lo, hi = (info.min, info.max) if dtype != np.int32 else (-(1 << 20), 1 << 20)
        return rng.integers(lo, hi, size=shape, endpoint=True).astype(dtype)
    return rng.choice(np.array([info.min, info.max, 0, info.min + 1 if info.min else 1], dtype=dtype), size=shape)


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
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            x = sample(det["dtype"], det["shape"], rng, pair)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d, ops)
    return True


# ---- one-operator models built with the schema ----


def single_op(builtin, inputs, output, options_type=0, options=None, consts=()):
    """inputs: (type, shape, scale, zp) activations; consts: (type, shape, ndarray) constant inputs after them."""
    tensors, buffers = [], [fb.BufferT()]
    ins = [tensor(tensors, buffers, f"in{i}", t, s, sc, zp) for i, (t, s, sc, zp) in enumerate(inputs)]
    cs = [tensor(tensors, buffers, f"c{i}", t, s, data=v) for i, (t, s, v) in enumerate(consts)]
    t, s, sc, zp = output
    out = tensor(tensors, buffers, "out", t, s, sc, zp)
    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = ins + cs
    op.outputs = [out]
    op.builtinOptionsType = options_type
    op.builtinOptions = options
    sg = fb.SubGraphT()
    sg.tensors = tensors
    sg.operators = [op]
    sg.inputs = ins
    sg.outputs = [out]
    sg.name = "main"
    c = fb.OperatorCodeT()
    c.builtinCode = builtin
    c.deprecatedBuiltinCode = min(builtin, 127)
    c.version = 1
    m = fb.ModelT()
    m.version = 3
    m.operatorCodes = [c]
    m.subgraphs = [sg]
    m.buffers = buffers
    m.description = "ember4j make_i16b_models.py"
    b = flatbuffers.Builder(1024)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


B = fb.BuiltinOperator
T = fb.TensorType
O = fb.BuiltinOptions


def opts(cls, **kw):
    o = cls()
    for k, v in kw.items():
        setattr(o, k, v)
    return o


def cases(rng):
    c = []
    s4 = (1, 4, 5, 6)
    # ADD / SUB (16x8: general scale path, left shift 15)
    c.append(("i16b_add_same", lambda: convert16(lambda a, b: a + b, [s4, s4], rng, [2.0, 0.5]), "ADD"))
    c.append(("i16b_add_bcast_relu", lambda: convert16(lambda a, b: tf.nn.relu(a + b), [s4, (1, 1, 1, 6)], rng,
                                                        [3.0, 1.0]), "ADD"))
    c.append(("i16b_sub_same", lambda: convert16(lambda a, b: a - b, [s4, s4], rng, [2.0, 0.7]), "SUB"))
    c.append(("i16b_sub_bcast", lambda: convert16(lambda a, b: a - b, [s4, (1, 4, 1, 6)], rng, [1.0, 4.0]),
              "SUB"))
    # ADD pot_scale_int16 path: power-of-two scales, zero points 0
    pot = (T.INT16, s4, 2.0 ** -12, 0)
    c.append(("i16b_add_pot", lambda: single_op(B.ADD, [pot, (T.INT16, s4, 2.0 ** -13, 0)], pot, O.AddOptions,
                                                 opts(fb.AddOptionsT, potScaleInt16=True)), "ADD"))
    c.append(("i16b_add_general_opt", lambda: single_op(B.ADD, [pot, (T.INT16, s4, 2.0 ** -13, 0)],
                                                         (T.INT16, s4, 3e-4, 0), O.AddOptions,
                                                         opts(fb.AddOptionsT, potScaleInt16=False)), "ADD"))
    c.append(("i16b_leakyrelu_a0p2", lambda: convert16(lambda x: tf.nn.leaky_relu(x, 0.2), [s4], rng),
              "LEAKY_RELU"))
    c.append(("i16b_leakyrelu_a1p5", lambda: convert16(lambda x: tf.nn.leaky_relu(x, 1.5), [s4], rng),
              "LEAKY_RELU"))
    c.append(("i16b_pad", lambda: convert16(lambda x: tf.pad(x, [[0, 0], [1, 2], [0, 1], [2, 0]]) * 1.0, [s4],
                                             rng), "PAD"))
    c.append(("i16b_stridedslice", lambda: convert16(lambda x: x[:, 1:4, ::2, 5:0:-2], [s4], rng),
              "STRIDED_SLICE"))
    # QUANTIZE / DEQUANTIZE
    c.append(("i16b_quantize_float_io", lambda: convert16(lambda x: tf.nn.leaky_relu(x, 0.3), [s4], rng,
                                                           float_io=True), "QUANTIZE"))
    c.append(("i16b_quantize_i16_i32", lambda: single_op(B.QUANTIZE, [(T.INT16, s4, 0.01, 0)],
                                                          (T.INT32, s4, 3e-7, 0)), "QUANTIZE"))
    c.append(("i16b_quantize_i32_i16", lambda: single_op(B.QUANTIZE, [(T.INT32, s4, 1e-5, 0)],
                                                          (T.INT16, s4, 7e-4, 0)), "QUANTIZE"))
    c.append(("i16b_quantize_i16_i8", lambda: single_op(B.QUANTIZE, [(T.INT16, s4, 1e-4, 0)],
                                                         (T.INT8, s4, 0.02, -5)), "QUANTIZE"))
    # SOFTMAX
    c.append(("i16b_softmax_16x8", lambda: convert16(lambda x: tf.nn.softmax(x), [(1, 3, 10)], rng, [4.0]),
              "SOFTMAX"))
    c.append(("i16b_softmax_i8_i16", lambda: single_op(B.SOFTMAX, [(T.INT8, (2, 12), 0.1, -7)],
                                                        (T.INT16, (2, 12), 1.0 / 32768, 0), O.SoftmaxOptions,
                                                        opts(fb.SoftmaxOptionsT, beta=1.0)), "SOFTMAX"))
    c.append(("i16b_softmax_i16_beta", lambda: single_op(B.SOFTMAX, [(T.INT16, (3, 7), 5e-4, 0)],
                                                          (T.INT16, (3, 7), 1.0 / 32768, 0), O.SoftmaxOptions,
                                                          opts(fb.SoftmaxOptionsT, beta=0.7)), "SOFTMAX"))
    # Not yet run by Ember4j (int16 kernels still to write): LOGISTIC, TANH, MUL, pools, MEAN, CONCATENATION.
    return c


def seanet(directory):
    directory = pathlib.Path(directory)
    n = 0
    for model in sorted(directory.glob("*/*.tflite")):
        name = model.stem
        it = tf.lite.Interpreter(model_path=str(model), num_threads=1, experimental_op_resolver_type=REF)
        it.allocate_tensors()
        for i, det in enumerate(it.get_input_details()):
            csv = next(model.parent.glob(f"{name}_input{i}_*.csv"))
            x = np.loadtxt(csv, delimiter=",", dtype=np.int64).reshape(det["shape"]).astype(det["dtype"])
            it.set_tensor(det["index"], x)
            x.tofile(model.parent / f"{name}.input{i}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(model.parent / f"{name}.expected{o}.bin")
        n += 1
    print("wrote goldens of", n, "models in", directory)


def main():
    if sys.argv[1:2] == ["--seanet"]:
        seanet(sys.argv[2] if len(sys.argv) > 2 else ROOT.parent / "public-models" / "seanet")
        return
    rng = np.random.default_rng(20261610)
    only = sys.argv[1:]
    for name, make, want in cases(rng):
        if only and not any(name.startswith(p) for p in only):
            continue
        write_case(name, make(), rng, want)


if __name__ == "__main__":
    main()
