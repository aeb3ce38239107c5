#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Legacy uint8 (asymmetric) cases: AVERAGE_POOL_2D, MAX_POOL_2D, CONCATENATION, LOGISTIC, ADD, SOFTMAX,
RESHAPE, and two small all-uint8 models.

TF 2.x converters no longer emit uint8 inference models, so every model is written directly with the
flatbuffer schema (tensorflow.lite.python.schema_py_generated), as tools/make_i16a_models.py does for its uint8
CONV_2D/DEPTHWISE_CONV_2D/FULLY_CONNECTED cases. Writes testdata/generated/u8_<case>/{model.tflite,
input<i>[.k].bin, expected<o>[.k].bin, case.json} (3 pairs: uniform random, the middle eighth, extremes); goldens
from tf.lite.Interpreter with BUILTIN_REF, one thread.

Run: /work/V/bin/python tools/make_u8_models.py [substring-filter]
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
from ember_goldens import case_dir, write_manifest  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
U8 = fb.TensorType.UINT8
ACT = fb.ActivationFunctionType


class Graph:
    """A one-subgraph model under construction: tensors, constant buffers, operators."""

    def __init__(self):
        self.tensors, self.buffers, self.ops, self.codes = [], [fb.BufferT()], [], []
        self.inputs, self.outputs = [], []

    def tensor(self, name, shape, ttype=U8, q=None, data=None):
        t = fb.TensorT()
        t.name, t.type, t.shape = name, ttype, list(shape)
        b = fb.BufferT()
        if data is not None:
            b.data = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8)
        self.buffers.append(b)
        t.buffer = len(self.buffers) - 1
        if q is not None:
            qp = fb.QuantizationParametersT()
            qp.scale, qp.zeroPoint = [float(q[0])], [int(q[1])]
            t.quantization = qp
        self.tensors.append(t)
        return len(self.tensors) - 1

    def input(self, name, shape, q):
        i = self.tensor(name, shape, U8, q)
        self.inputs.append(i)
        return i

    def op(self, builtin, ins, outs, opts_type=0, opts=None):
        if builtin not in self.codes:
            self.codes.append(builtin)
        o = fb.OperatorT()
        o.opcodeIndex = self.codes.index(builtin)
        o.inputs, o.outputs = list(ins), list(outs)
        o.builtinOptionsType, o.builtinOptions = opts_type, opts
        self.ops.append(o)
        return outs[0]

    def build(self, outputs):
        sg = fb.SubGraphT()
        sg.tensors, sg.operators, sg.inputs, sg.outputs, sg.name = self.tensors, self.ops, self.inputs, outputs, "main"
        codes = []
        for builtin in self.codes:
            c = fb.OperatorCodeT()
            c.builtinCode, c.deprecatedBuiltinCode, c.version = builtin, min(builtin, 127), 1
            codes.append(c)
        m = fb.ModelT()
        m.version, m.operatorCodes, m.subgraphs, m.buffers = 3, codes, [sg], self.buffers
        m.description = "ember4j make_u8_models.py"
        b = flatbuffers.Builder(1024)
        b.Finish(m.Pack(b), file_identifier=b"TFL3")
        return bytes(b.Output())


# ---------------------------------------------------------------- operator options

def pool(g, builtin, x, out, padding, stride, filt, act=ACT.NONE):
    o = fb.Pool2DOptionsT()
    o.padding, o.strideH, o.strideW = padding, stride[0], stride[1]
    o.filterHeight, o.filterWidth, o.fusedActivationFunction = filt[0], filt[1], act
    return g.op(builtin, [x], [out], fb.BuiltinOptions.Pool2DOptions, o)


def concat(g, xs, out, axis):
    o = fb.ConcatenationOptionsT()
    o.axis, o.fusedActivationFunction = axis, ACT.NONE
    return g.op(fb.BuiltinOperator.CONCATENATION, xs, [out], fb.BuiltinOptions.ConcatenationOptions, o)


def add(g, a, b, out, act=ACT.NONE):
    o = fb.AddOptionsT()
    o.fusedActivationFunction = act
    return g.op(fb.BuiltinOperator.ADD, [a, b], [out], fb.BuiltinOptions.AddOptions, o)


def softmax(g, x, out, beta):
    o = fb.SoftmaxOptionsT()
    o.beta = beta
    return g.op(fb.BuiltinOperator.SOFTMAX, [x], [out], fb.BuiltinOptions.SoftmaxOptions, o)


def reshape(g, x, out, shape):
    o = fb.ReshapeOptionsT()
    o.newShape = list(shape)
    s = g.tensor("shape", (len(shape),), fb.TensorType.INT32, data=np.array(shape, dtype=np.int32))
    return g.op(fb.BuiltinOperator.RESHAPE, [x, s], [out], fb.BuiltinOptions.ReshapeOptions, o)


def conv(g, rng, x, out, in_q, w_q, cout, k, stride, padding, act):
    cin = g.tensors[x].shape[3]
    name = g.tensors[out].name
    w = g.tensor(f"{name}_weights", (cout, k, k, cin), U8, w_q,
                 rng.integers(0, 256, size=(cout, k, k, cin), dtype=np.int64).astype(np.uint8))
    b = g.tensor(f"{name}_bias", (cout,), fb.TensorType.INT32, (in_q[0] * w_q[0], 0),
                 rng.integers(-2000, 2000, size=(cout,), dtype=np.int64).astype(np.int32))
    o = fb.Conv2DOptionsT()
    o.padding, o.strideH, o.strideW, o.fusedActivationFunction = padding, stride, stride, act
    o.dilationHFactor = o.dilationWFactor = 1
    return g.op(fb.BuiltinOperator.CONV_2D, [x, w, b], [out], fb.BuiltinOptions.Conv2DOptions, o)


def fully_connected(g, rng, x, out, in_q, w_q, units, depth):
    name = g.tensors[out].name
    w = g.tensor(f"{name}_weights", (units, depth), U8, w_q,
                 rng.integers(0, 256, size=(units, depth), dtype=np.int64).astype(np.uint8))
    b = g.tensor(f"{name}_bias", (units,), fb.TensorType.INT32, (in_q[0] * w_q[0], 0),
                 rng.integers(-3000, 3000, size=(units,), dtype=np.int64).astype(np.int32))
    o = fb.FullyConnectedOptionsT()
    o.fusedActivationFunction = ACT.NONE
    return g.op(fb.BuiltinOperator.FULLY_CONNECTED, [x, w, b], [out], fb.BuiltinOptions.FullyConnectedOptions, o)


# ---------------------------------------------------------------- cases

SAME, VALID = fb.Padding.SAME, fb.Padding.VALID
AVG, MAX = fb.BuiltinOperator.AVERAGE_POOL_2D, fb.BuiltinOperator.MAX_POOL_2D


def pool_case(builtin, shape, q, padding, stride, filt, out_hw, act=ACT.NONE):
    g = Graph()
    x = g.input("input", shape, q)
    y = g.tensor("output", (shape[0], out_hw[0], out_hw[1], shape[3]), U8, q)
    pool(g, builtin, x, y, padding, stride, filt, act)
    return g.build([y])


def concat_case(shapes, qs, out_q, axis):
    g = Graph()
    xs = [g.input(f"input{i}", s, q) for i, (s, q) in enumerate(zip(shapes, qs))]
    a = axis % len(shapes[0])
    out_shape = list(shapes[0])
    out_shape[a] = sum(s[a] for s in shapes)
    y = g.tensor("output", out_shape, U8, out_q)
    concat(g, xs, y, axis)
    return g.build([y])


def unary_case(builtin, shape, in_q, out_q, opts_type=0, opts=None):
    g = Graph()
    x = g.input("input", shape, in_q)
    y = g.tensor("output", shape, U8, out_q)
    g.op(builtin, [x], [y], opts_type, opts)
    return g.build([y])


def softmax_case(shape, in_q, beta):
    g = Graph()
    x = g.input("input", shape, in_q)
    y = g.tensor("output", shape, U8, (1 / 256, 0))
    softmax(g, x, y, beta)
    return g.build([y])


def add_case(sa, sb, qa, qb, out_shape, out_q, act):
    g = Graph()
    a = g.input("input1", sa, qa)
    b = g.input("input2", sb, qb)
    y = g.tensor("output", out_shape, U8, out_q)
    add(g, a, b, y, act)
    return g.build([y])


def reshape_case():
    g = Graph()
    x = g.input("input", (1, 4, 6), (0.07, 99))
    y = g.tensor("output", (2, 12), U8, (0.07, 99))
    reshape(g, x, y, (2, 12))
    return g.build([y])


def model_cnn(rng):
    """CONV_2D -> MAX_POOL_2D -> CONV_2D -> AVERAGE_POOL_2D -> RESHAPE -> FULLY_CONNECTED -> SOFTMAX, all uint8."""
    g = Graph()
    q_in, q1, q2, q3 = (1 / 128, 128), (0.05, 10), (0.08, 30), (1.0, 128)
    x = g.input("image", (1, 12, 12, 2), q_in)
    c1 = conv(g, rng, x, g.tensor("conv1", (1, 12, 12, 6), U8, q1), q_in, (0.01, 120), 6, 3, 1, SAME, ACT.RELU6)
    p1 = pool(g, MAX, c1, g.tensor("maxpool", (1, 6, 6, 6), U8, q1), VALID, (2, 2), (2, 2))
    c2 = conv(g, rng, p1, g.tensor("conv2", (1, 3, 3, 8), U8, q2), q1, (0.02, 127), 8, 3, 2, SAME, ACT.RELU)
    p2 = pool(g, AVG, c2, g.tensor("avgpool", (1, 1, 1, 8), U8, q2), VALID, (3, 3), (3, 3))
    r = reshape(g, p2, g.tensor("flat", (1, 8), U8, q2), (1, 8))
    f = fully_connected(g, rng, r, g.tensor("logits", (1, 5), U8, q3), q2, (0.03, 128), 5, 8)
    y = softmax(g, f, g.tensor("probabilities", (1, 5), U8, (1 / 256, 0)), 0.1)
    return g.build([y])


def model_branches(rng):
    """Two CONV_2D branches of different quantization, CONCATENATION (rescaling), ADD, LOGISTIC; two outputs."""
    g = Graph()
    q_in, qa, qb, qc, qs = (0.02, 100), (0.04, 20), (0.11, 140), (0.06, 90), (0.09, 110)
    x = g.input("input", (1, 5, 5, 3), q_in)
    a = conv(g, rng, x, g.tensor("branch_a", (1, 5, 5, 4), U8, qa), q_in, (0.02, 130), 4, 3, 1, SAME, ACT.NONE)
    b = conv(g, rng, x, g.tensor("branch_b", (1, 5, 5, 4), U8, qb), q_in, (0.015, 110), 4, 1, 1, SAME, ACT.NONE)
    c = concat(g, [a, b], g.tensor("joined", (1, 5, 5, 8), U8, qc), 3)
    s = add(g, c, c, g.tensor("doubled", (1, 5, 5, 8), U8, qs), ACT.RELU)
    y = g.op(fb.BuiltinOperator.LOGISTIC, [s], [g.tensor("gate", (1, 5, 5, 8), U8, (1 / 256, 0))])
    return g.build([y, c])


def cases(rng):
    c = []
    c.append(("u8_avgpool_same_relu6", pool_case(AVG, (1, 7, 6, 3), (0.05, 30), SAME, (2, 2), (3, 3), (4, 3),
                                                 ACT.RELU6), "uint8 AVERAGE_POOL_2D 3x3 stride 2 SAME, fused RELU6"))
    c.append(("u8_avgpool_valid", pool_case(AVG, (2, 6, 8, 4), (0.1, 128), VALID, (2, 1), (2, 3), (3, 6)),
              "uint8 AVERAGE_POOL_2D 2x3 stride 2x1 VALID, batch 2"))
    c.append(("u8_maxpool_same_relu", pool_case(MAX, (1, 5, 7, 2), (0.03, 140), SAME, (1, 1), (3, 3), (5, 7),
                                                ACT.RELU), "uint8 MAX_POOL_2D 3x3 SAME, fused RELU"))
    c.append(("u8_maxpool_valid_s2", pool_case(MAX, (1, 8, 8, 3), (0.2, 0), VALID, (2, 2), (2, 2), (4, 4)),
              "uint8 MAX_POOL_2D 2x2 stride 2 VALID"))
    c.append(("u8_concat_same_q", concat_case([(1, 3, 4, 2), (1, 3, 4, 5)], [(0.1, 120)] * 2, (0.1, 120), 3),
              "uint8 CONCATENATION, inputs quantized as the output (copies)"))
    c.append(("u8_concat_rescale", concat_case([(2, 3, 4), (2, 1, 4), (2, 2, 4)],
                                               [(0.05, 128), (0.3, 10), (0.1, 200)], (0.1, 200), 1),
              "uint8 CONCATENATION axis 1: two inputs rescaled to the output quantization, one copied"))
    c.append(("u8_concat_rescale_last", concat_case([(3, 5), (3, 2)], [(0.02, 0), (0.5, 255)], (0.13, 77), -1),
              "uint8 CONCATENATION axis -1: both inputs rescaled (one saturates)"))
    c.append(("u8_logistic", unary_case(fb.BuiltinOperator.LOGISTIC, (1, 4, 8), (0.1, 128), (1 / 256, 0)),
              "uint8 LOGISTIC, input scale 0.1"))
    c.append(("u8_logistic_wide", unary_case(fb.BuiltinOperator.LOGISTIC, (2, 50), (0.5, 60), (1 / 256, 0)),
              "uint8 LOGISTIC, wide input range (both ends saturate)"))
    c.append(("u8_softmax", softmax_case((2, 10), (0.1, 100), 1.0), "uint8 SOFTMAX beta 1"))
    c.append(("u8_softmax_beta", softmax_case((1, 3, 7), (0.3, 200), 0.5), "uint8 SOFTMAX beta 0.5, rank 3"))
    c.append(("u8_add_same", add_case((1, 4, 5, 3), (1, 4, 5, 3), (0.05, 128), (0.12, 30), (1, 4, 5, 3), (0.15, 100),
                                      ACT.NONE), "uint8 ADD, inputs and output quantized differently"))
    c.append(("u8_add_bcast_relu", add_case((2, 3, 4), (1, 1, 4), (0.1, 50), (0.02, 250), (2, 3, 4), (0.09, 40),
                                            ACT.RELU), "uint8 ADD broadcasting the second input, fused RELU"))
    c.append(("u8_reshape", reshape_case(), "uint8 RESHAPE [1,4,6] -> [2,12]"))
    c.append(("u8_model_cnn", model_cnn(rng), "all-uint8 CNN: CONV_2D, MAX_POOL_2D, AVERAGE_POOL_2D, RESHAPE, "
                                                "FULLY_CONNECTED, SOFTMAX (beta 0.1)"))
    c.append(("u8_model_branches", model_branches(rng), "all-uint8 branches: CONV_2D x2, CONCATENATION "
                                                          "(rescaling), ADD, LOGISTIC; two outputs"))
    return c


# ---------------------------------------------------------------- goldens

def ops_of(tflite):
    it = tf.lite.Interpreter(model_content=tflite, experimental_op_resolver_type=REF)
    return [o["op_name"] for o in it._get_ops_details()]


def make_input(det, pair, rng):
    shape, dt = det["shape"], det["dtype"]
    if pair == 0:
        return rng.integers(0, 256, size=shape, dtype=np.int64).astype(dt), "uniform random"
    if pair == 1:
        return rng.integers(112, 144, size=shape, dtype=np.int64).astype(dt), "uniform random over the middle eighth"
    x = rng.choice(np.array([0, 255], dtype=dt), size=shape)
    flat = x.reshape(-1)
    q = max(1, flat.size // 4)
    flat[:q] = 0
    flat[q:2 * q] = 255
    return x, "extremes (0/255 with contiguous runs)"


def write_case(name, tflite, rng, note):
    ops = ops_of(tflite)
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
            x, data = make_input(det, pair, rng)
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
        pairs.append({"suffix": sfx, "data": data})

    def io(dets):
        return [{"name": det["name"], "shape": [int(v) for v in det["shape"]], "dtype": np.dtype(det["dtype"]).name,
                 "scale": float(det["quantization"][0]), "zero_point": int(det["quantization"][1])} for det in dets]

    meta = {"name": name, "tier": "extended", "ops": ops, "note": note,
            "inputs": io(it.get_input_details()), "outputs": io(it.get_output_details()),
            "pairs": pairs, "model_sha256": hashlib.sha256(tflite).hexdigest(), "model_bytes": len(tflite)}
    (d / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {name}: {ops} ({len(tflite)} bytes)")


def main():
    flt = sys.argv[1] if len(sys.argv) > 1 else ""
    rng = np.random.default_rng(2108)
    for name, model, note in cases(rng):
        if flt in name:
            write_case(name, model, rng, note)


if __name__ == "__main__":
    main()
