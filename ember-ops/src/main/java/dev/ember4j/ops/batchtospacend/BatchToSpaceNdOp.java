/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.batchtospacend;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * BATCH_TO_SPACE_ND of a 3-D or 4-D tensor with constant block_shape and crops: input batch
 * {@code (oh*bw+ow)*B + b} lands at output {@code [b][h*bh+oh-cropTop][w*bw+ow-cropLeft]}, rows and
 * columns cropped away are dropped (TFLite's reference loop). A 3-D input is a 4-D one of width 1.
 */
public final class BatchToSpaceNdOp implements OperatorSpec {
    private static final int OPTIONS = 24; // BuiltinOptions.BatchToSpaceNDOptions
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.BATCH_TO_SPACE_ND;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "BatchToSpaceNDOptions");
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        int[] s = in.shape();
        if (s.length != 3 && s.length != 4) {
            throw ctx.unsupported("input " + in.label() + " has rank " + s.length + ", TFLite supports 3 or 4");
        }
        int spatial = s.length - 2;
        int[] block = Moves.constantIndices(ctx, ctx.input(1), "block_shape");
        int[] crops = Moves.constantIndices(ctx, ctx.input(2), "crops");
        if (block.length != spatial || crops.length != 2 * spatial) {
            throw ctx.error("block_shape " + Arrays.toString(block) + " / crops " + Arrays.toString(crops)
                    + " do not match " + spatial + " spatial dimensions");
        }
        long blocks = 1;
        for (int i = 0; i < spatial; i++) {
            if (block[i] < 1 || crops[2 * i] < 0 || crops[2 * i + 1] < 0) {
                throw ctx.error("block_shape " + Arrays.toString(block) + " / crops " + Arrays.toString(crops)
                        + " must be positive / non-negative");
            }
            blocks *= block[i];
        }
        if (s[0] % blocks != 0) {
            throw ctx.error("batch " + s[0] + " is not divisible by the block product " + blocks);
        }
        int[] outShape = s.clone();
        outShape[0] = (int) (s[0] / blocks);
        for (int i = 0; i < spatial; i++) {
            long d = (long) s[1 + i] * block[i] - crops[2 * i] - crops[2 * i + 1];
            if (d < 1 || d > Integer.MAX_VALUE) {
                throw ctx.error("crops " + Arrays.toString(crops) + " leave no output along dimension " + (1 + i));
            }
            outShape[1 + i] = (int) d;
        }
        Moves.intProduct(ctx, s, 0, s.length);
        ctx.requireShape(out, outShape, "output");
        int[] s4 = spatial == 2 ? s : new int[] {s[0], s[1], 1, s[2]};
        int[] b2 = spatial == 2 ? block : new int[] {block[0], 1};
        int[] c4 = spatial == 2 ? crops : new int[] {crops[0], crops[1], 0, 0};
        return Prepared.of(new BatchToSpaceNdParams(program(w, s4, b2, c4)), BatchToSpaceNdKernel.KERNEL, 0);
    }

    /** 4-D input {@code s}, block {@code [bh, bw]}, crops {@code [top, bottom, left, right]}. */
    static int[] program(int w, int[] s, int[] block, int[] crops) {
        int bh = block[0], bw = block[1];
        int ob = s[0] / (bh * bw), h = s[1], wd = s[2], c = s[3];
        int oh = h * bh - crops[0] - crops[1], ow = wd * bw - crops[2] - crops[3];
        CopyProgram.Builder b = new CopyProgram.Builder();
        for (int dy = 0; dy < bh; dy++) {
            for (int dx = 0; dx < bw; dx++) {
                int h0 = first(dy - crops[0], bh), h1 = end(dy - crops[0], bh, oh, h);
                int w0 = first(dx - crops[2], bw), w1 = end(dx - crops[2], bw, ow, wd);
                if (h1 <= h0 || w1 <= w0) {
                    continue;
                }
                long src = ((long) (dy * bw + dx) * ob * h + h0) * wd * c + (long) w0 * c;
                long dst = ((long) (h0 * bh + dy - crops[0]) * ow + (w0 * bw + dx - crops[2])) * c;
                b.add(0, 0, w, src, dst, new int[] {ob, h1 - h0, w1 - w0, c},
                        new int[] {h * wd * c, wd * c, c, 1}, new int[] {oh * ow * c, bh * ow * c, bw * c, 1});
            }
        }
        return b.build();
    }

    /** First input row i with {@code i*block + shift >= 0}. */
    static int first(int shift, int block) {
        int i = 0;
        while (i * block + shift < 0) {
            i++;
        }
        return i;
    }

    /** One past the last input row i (below {@code n}) with {@code i*block + shift < size}. */
    static int end(int shift, int block, int size, int n) {
        int i = n;
        while (i > 0 && (i - 1) * block + shift >= size) {
            i--;
        }
        return i;
    }
}
