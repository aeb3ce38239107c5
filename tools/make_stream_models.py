#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""A small streaming keyword-spotter-shaped model with TensorFlow Lite 2.21 BUILTIN_REF goldens over several
utterances, for the streaming example (ember-examples StreamingKeywordSpotter).

  /work/V/bin/python tools/make_stream_models.py

The model takes one int8 feature frame per invoke ([1, 40], micro_speech's feature quantization) and keeps its
history in SVDF state (variable tensors): SVDF (16 units, memory 8) -> SVDF (8 units, memory 4) -> FULLY_CONNECTED
(4 classes) -> SOFTMAX. Its weights are random: the scores mean nothing, the arithmetic is what is checked.

Writes testdata/streaming/kws_svdf/: model.tflite; for each utterance u, utt<u>.input0.bin (its frames back to
back, frames x 40 bytes) and utt<u>.expected0.bin (the scores of every frame back to back, frames x 4 bytes),
from one TFLite interpreter fed frame by frame, with reset_all_variables() before every utterance but the first;
case.json lists the utterance lengths.
"""
import json
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_state_models as st  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402

OUT = st.ROOT / "testdata" / "streaming" / "kws_svdf"
FRAME = 40
IN_SCALE, IN_ZP = 0.101716, -128  # micro_speech's int8 features
CLASSES = 4
UTTERANCES = (14, 9, 20)


def fully_connected(rng, tensors, buffers, operators, x, in_scale, depth, units, out_scale, out_zp):
    w_scale = 1.0 / 64
    w = rng.integers(-127, 128, (units, depth), dtype=np.int64).astype(np.int8)
    b = rng.integers(-2000, 2000, (units,), dtype=np.int64).astype(np.int32)
    i_w = st.tensor(tensors, buffers, "fc/weights", fb.TensorType.INT8, w.shape, w_scale, 0, w)
    i_b = st.tensor(tensors, buffers, "fc/bias", fb.TensorType.INT32, b.shape, in_scale * w_scale, 0, b)
    i_o = st.tensor(tensors, buffers, "logits", fb.TensorType.INT8, (1, units), out_scale, out_zp)
    op = fb.OperatorT()
    op.opcodeIndex = 1
    op.inputs, op.outputs = [x, i_w, i_b], [i_o]
    op.builtinOptionsType = fb.BuiltinOptions.FullyConnectedOptions
    o = fb.FullyConnectedOptionsT()
    o.fusedActivationFunction = fb.ActivationFunctionType.NONE
    op.builtinOptions = o
    operators.append(op)
    return i_o


def softmax(tensors, buffers, operators, x):
    i_o = st.tensor(tensors, buffers, "scores", fb.TensorType.INT8, (1, CLASSES), 1.0 / 256, -128)
    op = fb.OperatorT()
    op.opcodeIndex = 2
    op.inputs, op.outputs = [x], [i_o]
    op.builtinOptionsType = fb.BuiltinOptions.SoftmaxOptions
    o = fb.SoftmaxOptionsT()
    o.beta = 0.02  # soft scores: logits span hundreds (scale 4)
    op.builtinOptions = o
    operators.append(op)
    return i_o


def model(seed):
    rng = np.random.default_rng(seed)
    tensors, buffers, operators = [], [fb.BufferT()], []
    x = st.tensor(tensors, buffers, "frame", fb.TensorType.INT8, (1, FRAME), IN_SCALE, IN_ZP)
    h1 = st.svdf_layer(rng, tensors, buffers, operators, x, IN_SCALE, IN_ZP, 1, FRAME, 16, 1, 8, True, 0.8, -20,
                       "svdf0")
    h2 = st.svdf_layer(rng, tensors, buffers, operators, h1, 0.8, -20, 1, 16, 8, 1, 4, True, 4.0, -10, "svdf1")
    logits = fully_connected(rng, tensors, buffers, operators, h2, 4.0, 8, CLASSES, 4.0, 0)
    y = softmax(tensors, buffers, operators, logits)
    codes = [st.opcode(fb.BuiltinOperator.SVDF), st.opcode(fb.BuiltinOperator.FULLY_CONNECTED),
             st.opcode(fb.BuiltinOperator.SOFTMAX)]
    return st.model_bytes(tensors, buffers, operators, codes, [x], [y])


def frames(rng, n):
    """Feature-like frames: a slowly drifting spectrum plus noise, within the int8 range."""
    base = rng.integers(-128, 40, FRAME)
    out = []
    for _ in range(n):
        base = np.clip(base + rng.integers(-12, 13, FRAME), -128, 127)
        out.append(np.clip(base + rng.integers(-6, 7, FRAME), -128, 127).astype(np.int8))
    return out


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    tflite = model(21)
    (OUT / "model.tflite").write_bytes(tflite)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=st.REF)
    it.allocate_tensors()
    inp, out = it.get_input_details()[0], it.get_output_details()[0]
    rng = np.random.default_rng(22)
    for u, n in enumerate(UTTERANCES):
        if u > 0:
            it.reset_all_variables()
        xs, ys = frames(rng, n), []
        for x in xs:
            it.set_tensor(inp["index"], x.reshape(1, FRAME))
            it.invoke()
            ys.append(it.get_tensor(out["index"]).copy())
        (OUT / f"utt{u}.input0.bin").write_bytes(b"".join(x.tobytes() for x in xs))
        (OUT / f"utt{u}.expected0.bin").write_bytes(b"".join(y.tobytes() for y in ys))
        best = [int(np.argmax(y)) for y in ys]
        print(f"utterance {u}: {n} frames, best class per frame {best}, distinct outputs "
              f"{len({y.tobytes() for y in ys})}")
    meta = {"name": "kws_svdf", "ops": [o["op_name"] for o in it._get_ops_details()],
            "note": "one int8 feature frame per invoke, SVDF state; reset_all_variables() between utterances",
            "frame_bytes": FRAME, "classes": CLASSES, "utterances": list(UTTERANCES)}
    (OUT / "case.json").write_text(json.dumps(meta, indent=1) + "\n")


if __name__ == "__main__":
    main()
