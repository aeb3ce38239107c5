/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.comparison;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.binary.BinaryShapes;
import dev.ember4j.ops.binary.Rescale;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.EnumSet;
import java.util.Set;

/** Shared preparation of the six comparisons: one input type, BOOL output, 4-D broadcasting. */
final class ComparisonPrepare {
    private ComparisonPrepare() {}

    /** Left shift TFLite gives quantized inputs before scaling them. */
    static final int LEFT_SHIFT = 8;

    /** The input types each comparison's TFLite kernel accepts (strings aside). */
    static Set<TensorType> types(int op) {
        Set<TensorType> s = EnumSet.of(TensorType.INT8, TensorType.UINT8, TensorType.INT32, TensorType.INT64,
                TensorType.FLOAT32);
        if (op == ComparisonKernel.EQUAL || op == ComparisonKernel.NOT_EQUAL) {
            s.add(TensorType.BOOL);
        }
        if (op == ComparisonKernel.EQUAL || op == ComparisonKernel.GREATER_EQUAL || op == ComparisonKernel.LESS) {
            s.add(TensorType.INT16);
        }
        return s;
    }

    static ComparisonParams prepare(OpContext ctx, int op) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.input(0);
        TensorDef b = ctx.input(1);
        TensorDef out = ctx.output(0);
        if (!types(op).contains(a.type())) {
            throw ctx.unsupported("input 1 " + a.label() + " has type " + a.type() + ", supported: " + types(op));
        }
        if (b.type() != a.type()) {
            throw ctx.error("input types differ: " + a.type() + " and " + b.type());
        }
        if (out.type() != TensorType.BOOL) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", comparisons produce BOOL");
        }
        int[][] st = BinaryShapes.strides(ctx, a, b, out, 4);
        int type = switch (a.type()) {
            case INT8 -> ComparisonKernel.INT8;
            case UINT8 -> ComparisonKernel.UINT8;
            case INT16 -> ComparisonKernel.INT16;
            case INT32 -> ComparisonKernel.INT32;
            case INT64 -> ComparisonKernel.INT64;
            case FLOAT32 -> ComparisonKernel.FLOAT32;
            default -> ComparisonKernel.BOOL;
        };
        if (type != ComparisonKernel.INT8 && type != ComparisonKernel.UINT8) {
            return new ComparisonParams(st[0], st[1], st[2], type, op, 0, 0, 0, 0, 0, 0, 0);
        }
        ctx.quantized(a, "input 1", a.type());
        ctx.quantized(b, "input 2", b.type());
        QuantizedMultiplier m1 = scaleMultiplier(ctx.scale(a));
        QuantizedMultiplier m2 = scaleMultiplier(ctx.scale(b));
        if (m1 == null || m2 == null) {
            throw ctx.unsupported("input scales " + ctx.scale(a) + " and " + ctx.scale(b)
                    + ": TFLite's quantized comparison only runs scales below 1 (larger ones shift by a"
                    + " negative amount)");
        }
        return new ComparisonParams(st[0], st[1], st[2], type, op, LEFT_SHIFT, -ctx.zeroPoint(a), m1.multiplier(),
                m1.shift(), -ctx.zeroPoint(b), m2.multiplier(), m2.shift());
    }

    /**
     * TFLite quantizes each input's scale itself (not a ratio) as the multiplier; for scales of 1 and
     * more it takes QuantizeMultiplierGreaterThanOne, whose positive shift the kernel then uses as a
     * negative right shift (undefined in C++): null there.
     */
    static QuantizedMultiplier scaleMultiplier(float scale) {
        return Rescale.smallerThanOne(scale);
    }
}
