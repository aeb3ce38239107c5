/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Makes a model acceptable to desktop TensorFlow Lite: sets {@code quantized_dimension} to 0 on
 * every rank-1 tensor whose quantization stores a non-zero value (person_detect.tflite ships 1-D bias
 * tensors with {@code quantized_dimension = 3}; TFLite Micro ignores it, desktop TFLite rejects the
 * model). The value is overwritten in place, so the file's layout does not change; the field only
 * names the per-channel axis, so for 1-D tensors 0 is the one valid value and the arithmetic is
 * unchanged.
 *
 * <p>A minimal flatbuffer walker over the TFLite schema: Model.subgraphs (field 2) → SubGraph.tensors
 * (field 0) → Tensor.shape (field 0), Tensor.quantization (field 4) → QuantizationParameters
 * .quantized_dimension (field 6, int32).
 */
public final class QuantizedDimensionPatch {
    private QuantizedDimensionPatch() {}

    /** Patches {@code model} in place; returns the number of tensors changed. */
    public static int patch(byte[] model) {
        ByteBuffer b = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
        int root = b.getInt(0);
        int subgraphs = vector(b, root, 2);
        if (subgraphs < 0) {
            return 0;
        }
        int changed = 0;
        int nSub = b.getInt(subgraphs);
        for (int s = 0; s < nSub; s++) {
            int subgraph = indirect(b, subgraphs + 4 + 4 * s);
            int tensors = vector(b, subgraph, 0);
            if (tensors < 0) {
                continue;
            }
            int nTensors = b.getInt(tensors);
            for (int t = 0; t < nTensors; t++) {
                int tensor = indirect(b, tensors + 4 + 4 * t);
                int shape = vector(b, tensor, 0);
                int rank = shape < 0 ? 0 : b.getInt(shape);
                int qField = field(b, tensor, 4);
                if (rank != 1 || qField < 0) {
                    continue;
                }
                int quant = indirect(b, qField);
                int dim = field(b, quant, 6);
                if (dim >= 0 && b.getInt(dim) != 0) {
                    b.putInt(dim, 0);
                    changed++;
                }
            }
        }
        return changed;
    }

    /** Absolute position of a table's field, or -1 when absent. */
    private static int field(ByteBuffer b, int table, int index) {
        int vtable = table - b.getInt(table);
        int vtableSize = Short.toUnsignedInt(b.getShort(vtable));
        int entry = 4 + 2 * index;
        if (entry + 2 > vtableSize) {
            return -1;
        }
        int off = Short.toUnsignedInt(b.getShort(vtable + entry));
        return off == 0 ? -1 : table + off;
    }

    /** Follows the uoffset stored at {@code pos}. */
    private static int indirect(ByteBuffer b, int pos) {
        return pos + b.getInt(pos);
    }

    /** Position of a vector field's length word, or -1 when absent. */
    private static int vector(ByteBuffer b, int table, int index) {
        int f = field(b, table, index);
        return f < 0 ? -1 : indirect(b, f);
    }
}
