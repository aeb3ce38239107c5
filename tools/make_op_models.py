#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Generates small single-operator INT8 test models (cases op_<name>_<variant>) with TFLite reference goldens.

Same layout as tools/make_models.py: testdata/generated/CASE/{model.tflite,input0.bin,expected0.bin,...},
3 input/expected pairs (suffixes "", ".1", ".2"; the third pair holds extreme values), plus a short case.json.
Goldens come from tf.lite.Interpreter with the BUILTIN_REF op resolver, one thread.

Every model is a tf.function whose inputs go straight into the operator under test (no conv/FC in front,
so activations are not fused away). After conversion the script checks that the intended TFLite
operator is really in the model and fails otherwise.

Run: /work/V/bin/python tools/make_op_models.py [substring-filter]
"""
import hashlib
import json
import os
import sys
import zlib

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_models import OUT  # noqa: E402
from ember_goldens import case_dir, write_manifest  # noqa: E402

REF = tf.lite.experimental.OpResolverType.BUILTIN_REF


def convert(fn, shapes, ranges, rng, float_io=False):
    """fn: python function of len(shapes) float32 tensors; ranges: per-input std of the calibration data."""
    sig = [tf.TensorSpec(s, tf.float32) for s in shapes]
    cf = tf.function(fn, input_signature=sig).get_concrete_function()
    shapes = [tuple(1 if v is None else v for v in s) for s in shapes]  # None: dynamic dim, stored as 1
    conv = tf.lite.TFLiteConverter.from_concrete_functions([cf])
    conv.optimizations = [tf.lite.Optimize.DEFAULT]

    def rep():
        for _ in range(64):
            yield [(rng.standard_normal(s) * r).astype(np.float32) for s, r in zip(shapes, ranges)]

    conv.representative_dataset = rep
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    if not float_io:
        conv.inference_input_type = tf.int8
        conv.inference_output_type = tf.int8
    return conv.convert()


def ops_of(tflite):
    it = tf.lite.Interpreter(model_content=tflite, experimental_op_resolver_type=REF)
    return [o["op_name"] for o in it._get_ops_details()]


def qparams(det):
    s, z = det["quantization"]
    return (float(s), int(z)) if det["dtype"] != np.float32 else (None, None)


def write_case(name, tflite, rng, want, note, ranges, pair1_range=None):
    ops = ops_of(tflite)
    missing = [w for w in want if w not in ops]
    if missing:
        raise SystemExit(f"{name}: wanted {want}, converter produced {ops}")
    d = case_dir(name, tflite)
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    it = tf.lite.Interpreter(model_content=tflite, num_threads=1, experimental_op_resolver_type=REF)
    it.allocate_tensors()
    pairs = []
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            shape = det["shape"]
            if det["dtype"] == np.float32:
                r = ranges[i]
                if pair < 2:
                    x = (rng.standard_normal(shape) * r).astype(np.float32)
                else:  # beyond the calibrated range, both signs
                    x = rng.choice(np.array([-8 * r, 8 * r, 0.0], dtype=np.float32), size=shape)
            elif pair == 1 and pair1_range is not None:
                x = rng.integers(pair1_range[0], pair1_range[1] + 1, size=shape, dtype=np.int8)
            elif pair < 2:
                x = rng.integers(-128, 128, size=shape, dtype=np.int8)
            else:  # extremes to stress saturation, with contiguous runs
                x = rng.choice(np.array([-128, 127], dtype=np.int8), size=shape)
                flat = x.reshape(-1)
                q = max(1, flat.size // 4)
                flat[:q] = -128
                flat[q:2 * q] = 127
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
        data = "uniform random int8"
        if pair == 2:
            data = "extremes (-128/127 with contiguous runs)"
        elif pair == 1 and pair1_range is not None:
            data = f"uniform random in [{pair1_range[0]}, {pair1_range[1]}]"
        pairs.append({"suffix": sfx, "data": data})

    def io(dets):
        out = []
        for det in dets:
            s, z = qparams(det)
            out.append({"name": det["name"], "shape": [int(v) for v in det["shape"]],
                        "dtype": np.dtype(det["dtype"]).name, "scale": s, "zero_point": z})
        return out

    meta = {"name": name, "tier": "extended", "ops": ops, "note": note,
            "inputs": io(it.get_input_details()), "outputs": io(it.get_output_details()),
            "pairs": pairs, "model_sha256": hashlib.sha256(tflite).hexdigest(), "model_bytes": len(tflite)}
    (d / "case.json").write_text(json.dumps(meta, indent=1) + "\n")
    print(f"wrote {name}: {ops} ({len(tflite)} bytes)")


def case(name, fn, shapes, ranges, want, note, float_io=False, pair1_range=None):
    return (name, fn, shapes, ranges, want, note, float_io, pair1_range)


S4 = (1, 4, 5, 8)
CASES = [
    # Standalone activations: the model input goes straight into the op, so nothing fuses it.
    case("op_relu_plain", tf.nn.relu, [S4], [2.0], ["RELU"], "RELU, output scale calibrated on [0, max]"),
    case("op_relu_wide", tf.nn.relu, [(1, 6, 7)], [25.0], ["RELU"], "RELU on a wide input range, rank 3"),
    case("op_relu6_plain", tf.nn.relu6, [S4], [4.0], ["RELU6"], "RELU6, input range crossing 6"),
    case("op_relu6_narrow", tf.nn.relu6, [(1, 3, 16)], [0.7], ["RELU6"], "RELU6, 6 outside the input range"),
    case("op_relu_n1_to_1_plain", lambda x: tf.clip_by_value(x, -1.0, 1.0), [S4], [3.0], ["RELU_N1_TO_1"],
         "RELU_N1_TO_1 from clip_by_value(-1, 1)"),
    case("op_relu_n1_to_1_narrow", lambda x: tf.clip_by_value(x, -1.0, 1.0), [(1, 40)], [0.4], ["RELU_N1_TO_1"],
         "RELU_N1_TO_1 with most inputs inside (-1, 1)"),
    case("op_relu_float_io", tf.nn.relu, [S4], [2.0], ["QUANTIZE", "RELU", "DEQUANTIZE"],
         "float32 I/O: QUANTIZE float->int8, RELU, DEQUANTIZE", float_io=True),
    # Reductions.
    # TFLite 2.21's reference int8 SUM accumulates the bytes as uint8, so random int8 input saturates every
    # output (to -1, i.e. 255); pair 1 uses small non-negative inputs to get unsaturated sums.
    case("op_sum_hw_keep", lambda x: tf.reduce_sum(x, [1, 2], keepdims=True), [S4], [1.0], ["SUM"],
         "SUM over H,W keep_dims", pair1_range=(0, 12)),
    case("op_sum_last", lambda x: tf.reduce_sum(x, -1), [(1, 6, 10)], [2.0], ["SUM"],
         "SUM over the last axis, keep_dims false", pair1_range=(0, 15)),
    case("op_reducemax_axis1", lambda x: tf.reduce_max(x, 1), [S4], [2.0], ["REDUCE_MAX"],
         "REDUCE_MAX over axis 1, keep_dims false"),
    case("op_reducemax_hw_keep", lambda x: tf.reduce_max(x, [1, 2], keepdims=True), [S4], [3.0], ["REDUCE_MAX"],
         "REDUCE_MAX over H,W keep_dims"),
    case("op_reducemin_axis2", lambda x: tf.reduce_min(x, 2), [S4], [2.0], ["REDUCE_MIN"],
         "REDUCE_MIN over axis 2, keep_dims false"),
    case("op_reducemin_last_keep", lambda x: tf.reduce_min(x, -1, keepdims=True), [(1, 5, 9)], [1.5],
         ["REDUCE_MIN"], "REDUCE_MIN over the last axis (negative), keep_dims"),
    case("op_mean_axis1", lambda x: tf.reduce_mean(x, 1), [S4], [2.0], ["MEAN"], "MEAN over axis 1, keep_dims false"),
    case("op_mean_last_keep", lambda x: tf.reduce_mean(x, -1, keepdims=True), [S4], [1.0], ["MEAN"],
         "MEAN over the channel axis, keep_dims"),
    # Shape ops.
    case("op_slice_3d", lambda x: tf.slice(x, [0, 1, 2], [1, 3, -1]), [(1, 5, 7)], [1.0], ["SLICE"],
         "SLICE rank 3 with size -1"),
    case("op_slice_4d", lambda x: tf.slice(x, [0, 1, 0, 3], [1, 2, 4, 4]), [S4], [1.0], ["SLICE"], "SLICE rank 4"),
    # With static shapes the converter rewrites SQUEEZE and EXPAND_DIMS into RESHAPE; a dynamic dimension
    # (None, stored as 1 in the flatbuffer's shape, -1 in shape_signature) keeps them.
    case("op_squeeze_axis2", lambda x: tf.squeeze(x, [2]), [(None, None, 1, 8)], [1.0], ["SQUEEZE"],
         "SQUEEZE squeeze_dims [2] (dynamic batch and H keep the op from becoming RESHAPE)"),
    case("op_squeeze_neg", lambda x: tf.squeeze(x, [-2]), [(None, None, 1, 6)], [1.0], ["SQUEEZE"],
         "SQUEEZE negative squeeze_dims [-2]"),
    case("op_expanddims_axis1", lambda x: tf.expand_dims(x, 1), [(None, 4, 8)], [1.0], ["EXPAND_DIMS"],
         "EXPAND_DIMS axis 1 (dynamic batch keeps the op from becoming RESHAPE)"),
    case("op_expanddims_neg", lambda x: tf.expand_dims(x, -1), [(None, 5, 6)], [1.0], ["EXPAND_DIMS"],
         "EXPAND_DIMS axis -1"),
    # Broadcast MUL.
    case("op_mul_bcast_channel", lambda x, y: x * y, [S4, (1, 1, 1, 8)], [1.0, 2.0], ["MUL"],
         "MUL two inputs, per-channel broadcast"),
    case("op_mul_bcast_cross", lambda x, y: x * y, [(1, 4, 1, 8), (1, 1, 5, 8)], [3.0, 0.5], ["MUL"],
         "MUL two inputs broadcasting on both sides"),
    case("op_mul_bcast_rank", lambda x, y: x * y, [(1, 3, 4, 6), (4, 1)], [1.0, 1.0], ["MUL"],
         "MUL with a rank-2 second input"),
    # Requantizing QUANTIZE int8->int8: CONCATENATION of a fixed-scale output and a free tensor needs one scale
    # (with only model inputs as operands the converter gives them the common scale instead).
    case("op_quantize_requant_logistic", lambda x: tf.concat([tf.sigmoid(x), x], 1), [(1, 4, 6)], [5.0],
         ["LOGISTIC", "QUANTIZE", "CONCATENATION"],
         "int8->int8 QUANTIZE inserted by the converter: CONCATENATION of LOGISTIC(x) and a wide x needs one scale"),
    case("op_quantize_requant_narrow", lambda x: tf.concat([x, tf.tanh(x)], -1), [(1, 5, 3)], [0.2],
         ["TANH", "QUANTIZE", "CONCATENATION"],
         "int8->int8 QUANTIZE: narrow x concatenated with TANH(x) (fixed 1/128 scale)"),
    case("op_concat_axis1_three", lambda x, y, z: tf.concat([x, y, z], 1), [(1, 2, 5, 4), (1, 3, 5, 4), (1, 1, 5, 4)],
         [1.0, 2.0, 4.0], ["CONCATENATION"], "CONCATENATION axis 1 of three inputs"),
    case("op_concat_axis2_three", lambda x, y, z: tf.concat([x, y, z], 2), [(1, 3, 2, 4), (1, 3, 4, 4), (1, 3, 1, 4)],
         [1.0, 1.0, 1.0], ["CONCATENATION"], "CONCATENATION axis 2 of three inputs"),
    # PAD / TRANSPOSE / STRIDED_SLICE parameter space.
    case("op_pad_asym", lambda x: tf.pad(x, [[0, 0], [1, 2], [0, 3], [2, 0]]), [(1, 3, 4, 5)], [1.0], ["PAD"],
         "PAD asymmetric on three axes"),
    case("op_padv2_value", lambda x: tf.pad(x, [[0, 0], [2, 1], [1, 1]], constant_values=0.75),
         [(1, 3, 6)], [1.0], ["PADV2"], "PADV2 with a non-zero constant, rank 3"),
    case("op_transpose_0312", lambda x: tf.transpose(x, [0, 3, 1, 2]), [(1, 3, 4, 5)], [1.0], ["TRANSPOSE"],
         "TRANSPOSE NHWC->NCHW"),
    case("op_transpose_3d", lambda x: tf.transpose(x, [2, 0, 1]), [(2, 3, 4)], [1.0], ["TRANSPOSE"],
         "TRANSPOSE rank 3 perm 2,0,1"),
    case("op_stridedslice_neg", lambda x: x[:, ::-1, 1:6:2, :], [(1, 4, 7, 3)], [1.0], ["STRIDED_SLICE"],
         "STRIDED_SLICE negative stride and stride 2"),
    case("op_stridedslice_shrink", lambda x: x[:, 2, -4:, 1:], [(1, 5, 6, 4)], [1.0], ["STRIDED_SLICE"],
         "STRIDED_SLICE shrink_axis and negative begin"),
    # Activations at other scales.
    case("op_leakyrelu_wide", lambda x: tf.nn.leaky_relu(x, 0.1), [S4], [12.0], ["LEAKY_RELU"],
         "LEAKY_RELU alpha 0.1, wide range"),
    case("op_logistic_narrow", tf.sigmoid, [S4], [0.3], ["LOGISTIC"], "LOGISTIC, small input scale"),
    case("op_tanh_wide", tf.tanh, [S4], [10.0], ["TANH"], "TANH, large input scale"),
    case("op_hardswish_wide", lambda x: x * tf.nn.relu6(x + 3.0) / 6.0, [S4], [8.0], ["HARD_SWISH"],
         "HARD_SWISH, wide range"),
]


def main():
    flt = sys.argv[1] if len(sys.argv) > 1 else ""
    for name, fn, shapes, ranges, want, note, float_io, pair1_range in CASES:
        if flt not in name:
            continue
        rng = np.random.default_rng([20261123, zlib.crc32(name.encode())])  # per case: filtered runs reproduce
        write_case(name, convert(fn, shapes, ranges, rng, float_io), rng, want, note, ranges, pair1_range)


if __name__ == "__main__":
    main()
