#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""int16 (16x8) and legacy uint8 cases of CONV_2D, TRANSPOSE_CONV, FULLY_CONNECTED and DEPTHWISE_CONV_2D.

Writes testdata/generated/i16a_<op>_<variant>/{model.tflite,input0.bin,expected0.bin,...,case.json} (3 pairs,
suffixes "", ".1", ".2"; the third holds extremes), goldens from tf.lite.Interpreter with BUILTIN_REF, one thread.

- 16x8 models come from the converter (EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8, int16 I/O).
- uint8 models: TF 2.x converters no longer emit uint8 kernels, so they are written directly with the flatbuffer
  schema (asymmetric uint8 weights and activations, int32 bias with scale input*weights).
- With --seanet DIR (default /work/public-models/seanet): for TFLM's SEANet conv/ and transpose_conv/ models, writes
  NAME_refgolden_int16.csv beside each NAME.tflite: the BUILTIN_REF output for NAME_input0_int16.csv (not committed).

Run: /work/V/bin/python tools/make_i16a_models.py [substring-filter] [--seanet-only]
"""
import hashlib
import json
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
SEANET = pathlib.Path(os.environ.get("EMBER_SEANET", "/work/public-models/seanet"))


def convert16(fn, shapes, rng, ranges):
    sig = [tf.TensorSpec(s, tf.float32) for s in shapes]
    cf = tf.function(fn, input_signature=sig).get_concrete_function()
    conv = tf.lite.TFLiteConverter.from_concrete_functions([cf])
    conv.optimizations = [tf.lite.Optimize.DEFAULT]

    def rep():
        for _ in range(64):
            yield [(rng.standard_normal(s) * r).astype(np.float32) for s, r in zip(shapes, ranges)]

    conv.representative_dataset = rep
    conv.target_spec.supported_ops = [tf.lite.OpsSet.EXPERIMENTAL_TFLITE_BUILTINS_ACTIVATIONS_INT16_WEIGHTS_INT8]
    conv.inference_input_type = tf.int16
    conv.inference_output_type = tf.int16
    return conv.convert()


def ops_of(tflite):
    it = tf.lite.Interpreter(model_content=tflite, experimental_op_resolver_type=REF)
    return [o["op_name"] for o in it._get_ops_details()]


# cases whose pair 1 is large same-signed input (accumulators beyond 32 bits)
POSITIVE_PAIR1 = {"i16a_fc_deep"}


def make_input(det, pair, rng, name=""):
    shape = det["shape"]
    dt = det["dtype"]
    info = np.iinfo(dt)
    if pair == 1 and name in POSITIVE_PAIR1:
        return (rng.integers(info.max // 2, info.max + 1, size=shape, dtype=np.int64).astype(dt),
                "uniform random in the upper half of the type (same-signed)")
    if pair == 0:
        return rng.integers(info.min, info.max + 1, size=shape, dtype=np.int64).astype(dt), "uniform random"
    if pair == 1:
        span = (int(info.max) - int(info.min)) // 8
        mid = 0 if info.min < 0 else 128
        return (rng.integers(mid - span // 2, mid + span // 2, size=shape, dtype=np.int64).astype(dt),
                "uniform random over the middle eighth")
    x = rng.choice(np.array([info.min, info.max], dtype=dt), size=shape)
    flat = x.reshape(-1)
    q = max(1, flat.size // 4)
    flat[:q] = info.min
    flat[q:2 * q] = info.max
    return x, "extremes (type min/max with contiguous runs)"


def write_case(name, tflite, rng, want, note):
    ops = ops_of(tflite)
    missing = [w for w in want if w not in ops]
    if missing:
        raise SystemExit(f"{name}: wanted {want}, got {ops}")
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    pairs = []
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        data = ""
        for i, det in enumerate(it.get_input_details()):
            x, data = make_input(det, pair, rng, name)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
        pairs.append({"suffix": sfx, "data": data})

    def io(dets):
        out = []
        for det in dets:
            s, z = det["quantization"]
            out.append({"name": det["name"], "shape": [int(v) for v in det["shape"]],
                        "dtype": np.dtype(det["dtype"]).name, "scale": float(s), "zero_point": int(z)})
        return out

    meta = {"name": name, "tier": "extended", "ops": ops, "note": note,
            "inputs": io(it.get_input_details()), "outputs": io(it.get_output_details()),
            "pairs": pairs, "model_sha256": hashlib.sha256(tflite).hexdigest(), "model_bytes": len(tflite)}
    (d / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {name}: {ops} ({len(tflite)} bytes)")


# ---------------------------------------------------------------- 16x8 models (converter)

def w(rng, *shape, s=0.3):
    return tf.constant((rng.standard_normal(shape) * s).astype(np.float32))


def cases16(rng):
    c = []
    k1 = w(rng, 3, 3, 4, 6)
    b1 = w(rng, 6)
    c.append(("i16a_conv_same_relu", lambda x: tf.nn.relu(tf.nn.conv2d(x, k1, 1, "SAME") + b1), [(1, 6, 7, 4)],
              [1.0], ["CONV_2D"], "16x8 CONV_2D 3x3 SAME, bias, fused RELU"))
    k2 = w(rng, 3, 2, 3, 5)
    c.append(("i16a_conv_stride2_valid", lambda x: tf.nn.conv2d(x, k2, 2, "VALID"), [(2, 9, 8, 3)], [2.0],
              ["CONV_2D"], "16x8 CONV_2D 3x2 stride 2 VALID, batch 2, no bias in the graph"))
    k3 = w(rng, 3, 3, 2, 4)
    b3 = w(rng, 4, s=2.0)
    c.append(("i16a_conv_dilated_relu6",
              lambda x: tf.nn.relu6(tf.nn.conv2d(x, k3, 1, "SAME", dilations=2) + b3), [(1, 7, 7, 2)], [3.0],
              ["CONV_2D"], "16x8 CONV_2D dilation 2 SAME, large bias, fused RELU6"))
    kt = w(rng, 3, 3, 5, 4)  # [h, w, out, in]
    c.append(("i16a_transpose_conv_s2_same",
              lambda x: tf.nn.conv2d_transpose(x, kt, (1, 8, 10, 5), 2, "SAME"), [(1, 4, 5, 4)], [1.0],
              ["TRANSPOSE_CONV"], "16x8 TRANSPOSE_CONV 3x3 stride 2 SAME"))
    kt2 = w(rng, 2, 3, 3, 2)
    bt2 = w(rng, 3)
    c.append(("i16a_transpose_conv_valid_bias",
              lambda x: tf.nn.conv2d_transpose(x, kt2, (1, 6, 9, 3), (1, 2), "VALID") + bt2, [(1, 5, 4, 2)], [2.0],
              ["TRANSPOSE_CONV"], "16x8 TRANSPOSE_CONV 2x3 stride 1x2 VALID with bias"))
    kf = w(rng, 12, 7)
    bf = w(rng, 7)
    c.append(("i16a_fc_bias_relu", lambda x: tf.nn.relu(tf.matmul(x, kf) + bf), [(3, 12)], [1.0],
              ["FULLY_CONNECTED"], "16x8 FULLY_CONNECTED 3 rows, bias, fused RELU"))
    kf2 = w(rng, 20, 5)
    c.append(("i16a_fc_nobias", lambda x: tf.matmul(x, kf2), [(1, 20)], [2.0], ["FULLY_CONNECTED"],
              "16x8 FULLY_CONNECTED without bias"))
    kf3 = tf.abs(w(rng, 1024, 4, s=1.0)) + 0.5  # same-signed weights: extreme runs add up
    bf3 = w(rng, 4)
    c.append(("i16a_fc_deep", lambda x: tf.matmul(x, kf3) + bf3, [(2, 1024)], [1.0], ["FULLY_CONNECTED"],
              "16x8 FULLY_CONNECTED depth 1024: extreme inputs take the accumulator beyond 32 bits"))
    kd = w(rng, 3, 3, 4, 2)
    bd = w(rng, 8)
    c.append(("i16a_dwconv_mult2_relu",
              lambda x: tf.nn.relu(tf.nn.depthwise_conv2d(x, kd, [1, 1, 1, 1], "SAME") + bd), [(1, 6, 5, 4)], [1.0],
              ["DEPTHWISE_CONV_2D"], "16x8 DEPTHWISE_CONV_2D 3x3 multiplier 2 SAME, bias, RELU"))
    kd2 = w(rng, 2, 3, 6, 1)
    c.append(("i16a_dwconv_stride2_valid",
              lambda x: tf.nn.depthwise_conv2d(x, kd2, [1, 2, 2, 1], "VALID"), [(2, 7, 8, 6)], [2.0],
              ["DEPTHWISE_CONV_2D"], "16x8 DEPTHWISE_CONV_2D 2x3 stride 2 VALID, batch 2"))
    return c


# ---------------------------------------------------------------- uint8 models (flatbuffer)


def one_op_model(builtin, opts_type, opts, build):
    tensors, buffers = [], [fb.BufferT()]
    inputs, outputs = build(tensors, buffers)
    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = inputs
    op.outputs = outputs
    op.builtinOptionsType = opts_type
    op.builtinOptions = opts
    sg = fb.SubGraphT()
    sg.tensors = tensors
    sg.operators = [op]
    sg.inputs = [inputs[0]]
    sg.outputs = outputs
    sg.name = "main"
    code = fb.OperatorCodeT()
    code.builtinCode = builtin
    code.deprecatedBuiltinCode = min(builtin, 127)
    code.version = 1
    m = fb.ModelT()
    m.version = 3
    m.operatorCodes = [code]
    m.subgraphs = [sg]
    m.buffers = buffers
    m.description = "ember4j make_i16a_models.py"
    b = flatbuffers.Builder(1024)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


def u8_weighted(rng, in_shape, w_shape, out_shape, bias_n, in_q, w_q, out_q):
    def build(tensors, buffers):
        x = tensor(tensors, buffers, "input", fb.TensorType.UINT8, in_shape, *in_q)
        wd = rng.integers(0, 256, size=w_shape, dtype=np.int64).astype(np.uint8)
        wt = tensor(tensors, buffers, "weights", fb.TensorType.UINT8, w_shape, *w_q, data=wd)
        ins = [x, wt]
        if bias_n:
            bs = in_q[0] * w_q[0]
            bd = rng.integers(-3000, 3000, size=(bias_n,), dtype=np.int64).astype(np.int32)
            ins.append(tensor(tensors, buffers, "bias", fb.TensorType.INT32, (bias_n,), bs, 0, data=bd))
        y = tensor(tensors, buffers, "output", fb.TensorType.UINT8, out_shape, *out_q)
        return ins, [y]
    return build


def cases8(rng):
    out = []
    o = fb.Conv2DOptionsT()
    o.padding, o.strideW, o.strideH, o.fusedActivationFunction = fb.Padding.SAME, 1, 1, fb.ActivationFunctionType.NONE
    o.dilationWFactor = o.dilationHFactor = 1
    out.append(("i16a_u8_conv_same", one_op_model(fb.BuiltinOperator.CONV_2D, fb.BuiltinOptions.Conv2DOptions, o,
                u8_weighted(rng, (1, 6, 5, 3), (4, 3, 3, 3), (1, 6, 5, 4), 4, (0.05, 120), (0.02, 131), (0.3, 100))),
                ["CONV_2D"], "uint8 CONV_2D 3x3 SAME, asymmetric weights, int32 bias"))
    o = fb.Conv2DOptionsT()
    o.padding, o.strideW, o.strideH, o.fusedActivationFunction = fb.Padding.VALID, 2, 2, fb.ActivationFunctionType.RELU6
    o.dilationWFactor = o.dilationHFactor = 1
    out.append(("i16a_u8_conv_s2_relu6", one_op_model(fb.BuiltinOperator.CONV_2D, fb.BuiltinOptions.Conv2DOptions, o,
                u8_weighted(rng, (2, 7, 7, 2), (3, 3, 3, 2), (2, 3, 3, 3), 3, (0.1, 7), (0.01, 250), (0.04, 3))),
                ["CONV_2D"], "uint8 CONV_2D stride 2 VALID, RELU6, batch 2"))
    o = fb.DepthwiseConv2DOptionsT()
    o.padding, o.strideW, o.strideH, o.depthMultiplier = fb.Padding.SAME, 1, 1, 2
    o.fusedActivationFunction = fb.ActivationFunctionType.RELU
    o.dilationWFactor = o.dilationHFactor = 1
    out.append(("i16a_u8_dwconv_mult2", one_op_model(fb.BuiltinOperator.DEPTHWISE_CONV_2D,
                fb.BuiltinOptions.DepthwiseConv2DOptions, o,
                u8_weighted(rng, (1, 5, 6, 3), (1, 3, 3, 6), (1, 5, 6, 6), 6, (0.05, 128), (0.03, 100), (0.1, 60))),
                ["DEPTHWISE_CONV_2D"], "uint8 DEPTHWISE_CONV_2D multiplier 2 SAME, RELU"))
    o = fb.DepthwiseConv2DOptionsT()
    o.padding, o.strideW, o.strideH, o.depthMultiplier = fb.Padding.VALID, 2, 1, 1
    o.fusedActivationFunction = fb.ActivationFunctionType.NONE
    o.dilationWFactor = o.dilationHFactor = 1
    out.append(("i16a_u8_dwconv_valid", one_op_model(fb.BuiltinOperator.DEPTHWISE_CONV_2D,
                fb.BuiltinOptions.DepthwiseConv2DOptions, o,
                u8_weighted(rng, (1, 6, 7, 4), (1, 2, 3, 4), (1, 5, 3, 4), 4, (0.02, 30), (0.05, 140), (0.05, 140))),
                ["DEPTHWISE_CONV_2D"], "uint8 DEPTHWISE_CONV_2D 2x3 stride 1x2 VALID"))
    o = fb.FullyConnectedOptionsT()
    o.fusedActivationFunction = fb.ActivationFunctionType.NONE
    out.append(("i16a_u8_fc", one_op_model(fb.BuiltinOperator.FULLY_CONNECTED, fb.BuiltinOptions.FullyConnectedOptions,
                o, u8_weighted(rng, (2, 16), (6, 16), (2, 6), 6, (0.05, 128), (0.02, 120), (0.2, 128))),
                ["FULLY_CONNECTED"], "uint8 FULLY_CONNECTED 2 rows, int32 bias"))
    o = fb.FullyConnectedOptionsT()
    o.fusedActivationFunction = fb.ActivationFunctionType.RELU
    out.append(("i16a_u8_fc_relu", one_op_model(fb.BuiltinOperator.FULLY_CONNECTED,
                fb.BuiltinOptions.FullyConnectedOptions, o,
                u8_weighted(rng, (1, 30), (5, 30), (1, 5), 5, (0.1, 10), (0.01, 128), (0.5, 20))),
                ["FULLY_CONNECTED"], "uint8 FULLY_CONNECTED RELU"))
    return out


# ---------------------------------------------------------------- SEANet BUILTIN_REF goldens

def seanet_goldens(dirs=("conv", "transpose_conv")):
    if not SEANET.is_dir():
        print(f"{SEANET} absent: no SEANet goldens")
        return
    for sub in dirs:
        for model in sorted((SEANET / sub).glob("*.tflite")):
            stem = model.with_suffix("")
            it = tf.lite.Interpreter(model_path=str(model), num_threads=1, experimental_op_resolver_type=REF)
            it.allocate_tensors()
            ok = True
            for k, det in enumerate(it.get_input_details()):
                inp = pathlib.Path(f"{stem}_input{k}_{np.dtype(det['dtype']).name}.csv")
                if not inp.is_file():
                    ok = False
                    break
                x = np.loadtxt(inp, delimiter=",", dtype=np.int64).reshape(det["shape"]).astype(det["dtype"])
                it.set_tensor(det["index"], x)
            if not ok:
                print(f"seanet {sub}/{model.name}: inputs missing, skipped")
                continue
            it.invoke()
            y = it.get_tensor(it.get_output_details()[0]["index"]).reshape(-1)
            pathlib.Path(str(stem) + "_refgolden_int16.csv").write_text(",".join(str(int(v)) for v in y) + "\n")
            tflm = np.loadtxt(pathlib.Path(str(stem) + "_golden_int16.csv"), delimiter=",", dtype=np.int64).reshape(-1)
            diff = int(np.abs(tflm - y.astype(np.int64)).max()) if tflm.size == y.size else -1
            print(f"seanet {sub}/{model.name}: {ops_of(model.read_bytes())}, max |TFLM - REF| = {diff}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    flt = args[0] if args else ""
    if "--seanet-only" not in sys.argv:
        rng = np.random.default_rng(1016)
        for name, fn, shapes, ranges, want, note in cases16(rng):
            if flt in name:
                write_case(name, convert16(fn, shapes, rng, ranges), rng, want, note)
        for name, model, want, note in cases8(rng):
            if flt in name:
                write_case(name, model, rng, want, note)
    if "--no-seanet" not in sys.argv:
        seanet_goldens()


if __name__ == "__main__":
    main()
