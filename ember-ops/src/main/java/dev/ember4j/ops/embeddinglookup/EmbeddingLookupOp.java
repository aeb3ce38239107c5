/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.embeddinglookup;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * EMBEDDING_LOOKUP: rank-1 INT32 lookup indices (constant or fed at run time) into a value tensor of rank
 * 2 or more, output [lookups, value dims 1...]. Value and output of one type (FLOAT32, INT8, UINT8,
 * INT16, INT32, INT64 or BOOL) copy rows; INT8 or UINT8 values into a FLOAT32 output dequantize them
 * (TFLite's hybrid form: zero point 0, one scale or one per row). Other type pairs TFLite 2.21 either
 * refuses or runs reading the wrong bytes: refused here.
 */
public final class EmbeddingLookupOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.EMBEDDING_LOOKUP;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef lookup = ctx.input(0);
        TensorDef value = ctx.input(1);
        TensorDef out = ctx.output(0);
        ctx.requireType(lookup, TensorType.INT32, "lookup");
        ctx.requireRank(lookup, 1, "lookup");
        int[] vs = value.shape();
        if (vs.length < 2) {
            throw ctx.error("value " + value.label() + " has shape " + value.shapeString() + ", expected rank 2 or more");
        }
        int[] expected = vs.clone();
        expected[0] = lookup.shape()[0];
        ctx.requireShape(out, expected, "output");
        int rows = vs[0];
        int columns = value.elementCount() / rows;
        boolean hybrid = out.type() == TensorType.FLOAT32 && value.type() != TensorType.FLOAT32;
        if (!hybrid) {
            switch (value.type()) {
                case FLOAT32, INT8, UINT8, INT16, INT32, INT64, BOOL -> { }
                default -> throw ctx.unsupported("value " + value.label() + " has type " + value.type()
                        + ", supported: FLOAT32, INT8, UINT8, INT16, INT32, INT64, BOOL");
            }
            if (out.type() != value.type()) {
                throw ctx.error("output " + out.label() + " has type " + out.type() + ", the value " + value.type()
                        + " (rows are copied as they are)");
            }
            return Prepared.of(new EmbeddingLookupParams(lookup.shape()[0], rows, columns,
                    columns * value.type().bytes(), null), EmbeddingLookupKernel.KERNEL, 0, 1);
        }
        if (value.type() != TensorType.INT8 && value.type() != TensorType.UINT8) {
            throw ctx.unsupported("value " + value.label() + " has type " + value.type()
                    + " for a FLOAT32 output; only INT8 and UINT8 values are dequantized");
        }
        Quantization q = value.quantization();
        if (q == null || q.scale().length == 0) {
            throw ctx.unsupported("value " + value.label() + " is " + value.type()
                    + " without quantization parameters for a FLOAT32 output");
        }
        for (long zp : q.zeroPoint()) {
            if (zp != 0) {
                throw ctx.error("value " + value.label() + " has zero point " + zp
                        + "; dequantizing embedding lookup needs zero point 0");
            }
        }
        float[] scales = q.scale();
        if (scales.length > 1 && (q.quantizedDimension() != 0 || scales.length != rows)) {
            throw ctx.error("value " + value.label() + " has " + scales.length + " scales along dimension "
                    + q.quantizedDimension() + "; per-row scales need one per row (" + rows + ") along dimension 0");
        }
        int[] bits = new int[scales.length];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Float.floatToRawIntBits(scales[i]);
        }
        return Prepared.of(new EmbeddingLookupParams(lookup.shape()[0], rows, columns, columns, bits), EmbeddingLookupKernel.KERNEL, 0, 1);
    }
}
