#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""TFLite_Detection_PostProcess (the custom operator ending SSD detection models) golden cases with TensorFlow
Lite 2.21 BUILTIN_REF goldens, written to testdata/generated/detect_<variant>/ (3 input/expected pairs: "",
".1", ".2").

Each model is one CUSTOM operator written directly with the flatbuffer schema (schema_py_generated) and its
options as a FlexBuffer map (flatbuffers.flexbuffers, as TFLite's converter writes them): inputs box
encodings [1, N, 4+] and class predictions [1, N, C] (float32 or uint8), constant anchors [N, 4] of the box
type; outputs boxes [1, M, 4], classes [1, M], scores [1, M], num_detections [1] (float32). BUILTIN_REF
registers the operator (register_ref.cc's AddCustom), so these are reference-kernel goldens.

TFLite does not write every output entry (fast NMS leaves entries past num_detections, regular NMS entries
past max_detections, as they were): the outputs are cleared to 0 before every invoke here, which is what
Ember4j writes there. Pair 0 and 1 are random boxes in overlapping clusters; pair 2 stresses ties (scores from
a handful of values, identical boxes) and degenerate boxes (exp underflow to zero size).
Run: /work/V/bin/python tools/make_detect_models.py [substring-filter]
"""
import os
import pathlib
import shutil
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import flatbuffers  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from flatbuffers import flexbuffers  # noqa: E402
from tensorflow.lite.python import schema_py_generated as fb  # noqa: E402
from tflite_build import tensor  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

OUT = pathlib.Path(__file__).resolve().parent.parent / "testdata" / "generated"
REF = tf.lite.experimental.OpResolverType.BUILTIN_REF
CUSTOM_CODE = "TFLite_Detection_PostProcess"
F32, U8 = fb.TensorType.FLOAT32, fb.TensorType.UINT8



def options(max_detections, max_classes_per_detection, num_classes, regular=None, detections_per_class=None,
            score_threshold=0.0, iou_threshold=0.5, scales=(10.0, 10.0, 5.0, 5.0)):
    o = dict(max_detections=max_detections, max_classes_per_detection=max_classes_per_detection,
             nms_score_threshold=score_threshold, nms_iou_threshold=iou_threshold, num_classes=num_classes,
             y_scale=scales[0], x_scale=scales[1], h_scale=scales[2], w_scale=scales[3])
    if regular is not None:
        o["use_regular_nms"] = regular
    if detections_per_class is not None:
        o["detections_per_class"] = detections_per_class
    return o


def model_bytes(opts, n, c, box_type, score_type, anchors, box_stride=4, shaped_outputs=True, box_q=(0.05, 128),
                score_q=(1 / 256, 0), anchor_q=(1 / 128, 0)):
    tensors, buffers = [], [fb.BufferT()]
    bq = box_q if box_type == U8 else (None, 0)
    sq = score_q if score_type == U8 else (None, 0)
    aq = anchor_q if box_type == U8 else (None, 0)
    boxes = tensor(tensors, buffers, "box_encodings", box_type, (1, n, box_stride), *bq)
    scores = tensor(tensors, buffers, "class_predictions", score_type, (1, n, c), *sq)
    anc = tensor(tensors, buffers, "anchors", box_type, (n, 4), *aq, data=anchors)
    m = opts["max_detections"] * opts["max_classes_per_detection"]
    shapes = [(1, m, 4), (1, m), (1, m), (1,)] if shaped_outputs else [(), (), (), ()]
    names = ["detection_boxes", "detection_classes", "detection_scores", "num_detections"]
    outs = [tensor(tensors, buffers, nm, F32, s) for nm, s in zip(names, shapes)]
    op = fb.OperatorT()
    op.opcodeIndex = 0
    op.inputs = [boxes, scores, anc]
    op.outputs = outs
    op.customOptions = list(flexbuffers.Dumps(opts))
    op.customOptionsFormat = fb.CustomOptionsFormat.FLEXBUFFERS
    code = fb.OperatorCodeT()
    code.builtinCode = fb.BuiltinOperator.CUSTOM
    code.deprecatedBuiltinCode = fb.BuiltinOperator.CUSTOM
    code.customCode = CUSTOM_CODE
    code.version = 1
    sg = fb.SubGraphT()
    sg.tensors = tensors
    sg.operators = [op]
    sg.inputs = [boxes, scores]
    sg.outputs = outs
    sg.name = "main"
    mdl = fb.ModelT()
    mdl.version = 3
    mdl.operatorCodes = [code]
    mdl.subgraphs = [sg]
    mdl.buffers = buffers
    mdl.description = "ember4j make_detect_models.py"
    b = flatbuffers.Builder(1024)
    b.Finish(mdl.Pack(b), file_identifier=b"TFL3")
    return bytes(b.Output())


def anchor_grid(n, rng):
    """Center-size anchors (y, x, h, w) on a grid in [0, 1], some of them equal (same-place boxes)."""
    side = int(np.ceil(np.sqrt(n)))
    a = np.zeros((n, 4), np.float32)
    for i in range(n):
        a[i] = [(i // side + 0.5) / side, (i % side + 0.5) / side, 0.3 + 0.2 * rng.random(), 0.3 + 0.2 * rng.random()]
    a[n - 1] = a[0]  # identical anchors: identical boxes when the encodings are equal
    return a


def quantize(x, scale, zp):
    return np.clip(np.round(x / scale) + zp, 0, 255).astype(np.uint8)


def encodings(rng, n, stride, pair):
    e = (rng.standard_normal((1, n, stride)) * [2.0, 2.0, 1.0, 1.0] + [0] * stride if stride == 4 else
         rng.standard_normal((1, n, stride))).astype(np.float32)
    if pair == 2:
        e[0, : n // 4] = 0.0  # boxes equal to their anchors
        e[0, n // 4: n // 3, 2:4] = -200.0  # exp underflows: zero-size boxes (area 0, IoU 0)
        e[0, -1] = e[0, 0]
    return e


def class_scores(rng, n, c, pair):
    if pair < 2:
        return rng.random((1, n, c)).astype(np.float32)
    # ties: a handful of values, including exact repeats across boxes and classes
    return rng.choice(np.array([0.0, 0.25, 0.5, 0.5, 0.75, 0.9], np.float32), size=(1, n, c))


def write_case(name, opts, n, c, box_type=F32, score_type=F32, box_stride=4, shaped_outputs=True, seed=0,
               scores_fn=class_scores):
    rng = np.random.default_rng(seed)
    anchors = anchor_grid(n, rng)
    anchor_q = (1 / 128, 0)
    anchor_data = quantize(anchors, *anchor_q) if box_type == U8 else anchors
    box_q = (0.05, 128)
    score_q = (1 / 256, 0)
    tflite = model_bytes(opts, n, c, box_type, score_type, anchor_data, box_stride, shaped_outputs, box_q=box_q,
                         score_q=score_q, anchor_q=anchor_q)
    d = case_dir(name, tflite)
    if d.exists():
        shutil.rmtree(d)
    d.mkdir(parents=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    ins = it.get_input_details()
    outs = it.get_output_details()
    counts = []
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        e = encodings(rng, n, box_stride, pair)
        s = scores_fn(rng, n, c, pair)
        if box_type == U8:
            e = quantize(e, *box_q)
        if score_type == U8:
            s = quantize(s, *score_q)
        for i, x in enumerate([e, s]):
            it.set_tensor(ins[i]["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        for o in outs:  # TFLite leaves some entries unwritten: start every invoke from zeros
            it.set_tensor(o["index"], np.zeros(o["shape"], np.float32))
        it.invoke()
        for k, o in enumerate(outs):
            it.get_tensor(o["index"]).tofile(d / f"expected{k}{sfx}.bin")
        counts.append(int(it.get_tensor(outs[3]["index"])[0]))
    print("wrote", d, "detections per pair:", counts)


def main():
    only = sys.argv[1:]
    cases = [
        # fast NMS (the default): best class per box, float inputs, background column
        ("detect_fast_f32", options(5, 1, 3), 24, 4, {}),
        # fast NMS, 3 classes per box out of 5: std::partial_sort of each box's class scores (ties in pair 2)
        ("detect_fast_f32_multiclass", options(4, 3, 5, regular=False), 20, 6, {}),
        # more classes per detection than classes: the last columns stay 0
        ("detect_fast_f32_few_classes", options(3, 4, 2), 12, 3, {}),
        # regular NMS: per class (4 each), best 6 over the classes by partial sort
        ("detect_regular_f32", options(6, 1, 3, regular=True, detections_per_class=4), 24, 4, {}),
        # regular NMS, max_detections 1: TFLite's ArgMaxVector branch of the partial sort
        ("detect_regular_f32_one", options(1, 1, 4, regular=True, detections_per_class=3, iou_threshold=0.3),
         16, 5, {}),
        # regular NMS with the default detections_per_class (100) and a score threshold
        ("detect_regular_f32_threshold", options(8, 1, 6, regular=True, score_threshold=0.4, iou_threshold=0.6),
         30, 7, {}),
        # uint8 boxes, anchors and scores (quantized SSD models): quantized scores tie often
        ("detect_fast_u8", options(6, 1, 4, score_threshold=0.2), 32, 5, dict(box_type=U8, score_type=U8)),
        ("detect_regular_u8", options(7, 1, 4, regular=True, detections_per_class=5), 32, 5,
         dict(box_type=U8, score_type=U8)),
        # float boxes with uint8 scores; no background column (num_classes == columns); 6 values per box
        # (keypoint coder: the first 4 are the box); outputs declared unshaped ([]), shaped by the operator
        ("detect_fast_mixed_nobg_unshaped", options(5, 2, 3, iou_threshold=0.45), 18, 3,
         dict(score_type=U8, box_stride=6, shaped_outputs=False)),
        # high score thresholds: few or no detections, the rest of the outputs stay 0
        ("detect_fast_f32_sparse", options(6, 1, 3, score_threshold=0.96), 24, 4, {}),
        ("detect_regular_f32_sparse", options(6, 1, 3, regular=True, score_threshold=0.93), 24, 4, {}),
        # regular NMS, many ties between classes (the candidates' partial sort)
        ("detect_regular_f32_ties", options(9, 1, 8, regular=True, detections_per_class=3, iou_threshold=0.99),
         20, 9, dict(scores_fn=lambda rng, n, c, pair: rng.choice(
             np.array([0.1, 0.5, 0.5, 0.7, 0.7, 0.7], np.float32), size=(1, n, c)))),
    ]
    for k, (name, opts, n, c, kw) in enumerate(cases):
        if only and not any(f in name for f in only):
            continue
        write_case(name, opts, n, c, seed=20260700 + k, **kw)


if __name__ == "__main__":
    main()
