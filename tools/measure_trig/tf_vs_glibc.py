# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""TFLite 2.21 BUILTIN_REF SIN / COS against glibc's sinf / cosf (libm_file) on 2^24 float32 inputs:
random bit patterns (NaNs, infinities and every exponent) plus a dense run above 0.5. Run from this
directory after `gcc -O2 -o libm_file libm_file.c -lm`: /work/V/bin/python tf_vs_glibc.py"""
import os
import subprocess
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402

REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
B = fb.BuiltinOperator


def model(op, n):
    """One float32 [n] -> [n] operator."""
    tensors = []
    for name in ("x", "y"):
        t = fb.TensorT()
        t.name, t.type, t.shape, t.buffer = name, fb.TensorType.FLOAT32, [n], 0
        tensors.append(t)
    o = fb.OperatorT()
    o.opcodeIndex, o.inputs, o.outputs = 0, [0], [1]
    sg = fb.SubGraphT()
    sg.tensors, sg.operators, sg.inputs, sg.outputs = tensors, [o], [0], [1]
    c = fb.OperatorCodeT()
    c.builtinCode, c.deprecatedBuiltinCode, c.version = op, op, 1
    m = fb.ModelT()
    m.version, m.operatorCodes, m.subgraphs, m.buffers = 3, [c], [sg], [fb.BufferT()]
    b = flatbuffers.Builder(1024)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


N = 1 << 24
rng = np.random.default_rng(7)
bits = rng.integers(0, 1 << 32, size=N, dtype=np.uint64).astype(np.uint32)
bits[:1 << 20] = np.arange(0x3f000000, 0x3f000000 + (1 << 20), dtype=np.uint32)  # a dense run near 0.5
x = bits.view(np.float32)
x.tofile("in.bin")
for name, op in (("sin", B.SIN), ("cos", B.COS)):
    tfl = model(op, N)
    it = tf.lite.Interpreter(model_content=tfl, num_threads=1, experimental_op_resolver_type=REF); it.allocate_tensors()
    it.set_tensor(it.get_input_details()[0]["index"], x); it.invoke()
    y = it.get_tensor(it.get_output_details()[0]["index"]).view(np.uint32)
    subprocess.run(["./libm_file", name, "in.bin", "out.bin"], check=True)
    g = np.fromfile("out.bin", np.uint32)
    print(name, "TFLite BUILTIN_REF vs glibc", N, "inputs: bit differences", int(np.sum(y != g)))
