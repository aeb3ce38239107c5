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
