#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Stateful golden cases (issue 10): small int8 models whose operators keep state in variable tensors,
with TensorFlow Lite 2.21 BUILTIN_REF goldens over consecutive invokes on one interpreter.

  /work/V/bin/python tools/make_state_models.py

writes testdata/stateful/<case>/model.tflite and, for every step k = 0..STEPS-1 (the state evolving
from one step to the next), step<k>.input<i>.bin and step<k>.expected<o>.bin (raw little-endian).
StatefulCasesTest (Interpreter) and StatefulGeneratedTest (generated code) run the steps in order,
then reset the variables and check step 0 again.

SVDF models are written directly with the flatbuffer schema (no converter emits full-integer SVDF
from Keras); LSTM models come from Keras LSTM layers through the converter (UNIDIRECTIONAL_SEQUENCE_LSTM).
"""
import os
import pathlib
import shutil

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402
from tflite_build import tensor  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "testdata" / "stateful"
STEPS = 12
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF



def model_bytes(tensors, buffers, operators, codes, inputs, outputs):
    sg = fb.SubGraphT()
    sg.tensors = tensors
    sg.operators = operators
    sg.inputs = inputs
    sg.outputs = outputs
    sg.name = "main"
    m = fb.ModelT()
    m.version = 3
    m.operatorCodes = codes
    m.subgraphs = [sg]
    m.buffers = buffers
    m.description = "ember4j make_state_models.py"
    b = flatbuffers.Builder(1024)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


def opcode(builtin):
    c = fb.OperatorCodeT()
    c.builtinCode = builtin
    c.deprecatedBuiltinCode = min(builtin, 127)
    c.version = 1
    return c


def svdf_layer(rng, tensors, buffers, operators, x, in_scale, in_zp, batch, n_input, units, rank, memory,
               with_bias, out_scale, out_zp, name):
    filters = units * rank
    wf_scale = 1.0 / 128
    wf = rng.integers(-127, 128, (filters, n_input), dtype=np.int64).astype(np.int8)
    # state scale: typical |dot| of input * weights_feature lands near 2^13
    dot_typical = 2.0 * np.sqrt(n_input) * 64 * 64
    state_scale = in_scale * wf_scale * dot_typical / 8192.0
    wt = rng.integers(-32767, 32768, (filters, memory), dtype=np.int64).astype(np.int16)
    wt_scale = 1.0 / 32768
    i_wf = tensor(tensors, buffers, name + "/weights_feature", fb.TensorType.INT8, wf.shape, wf_scale, 0, wf)
    i_wt = tensor(tensors, buffers, name + "/weights_time", fb.TensorType.INT16, wt.shape, wt_scale, 0, wt)
    if with_bias:
        bias = rng.integers(-20000, 20000, (units,), dtype=np.int64).astype(np.int32)
        i_b = tensor(tensors, buffers, name + "/bias", fb.TensorType.INT32, bias.shape, state_scale * wt_scale, 0, bias)
    else:
        i_b = -1
    i_s = tensor(tensors, buffers, name + "/state", fb.TensorType.INT16, (batch, memory * filters), state_scale, 0,
                 variable=True)
    i_o = tensor(tensors, buffers, name + "/output", fb.TensorType.INT8, (batch, units), out_scale, out_zp)
    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = [x, i_wf, i_wt, i_b, i_s]
    op.outputs = [i_o]
    op.builtinOptionsType = fb.BuiltinOptions.SVDFOptions
    o = fb.SVDFOptionsT()
    o.rank = rank
    o.fusedActivationFunction = fb.ActivationFunctionType.RELU
    op.builtinOptions = o
    operators.append(op)
    return i_o


def svdf_model(seed, batch, n_input, layers):
    """layers: list of (units, rank, memory, with_bias, out_scale, out_zp)."""
    rng = np.random.default_rng(seed)
    tensors, buffers, operators = [], [fb.BufferT()], []
    in_scale, in_zp = 0.05, -3
    x = tensor(tensors, buffers, "input", fb.TensorType.INT8, (batch, n_input), in_scale, in_zp)
    cur, cur_scale, cur_zp, width = x, in_scale, in_zp, n_input
    for k, (units, rank, memory, with_bias, out_scale, out_zp) in enumerate(layers):
        cur = svdf_layer(rng, tensors, buffers, operators, cur, cur_scale, cur_zp, batch, width, units, rank, memory,
                         with_bias, out_scale, out_zp, f"svdf{k}")
        cur_scale, cur_zp, width = out_scale, out_zp, units
    return model_bytes(tensors, buffers, operators, [opcode(fb.BuiltinOperator.SVDF)], [x], [cur])


def write_case(name, model, seed, steps=STEPS, make_input=None):
    d = OUT / name
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    (d / "model.tflite").write_bytes(model)
    interp = tf.lite.Interpreter(model_content=model, experimental_op_resolver_type=REF)
    interp.allocate_tensors()
    rng = np.random.default_rng(seed)
    for k in range(steps):
        for i, inp in enumerate(interp.get_input_details()):
            if make_input is not None:
                x = make_input(rng, inp, k)
            elif inp["dtype"] == np.float32:
                x = rng.uniform(-1, 1, inp["shape"]).astype(np.float32)
            else:
                info = np.iinfo(inp["dtype"])
                x = rng.integers(info.min, info.max + 1, inp["shape"], dtype=np.int64).astype(inp["dtype"])
            interp.set_tensor(inp["index"], x)
            (d / f"step{k}.input{i}.bin").write_bytes(x.tobytes())
        interp.invoke()
        for o, out in enumerate(interp.get_output_details()):
            y = interp.get_tensor(out["index"])
            (d / f"step{k}.expected{o}.bin").write_bytes(y.tobytes())
    distinct = len({(d / f"step{k}.expected0.bin").read_bytes() for k in range(steps)})
    print(f"{name}: {steps} steps, {distinct} distinct outputs")


def svdf_cases():
    write_case("svdf_rank1_bias", svdf_model(1, 1, 16, [(8, 1, 10, True, 0.4, 5)]), 11)
    write_case("svdf_rank2_nobias_batch2", svdf_model(2, 2, 12, [(6, 2, 4, False, 0.3, -7)]), 12)
    write_case("svdf_two_layers_rank3", svdf_model(3, 1, 20, [(8, 3, 6, True, 0.5, 0), (4, 1, 5, True, 0.3, 2)]), 13)


if __name__ == "__main__":
    svdf_cases()
