/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mirrorpad;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.copy.StridedCopy;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * MIRROR_PAD with constant paddings {@code [rank, 2]}, REFLECT (mode 0, the edge not repeated) or
 * SYMMETRIC (mode 1, the edge repeated), rank at most 6. TFLite's index mapping clamps paddings that
 * exceed the input (REFLECT: more than dim - 1, SYMMETRIC: more than dim) into reads outside it; TF
 * itself rejects them, and so does this prepare. Within those bounds each axis is three linear pieces
 * (left mirror, interior, right mirror), so the output is at most 3^rank strided boxes.
 */
public final class MirrorPadOp implements OperatorSpec {
    private static final int OPTIONS = 77; // BuiltinOptions.MirrorPadOptions: mode
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MIRROR_PAD;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        int mode = OpContext.u8(ctx.options(OPTIONS, "MirrorPadOptions"), 0, 0);
        if (mode != 0 && mode != 1) {
            throw ctx.error("unknown mirror pad mode " + mode);
        }
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        int[] s = in.shape();
        if (s.length > StridedCopy.RANK) {
            throw ctx.unsupported("input " + in.label() + " has rank " + s.length + ", at most 6 is supported");
        }
        TensorDef padT = ctx.input(1);
        int[] pads = Moves.constantIndices(ctx, padT, "paddings");
        if (padT.shape().length != 2 || padT.shape()[0] != s.length || padT.shape()[1] != 2) {
            throw ctx.error("paddings " + padT.label() + " has shape " + padT.shapeString() + ", expected ["
                    + s.length + ", 2]");
        }
        int[] outShape = new int[s.length];
        for (int i = 0; i < s.length; i++) {
            int limit = mode == 0 ? s[i] - 1 : s[i];
            if (pads[2 * i] < 0 || pads[2 * i + 1] < 0 || pads[2 * i] > limit || pads[2 * i + 1] > limit) {
                throw ctx.error("paddings " + Arrays.toString(pads) + " exceed what " + (mode == 0 ? "REFLECT" : "SYMMETRIC")
                        + " allows for dimension " + s[i]);
            }
            outShape[i] = s[i] + pads[2 * i] + pads[2 * i + 1];
        }
        Moves.intProduct(ctx, outShape, 0, outShape.length);
        ctx.requireShape(out, outShape, "output");
        return Prepared.of(new MirrorPadParams(program(w, s, pads, mode == 0 ? 1 : 0)), MirrorPadKernel.KERNEL, 0);
    }

    /**
     * Boxes for input shape {@code s}, paddings {@code [left, right] per axis} and {@code offset} 1
     * (REFLECT) or 0 (SYMMETRIC).
     */
    static int[] program(int w, int[] s, int[] pads, int offset) {
        int rank = s.length;
        int[] outShape = new int[rank];
        for (int i = 0; i < rank; i++) {
            outShape[i] = s[i] + pads[2 * i] + pads[2 * i + 1];
        }
        int[] inStrides = StridedCopy.rowMajorStrides(s);
        int[] outStrides = StridedCopy.rowMajorStrides(outShape);
        CopyProgram.Builder b = new CopyProgram.Builder();
        int pieces = 1;
        for (int i = 0; i < rank; i++) {
            pieces *= 3;
        }
        int[] counts = new int[rank];
        int[] src = new int[rank];
        int[] dst = new int[rank];
        for (int code = 0; code < pieces; code++) {
            long srcOff = 0;
            long dstOff = 0;
            int rest = code;
            for (int i = 0; i < rank; i++) {
                int piece = rest % 3;
                rest /= 3;
                int left = pads[2 * i], n = s[i];
                dst[i] = outStrides[i];
                if (piece == 0) { // output 0..left-1 reads input left-1+offset-j
                    counts[i] = left;
                    srcOff += (long) (left - 1 + offset) * inStrides[i];
                    src[i] = -inStrides[i];
                } else if (piece == 1) {
                    counts[i] = n;
                    dstOff += (long) left * outStrides[i];
                    src[i] = inStrides[i];
                } else { // output left+n+j reads input n-1-offset-j
                    counts[i] = pads[2 * i + 1];
                    dstOff += (long) (left + n) * outStrides[i];
                    srcOff += (long) (n - 1 - offset) * inStrides[i];
                    src[i] = -inStrides[i];
                }
            }
            b.add(0, 0, w, srcOff, dstOff, counts.clone(), src.clone(), dst.clone());
        }
        return b.build();
    }
}
