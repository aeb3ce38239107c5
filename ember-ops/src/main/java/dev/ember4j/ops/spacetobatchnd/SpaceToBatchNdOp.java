/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetobatchnd;

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
 * SPACE_TO_BATCH_ND of a 3-D or 4-D tensor with constant block_shape and paddings: output batch
 * {@code (oh*bw+ow)*B + b} row h column w holds input {@code [b][h*bh+oh-padTop][w*bw+ow-padLeft]}, or
 * the pad value outside the input. TFLite pads with the output zero point for int8 and uint8
 * (op_params.output_offset), with zero bytes otherwise; an int16 tensor with a nonzero zero point is
 * refused (TFLite's memset could not write it).
 */
public final class SpaceToBatchNdOp implements OperatorSpec {
    private static final int OPTIONS = 25; // BuiltinOptions.SpaceToBatchNDOptions
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SPACE_TO_BATCH_ND;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "SpaceToBatchNDOptions");
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
        int[] pads = Moves.constantIndices(ctx, ctx.input(2), "paddings");
        if (block.length != spatial || pads.length != 2 * spatial) {
            throw ctx.error("block_shape " + Arrays.toString(block) + " / paddings " + Arrays.toString(pads)
                    + " do not match " + spatial + " spatial dimensions");
        }
        int[] outShape = s.clone();
        long blocks = 1;
        for (int i = 0; i < spatial; i++) {
            if (block[i] < 1 || pads[2 * i] < 0 || pads[2 * i + 1] < 0) {
                throw ctx.error("block_shape " + Arrays.toString(block) + " / paddings " + Arrays.toString(pads)
                        + " must be positive / non-negative");
            }
            long padded = (long) s[1 + i] + pads[2 * i] + pads[2 * i + 1];
            if (padded % block[i] != 0) {
                throw ctx.error("padded dimension " + padded + " is not divisible by block " + block[i]);
            }
            outShape[1 + i] = (int) (padded / block[i]);
            blocks *= block[i];
        }
        if (blocks * s[0] > Integer.MAX_VALUE) {
            throw ctx.unsupported("block_shape " + Arrays.toString(block) + " is too large");
        }
        outShape[0] = (int) (blocks * s[0]);
        Moves.intProduct(ctx, outShape, 0, outShape.length);
        ctx.requireShape(out, outShape, "output");
        byte[] padValue = new byte[w];
        int zp = ctx.zeroPoint(out);
        if (out.type() == TensorType.INT8 || out.type() == TensorType.UINT8) {
            padValue[0] = (byte) zp;
        } else if (out.type() == TensorType.INT16 && zp != 0) {
            throw ctx.unsupported("int16 output " + out.label() + " has zero point " + zp);
        }
        int[] s4 = spatial == 2 ? s : new int[] {s[0], s[1], 1, s[2]};
        int[] b2 = spatial == 2 ? block : new int[] {block[0], 1};
        int[] p4 = spatial == 2 ? pads : new int[] {pads[0], pads[1], 0, 0};
        int outBytes = Moves.intProduct(ctx, outShape, 0, outShape.length) * w;
        return Prepared.of(new SpaceToBatchNdParams(padValue, outBytes, program(w, s4, b2, p4)), SpaceToBatchNdKernel.KERNEL, 0);
    }

    /** 4-D input {@code s}, block {@code [bh, bw]}, paddings {@code [top, bottom, left, right]}. */
    static int[] program(int w, int[] s, int[] block, int[] pads) {
        int bh = block[0], bw = block[1];
        int b = s[0], h = s[1], wd = s[2], c = s[3];
        int oh = (h + pads[0] + pads[1]) / bh, ow = (wd + pads[2] + pads[3]) / bw;
        CopyProgram.Builder prog = new CopyProgram.Builder();
        for (int dy = 0; dy < bh; dy++) {
            for (int dx = 0; dx < bw; dx++) {
                // output row r reads input row r*bh + dy - top
                int r0 = firstInside(dy - pads[0], bh), r1 = endInside(dy - pads[0], bh, h, oh);
                int c0 = firstInside(dx - pads[2], bw), c1 = endInside(dx - pads[2], bw, wd, ow);
                if (r1 <= r0 || c1 <= c0) {
                    continue;
                }
                long src = ((long) (r0 * bh + dy - pads[0]) * wd + (c0 * bw + dx - pads[2])) * c;
                long dst = (((long) (dy * bw + dx) * b * oh + r0) * ow + c0) * c;
                prog.add(0, 0, w, src, dst, new int[] {b, r1 - r0, c1 - c0, c},
                        new int[] {h * wd * c, bh * wd * c, bw * c, 1}, new int[] {oh * ow * c, ow * c, c, 1});
            }
        }
        return prog.build();
    }

    /** First output row r with {@code r*block + shift >= 0}. */
    static int firstInside(int shift, int block) {
        int r = 0;
        while (r * block + shift < 0) {
            r++;
        }
        return r;
    }

    /** One past the last output row r (below {@code n}) with {@code r*block + shift < size}. */
    static int endInside(int shift, int block, int size, int n) {
        int r = n;
        while (r > 0 && (r - 1) * block + shift >= size) {
            r--;
        }
        return r;
    }
}
