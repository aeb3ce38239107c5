#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""Int8 models of the data-movement and index operators (SPLIT, SPLIT_V, PACK, UNPACK, GATHER,
GATHER_ND, SHAPE, FILL, BROADCAST_TO, DEPTH_TO_SPACE, SPACE_TO_DEPTH, BATCH_TO_SPACE_ND,
SPACE_TO_BATCH_ND, MIRROR_PAD, ARG_MAX, ARG_MIN) with TensorFlow Lite 2.21 BUILTIN_REF goldens, written
to testdata/generated/move2_<op>_<variant>/ in the layout of make_models.py (3 pairs, the third with
extreme values). Each model is checked to contain the intended operator.

Run: /work/V/bin/python tools/make_move2_models.py [name-filter]
"""
import sys

import numpy as np
import tensorflow as tf

from make_models import OUT
from ember_goldens import case_dir, write_manifest  # noqa: E402


def write_case(name, tflite, rng):
    """make_models.write_case, with the BUILTIN resolver as a fallback where BUILTIN_REF lacks the
    int8 version of an operator (DEPTH_TO_SPACE): for operators that only move bytes both agree."""
    d = case_dir(name, tflite)
    try:
        it = tf.lite.Interpreter(model_content=tflite, num_threads=1,
                                 experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN_REF)
    except ValueError as e:
        print("  BUILTIN_REF refuses it (", str(e).splitlines()[0], "): goldens from BUILTIN")
        it = tf.lite.Interpreter(model_content=tflite, num_threads=1,
                                 experimental_op_resolver_type=tf.lite.experimental.OpResolverType.BUILTIN)
    it.allocate_tensors()
    d.mkdir(parents=True, exist_ok=True)
    (d / "model.tflite").write_bytes(tflite)
    write_manifest(d, tflite, __file__)
    for pair in range(3):
        sfx = "" if pair == 0 else f".{pair}"
        for i, det in enumerate(it.get_input_details()):
            if pair < 2:
                x = rng.integers(-128, 128, size=det["shape"], dtype=np.int8)
            else:  # extremes: saturation, and ties for ARG_MAX / ARG_MIN
                x = rng.choice(np.array([-128, 127], dtype=np.int8), size=det["shape"])
            it.set_tensor(det["index"], x)
            x.tofile(d / f"input{i}{sfx}.bin")
        it.invoke()
        for o, det in enumerate(it.get_output_details()):
            it.get_tensor(det["index"]).tofile(d / f"expected{o}{sfx}.bin")
    print("wrote", d)


def convert(fn, shapes, rng):
    specs = [tf.TensorSpec(s, tf.float32) for s in shapes]
    conc = tf.function(fn).get_concrete_function(*specs)
    conv = tf.lite.TFLiteConverter.from_concrete_functions([conc])
    conv.optimizations = [tf.lite.Optimize.DEFAULT]
    conv.representative_dataset = lambda: (
        [rng.standard_normal([1 if d is None else d for d in s]).astype(np.float32) * 2 for s in shapes]
        for _ in range(64))
    conv.target_spec.supported_ops = [tf.lite.OpsSet.TFLITE_BUILTINS_INT8]
    conv.inference_input_type = tf.int8
    conv.inference_output_type = tf.int8
    return conv.convert()


def ops_of(tflite):
    it = tf.lite.Interpreter(model_content=tflite)
    return [d["op_name"] for d in it._get_ops_details()]


def case(name, op, fn, shapes, rng, only):
    if only and only not in name:
        return
    tflite = convert(fn, shapes, rng)
    ops = ops_of(tflite)
    if op not in ops:
        raise SystemExit(f"{name}: {op} missing, model has {ops}")
    write_case(name, tflite, rng)
    print("  ops:", ops, len(tflite), "bytes")


def main():
    only = sys.argv[1] if len(sys.argv) > 1 else None
    rng = np.random.default_rng(2026_0602)
    c = lambda *a: case(*a, rng, only)  # noqa: E731

    # SPLIT (axis is input 0; equal parts)
    c("move2_split_axis3", "SPLIT", lambda x: tf.split(x, 3, axis=3), [(1, 4, 5, 6)])
    c("move2_split_neg_axis", "SPLIT", lambda x: tf.split(x, 2, axis=-2), [(2, 6, 3)])
    c("move2_split_axis0", "SPLIT", lambda x: tf.split(x, 4, axis=0), [(4, 7)])
    # PACK / UNPACK
    c("move2_pack_axis0", "PACK", lambda x, y: tf.stack([x, y], axis=0), [(3, 5), (3, 5)])
    c("move2_pack_neg_axis", "PACK", lambda x, y, z: tf.stack([x, y, z], axis=-1), [(2, 4), (2, 4), (2, 4)])
    c("move2_pack_axis1", "PACK", lambda x, y: tf.stack([x, y], axis=1), [(2, 3, 4), (2, 3, 4)])
    c("move2_unpack_axis1", "UNPACK", lambda x: tf.unstack(x, axis=1), [(2, 3, 4)])
    c("move2_unpack_neg_axis", "UNPACK", lambda x: tf.unstack(x, axis=-1), [(3, 2, 4)])
    c("move2_unpack_axis0", "UNPACK", lambda x: tf.unstack(x, axis=0), [(2, 5)])
    # ARG_MAX / ARG_MIN (the third pair of -128/127 values is full of ties)
    c("move2_argmax_last_i64", "ARG_MAX", lambda x: tf.math.argmax(x, axis=-1), [(1, 4, 4, 6)])
    c("move2_argmax_axis1_i32", "ARG_MAX", lambda x: tf.math.argmax(x, axis=1, output_type=tf.int32),
      [(2, 5, 3)])
    c("move2_argmax_axis0", "ARG_MAX", lambda x: tf.math.argmax(x, axis=0, output_type=tf.int32), [(7, 4)])
    c("move2_argmin_last_i32", "ARG_MIN", lambda x: tf.math.argmin(x, axis=-1, output_type=tf.int32),
      [(3, 8)])
    c("move2_argmin_axis1_i64", "ARG_MIN", lambda x: tf.math.argmin(x, axis=1), [(1, 6, 2, 3)])
    # GATHER (constant positions)
    c("move2_gather_axis0", "GATHER", lambda x: tf.gather(x, [3, 0, 0, 2], axis=0), [(5, 3)])
    c("move2_gather_axis1_2d_idx", "GATHER",
      lambda x: tf.gather(x, tf.constant([[1, 0], [3, 3], [2, 1]], tf.int32), axis=1), [(2, 4, 3)])
    c("move2_gather_neg_axis_i64", "GATHER",
      lambda x: tf.gather(x, tf.constant([4, 1, 1], tf.int64), axis=-1), [(2, 3, 5)])
    c("move2_gather_batch_dims", "GATHER",
      lambda x: tf.gather(x, tf.constant([[0, 2], [1, 1]], tf.int32), axis=2, batch_dims=1), [(2, 3, 4, 2)])
    # GATHER_ND
    c("move2_gathernd_full", "GATHER_ND",
      lambda x: tf.gather_nd(x, tf.constant([[0, 1], [2, 3], [1, 0]], tf.int32)), [(3, 4)])
    c("move2_gathernd_slices", "GATHER_ND",
      lambda x: tf.gather_nd(x, tf.constant([[[1], [0]], [[1], [1]]], tf.int32)), [(2, 3, 4)])
    # SPLIT_V
    c("move2_splitv_axis1", "SPLIT_V", lambda x: tf.split(x, [1, 3, 2], axis=1), [(2, 6, 3)])
    c("move2_splitv_infer_neg_axis", "SPLIT_V", lambda x: tf.split(x, [2, -1], axis=-1), [(1, 3, 7)])
    # DEPTH_TO_SPACE / SPACE_TO_DEPTH
    c("move2_depth_to_space_b2", "DEPTH_TO_SPACE", lambda x: tf.nn.depth_to_space(x, 2), [(1, 3, 2, 8)])
    c("move2_depth_to_space_b3", "DEPTH_TO_SPACE", lambda x: tf.nn.depth_to_space(x, 3), [(2, 2, 2, 9)])
    c("move2_space_to_depth_b2", "SPACE_TO_DEPTH", lambda x: tf.nn.space_to_depth(x, 2), [(1, 4, 6, 3)])
    c("move2_space_to_depth_b3", "SPACE_TO_DEPTH", lambda x: tf.nn.space_to_depth(x, 3), [(2, 3, 6, 2)])
    # BATCH_TO_SPACE_ND / SPACE_TO_BATCH_ND
    c("move2_batch_to_space_nd", "BATCH_TO_SPACE_ND",
      lambda x: tf.batch_to_space(x, [2, 2], [[0, 0], [0, 0]]), [(4, 2, 3, 3)])
    c("move2_batch_to_space_nd_crops", "BATCH_TO_SPACE_ND",
      lambda x: tf.batch_to_space(x, [2, 3], [[1, 0], [2, 1]]), [(12, 3, 3, 2)])
    c("move2_space_to_batch_nd", "SPACE_TO_BATCH_ND",
      lambda x: tf.space_to_batch(x, [2, 2], [[0, 0], [0, 0]]), [(1, 4, 6, 2)])
    c("move2_space_to_batch_nd_pads", "SPACE_TO_BATCH_ND",
      lambda x: tf.space_to_batch(x, [2, 3], [[1, 1], [2, 0]]), [(2, 4, 4, 3)])
    # MIRROR_PAD
    c("move2_mirror_pad_reflect", "MIRROR_PAD",
      lambda x: tf.pad(x, [[0, 0], [2, 1], [1, 2], [0, 0]], mode="REFLECT"), [(1, 4, 3, 2)])
    c("move2_mirror_pad_symmetric", "MIRROR_PAD",
      lambda x: tf.pad(x, [[1, 0], [3, 2], [0, 1]], mode="SYMMETRIC"), [(2, 3, 4)])
    # BROADCAST_TO
    c("move2_broadcast_to", "BROADCAST_TO", lambda x: tf.broadcast_to(x, [2, 3, 4]), [(3, 1)])
    c("move2_broadcast_to_rank4", "BROADCAST_TO", lambda x: tf.broadcast_to(x, [2, 1, 3, 4]), [(2, 1, 1, 4)])
    # FILL (scalar value from the input)
    c("move2_fill", "FILL", lambda x: tf.fill([2, 3, 2], x), [()])
    # SHAPE (output int32 from an input of unknown batch)
    # SHAPE survives conversion only with an unknown dimension (batch None, stored as 1 in the shape)
    c("move2_shape_i32", "SHAPE", lambda x: (tf.shape(x), tf.nn.relu(x)), [(None, 3, 2)])
    c("move2_shape_i64", "SHAPE", lambda x: (tf.shape(x, out_type=tf.int64), tf.nn.relu(x)), [(None, 5)])


if __name__ == "__main__":
    main()
