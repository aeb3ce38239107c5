#!/usr/bin/env python3
# Copyright 2026 The Ember4j Authors
# SPDX-License-Identifier: Apache-2.0

"""DYNAMIC_UPDATE_SLICE golden cases (TFLM's streaming models write ring buffers with it): operand and
update of one type (int8, int16, int32, float32), start indices constant or model inputs (int32 or
int64, including indices past the edges, which TFLite clamps), written directly as flatbuffers with the
schema classes TensorFlow ships, goldens from TFLite 2.21's BUILTIN_REF kernels.

Run: V/bin/python tools/make_dynamic_update_slice_models.py
"""
import numpy as np
from tensorflow.lite.python import schema_py_generated as fb

from ember_goldens import write_case
from tflite_build import single_op_model, tensor

TYPES = {"int8": (fb.TensorType.INT8, np.int8), "int16": (fb.TensorType.INT16, np.int16),
         "int32": (fb.TensorType.INT32, np.int32), "float32": (fb.TensorType.FLOAT32, np.float32)}


def model(ttype, operand_shape, update_shape, index_type, indices=None):
    """One DYNAMIC_UPDATE_SLICE: operand and update are inputs; indices a constant (`indices`) or a third input."""
    tensors, buffers = [], [fb.BufferT()]
    q = (0.05, 3) if ttype == fb.TensorType.INT8 else (0.001, 0) if ttype == fb.TensorType.INT16 else (None, 0)
    operand = tensor(tensors, buffers, "operand", ttype, operand_shape, *q)
    update = tensor(tensors, buffers, "update", ttype, update_shape, *q)
    np_index = np.int32 if index_type == fb.TensorType.INT32 else np.int64
    idx = tensor(tensors, buffers, "start_indices", index_type, (len(operand_shape),),
                 data=None if indices is None else np.array(indices, dtype=np_index))
    out = tensor(tensors, buffers, "output", ttype, operand_shape, *q)
    return single_op_model(fb.BuiltinOperator.DYNAMIC_UPDATE_SLICE, tensors, buffers,
                           [operand, update] + ([] if indices is not None else [idx]), [out], [operand, update, idx],
                           fb.BuiltinOptions.DynamicUpdateSliceOptions, fb.DynamicUpdateSliceOptionsT(),
                           "ember4j make_dynamic_update_slice_models.py")


def main():
    rng = np.random.default_rng(151)
    script = "make_dynamic_update_slice_models.py"
    for tname, (ttype, dtype) in TYPES.items():
        # a ring buffer's write: one frame into row 5 of [1, 8, 16]
        write_case("DYNAMIC_UPDATE_SLICE", f"{tname}_const_row", model(ttype, (1, 8, 16), (1, 1, 16),
                   fb.TensorType.INT32, [0, 5, 0]), rng, script)
    for tname in ("int8", "float32"):
        ttype, dtype = TYPES[tname]
        shape, upd = (2, 5, 6, 3), (1, 2, 4, 3)

        def inputs(pair, ins, shape=shape, upd=upd, dtype=dtype, tname=tname):
            big = pair == 2
            if tname == "int8":
                a = rng.integers(-128, 128, size=shape).astype(dtype)
                u = rng.integers(-128, 128, size=upd).astype(dtype)
            else:
                a = rng.standard_normal(shape).astype(dtype)
                u = rng.standard_normal(upd).astype(dtype)
            # pair 0 inside, pair 1 past the far edges and negative (clamped), pair 2 huge
            starts = [[1, 2, 1, 0], [-3, 9, 5, -1], [2**31 - 1, -2**31, 7, 2]][pair]
            return [a, u, np.array(starts, dtype=ins[2]["dtype"])]

        for iname, itype in (("i32", fb.TensorType.INT32), ("i64", fb.TensorType.INT64)):
            write_case("DYNAMIC_UPDATE_SLICE", f"{tname}_{iname}_input_indices",
                       model(ttype, shape, upd, itype), rng, script, inputs=inputs)


if __name__ == "__main__":
    main()
