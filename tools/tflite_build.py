# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Helpers shared by the tools/make_*_models.py scripts that write .tflite flatbuffers directly with the
schema classes TensorFlow ships (tensorflow.lite.python.schema_py_generated)."""
import numpy as np
from tensorflow.lite.python import schema_py_generated as fb


def tensor(tensors, buffers, name, ttype, shape, scale=None, zp=0, data=None, variable=False):
    """Appends a tensor (and its buffer: `data`'s bytes, or empty) to `tensors`/`buffers`; returns its index.
    `scale`/`zp` give per-tensor quantization; `variable` marks operator state (is_variable)."""
    t = fb.TensorT()
    t.name = name
    t.type = ttype
    t.shape = list(shape)
    b = fb.BufferT()
    if data is not None:
        b.data = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8)
    buffers.append(b)
    t.buffer = len(buffers) - 1
    if scale is not None:
        q = fb.QuantizationParametersT()
        q.scale = [float(scale)]
        q.zeroPoint = [int(zp)]
        t.quantization = q
    t.isVariable = variable
    tensors.append(t)
    return len(tensors) - 1


def single_op_model(builtin, tensors, buffers, inputs, outputs, op_inputs, options_type=0, options=None,
                    description="ember4j"):
    """The flatbuffer of a one-operator model: builtin operator `builtin` reading tensors `op_inputs` and
    writing `outputs`, the graph's inputs `inputs` (constant op inputs are left out of them)."""
    import flatbuffers
    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = list(op_inputs)
    op.outputs = list(outputs)
    if options is not None:
        op.builtinOptionsType = options_type
        op.builtinOptions = options
    code = fb.OperatorCodeT()
    code.builtinCode = builtin
    code.deprecatedBuiltinCode = min(builtin, 127)  # 127: the placeholder for builtin codes past 127
    code.version = 1
    sg = fb.SubGraphT()
    sg.tensors = tensors
    sg.operators = [op]
    sg.inputs = list(inputs)
    sg.outputs = list(outputs)
    sg.name = "main"
    mdl = fb.ModelT()
    mdl.version = 3
    mdl.operatorCodes = [code]
    mdl.subgraphs = [sg]
    mdl.buffers = buffers
    mdl.description = description
    b = flatbuffers.Builder(1024)
    b.Finish(mdl.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())
