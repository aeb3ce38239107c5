#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Resource-variable golden cases: models whose state lives in TFLite resource variables (VAR_HANDLE,
READ_VARIABLE, ASSIGN_VARIABLE) initialized by a CALL_ONCE subgraph, with TensorFlow Lite 2.21 BUILTIN_REF
goldens over consecutive invokes on one interpreter.

  /work/V/bin/python tools/make_resvar_models.py

Most models come from tf.Module classes holding tf.Variables through the converter with
experimental_enable_resource_variables (float, full-integer int8 with float variables, and int8 variables
with _experimental_variable_quantization); one is written directly with the flatbuffer schema to cover
what converters do not emit (nested and repeated CALL_ONCE, a READ inside the initialization subgraph).
Cases go to testdata/stateful/resvar_<case>/ in the stateful layout of tools/make_state_models.py
(step<k>.input<i>.bin / step<k>.expected<o>.bin, 12 steps), which StatefulCasesTest,
StatefulGeneratedTest and simd's StatefulSimdTest run.
"""
import os
import pathlib
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from make_state_models import write_case  # noqa: E402


def convert(module, input_shape, int8=False, int8_variables=False, seed=0):
    fn = module.__call__.get_concrete_function()
    conv = tf.lite.TFLiteConverter.from_concrete_functions([fn], module)
    conv.experimental_enable_resource_variables = True
    if int8:
        rng = np.random.default_rng(seed)

        def representative():
            for _ in range(64):
                yield [rng.uniform(-1, 1, input_shape).astype(np.float32)]

        conv.optimizations = [tf.lite.Optimize.DEFAULT]
        conv.representative_dataset = representative
        conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
        conv.inference_input_type = tf.int8
        conv.inference_output_type = tf.int8
    if int8_variables:
        conv._experimental_variable_quantization = True
    return conv.convert()


class Accumulator(tf.Module):
    """state += x; outputs the new state."""

    def __init__(self, shape, add_n=False):
        super().__init__()
        self.shape = shape
        self.add_n = add_n
        self.state = tf.Variable(tf.fill(shape, 0.25), name="state")
        self.__call__ = tf.function(self.step, input_signature=[tf.TensorSpec(shape, tf.float32)])

    def step(self, x):
        if self.add_n:  # float ADD is not in the engine; ADD_N is
            self.state.assign(tf.math.add_n([self.state, x]))
        else:
            self.state.assign_add(x)
        return self.state.read_value()


class RingMean(tf.Module):
    """A ring buffer of the last `frames` frames (newest last) and their mean: a streaming moving average."""

    def __init__(self, frames, features):
        super().__init__()
        self.ring = tf.Variable(tf.zeros([1, frames, features]), name="ring")
        self.__call__ = tf.function(self.step, input_signature=[tf.TensorSpec([1, 1, features], tf.float32)])

    def step(self, x):
        ring = tf.concat([self.ring[:, 1:, :], x], axis=1)
        self.ring.assign(ring)
        return tf.reduce_mean(ring, axis=1)


class RunningMean(tf.Module):
    """Two variables of different shapes: sum += x, count += 1, outputs sum / count."""

    def __init__(self, shape):
        super().__init__()
        self.sum = tf.Variable(tf.zeros(shape), name="sum")
        self.count = tf.Variable(tf.zeros([1]), name="count")
        self.__call__ = tf.function(self.step, input_signature=[tf.TensorSpec(shape, tf.float32)])

    def step(self, x):
        s = tf.math.add_n([self.sum, x])
        c = tf.math.add_n([self.count, tf.ones([1])])
        self.sum.assign(s)
        self.count.assign(c)
        return s / c


class RunningMax(tf.Module):
    """state = max(state, x) from a nonzero initial value."""

    def __init__(self, shape):
        super().__init__()
        self.state = tf.Variable(tf.fill(shape, 0.5), name="peak")
        self.__call__ = tf.function(self.step, input_signature=[tf.TensorSpec(shape, tf.float32)])

    def step(self, x):
        y = tf.maximum(self.state, x)
        self.state.assign(y)
        return y


# ---- a hand-written model: nested and repeated CALL_ONCE ----

def tensor(sg, buffers, name, ttype, shape, data=None):
    t = fb.TensorT()
    t.name = name
    t.type = ttype
    t.shape = list(shape)
    b = fb.BufferT()
    if data is not None:
        b.data = np.frombuffer(np.ascontiguousarray(data).tobytes(), dtype=np.uint8)
    buffers.append(b)
    t.buffer = len(buffers) - 1
    sg.tensors.append(t)
    return len(sg.tensors) - 1


def op(sg, code, inputs, outputs, options_type=0, options=None):
    o = fb.OperatorT()
    o.opcodeIndex = code
    o.inputs = inputs
    o.outputs = outputs
    o.builtinOptionsType = options_type
    o.builtinOptions = options
    sg.operators.append(o)


def subgraph(name):
    sg = fb.SubGraphT()
    sg.name = name
    sg.tensors, sg.operators, sg.inputs, sg.outputs = [], [], [], []
    return sg


def nested_call_once_model():
    """main: CALL_ONCE(1), CALL_ONCE(2) (already run by 1: a no-op), then acc = max(acc, x) + bias.
    subgraph 1: CALL_ONCE(2), then acc = READ(acc) + 0.75 (a READ inside an initialization subgraph).
    subgraph 2: acc = [-0.5, 0.25, 1.0, -2.0]."""
    builtins = [fb.BuiltinOperator.CALL_ONCE, fb.BuiltinOperator.VAR_HANDLE, fb.BuiltinOperator.READ_VARIABLE,
                fb.BuiltinOperator.ASSIGN_VARIABLE, fb.BuiltinOperator.ADD_N, fb.BuiltinOperator.MAXIMUM]
    codes = []
    for b in builtins:
        c = fb.OperatorCodeT()
        c.builtinCode = b
        c.deprecatedBuiltinCode = min(b, 127)
        c.version = 1
        codes.append(c)
    CALL, HANDLE, READ, ASSIGN, ADDN, MAX = range(6)
    buffers = [fb.BufferT()]
    f32 = fb.TensorType.FLOAT32

    def call_once(sg, index):
        o = fb.CallOnceOptionsT()
        o.initSubgraphIndex = index
        op(sg, CALL, [], [], fb.BuiltinOptions.CallOnceOptions, o)

    def handle(sg, name):
        h = tensor(sg, buffers, name + "_handle", fb.TensorType.RESOURCE, [])
        o = fb.VarHandleOptionsT()
        o.container = ""
        o.sharedName = name
        op(sg, HANDLE, [], [h], fb.BuiltinOptions.VarHandleOptions, o)
        return h

    main = subgraph("main")
    x = tensor(main, buffers, "x", f32, [1, 4])
    main.inputs = [x]
    call_once(main, 1)
    call_once(main, 2)
    h = handle(main, "acc")
    cur = tensor(main, buffers, "acc_read", f32, [1, 4])
    op(main, READ, [h], [cur])
    peak = tensor(main, buffers, "peak", f32, [1, 4])
    op(main, MAX, [cur, x], [peak])
    bias = tensor(main, buffers, "bias", f32, [1, 4], np.array([[0.01, -0.02, 0.03, 0.0]], np.float32))
    nxt = tensor(main, buffers, "next", f32, [1, 4])
    op(main, ADDN, [peak, bias], [nxt])
    op(main, ASSIGN, [h, nxt], [])
    main.outputs = [nxt]

    init = subgraph("init_outer")
    call_once(init, 2)
    h1 = handle(init, "acc")
    r1 = tensor(init, buffers, "acc_initial", f32, [1, 4])
    op(init, READ, [h1], [r1])
    k = tensor(init, buffers, "offset", f32, [1, 4], np.full((1, 4), 0.75, np.float32))
    s1 = tensor(init, buffers, "acc_offset", f32, [1, 4])
    op(init, ADDN, [r1, k], [s1])
    op(init, ASSIGN, [h1, s1], [])

    inner = subgraph("init_inner")
    h2 = handle(inner, "acc")
    v = tensor(inner, buffers, "acc_value", f32, [1, 4], np.array([[-0.5, 0.25, 1.0, -2.0]], np.float32))
    op(inner, ASSIGN, [h2, v], [])

    m = fb.ModelT()
    m.version = 3
    m.operatorCodes = codes
    m.subgraphs = [main, init, inner]
    m.buffers = buffers
    m.description = "ember4j make_resvar_models.py"
    b = flatbuffers.Builder(1024)
    b.Finish(m.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


def uniform_input(rng, inp, k):
    return rng.uniform(-1, 1, inp["shape"]).astype(np.float32)


def main():
    write_case("resvar_accumulator_f32", convert(Accumulator([2, 3], add_n=True), [2, 3]), 21)
    write_case("resvar_accumulator_int8", convert(Accumulator([1, 8]), [1, 8], int8=True, seed=1), 22)
    write_case("resvar_accumulator_int8_variable",
               convert(Accumulator([1, 8]), [1, 8], int8=True, int8_variables=True, seed=2), 23)
    write_case("resvar_ring_mean_int8", convert(RingMean(5, 3), [1, 1, 3], int8=True, seed=3), 24)
    write_case("resvar_ring_mean_int8_variable",
               convert(RingMean(4, 6), [1, 1, 6], int8=True, int8_variables=True, seed=4), 25)
    write_case("resvar_running_mean_f32", convert(RunningMean([2, 3]), [2, 3]), 26)
    write_case("resvar_running_max_f32", convert(RunningMax([3, 4]), [3, 4]), 27, make_input=uniform_input)
    write_case("resvar_nested_call_once_f32", nested_call_once_model(), 28, make_input=uniform_input)


if __name__ == "__main__":
    main()
