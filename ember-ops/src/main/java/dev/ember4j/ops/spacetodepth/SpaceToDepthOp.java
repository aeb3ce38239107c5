/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.spacetodepth;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.moves.CopyProgram;
import dev.ember4j.ops.moves.Moves;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * SPACE_TO_DEPTH of a 4-D NHWC tensor whose height and width the block size divides:
 * {@code out[b][h][w][(dy*bs+dx)*C+c] = in[b][h*bs+dy][w*bs+dx][c]}.
 */
public final class SpaceToDepthOp implements OperatorSpec {
    private static final int OPTIONS = 19; // BuiltinOptions.SpaceToDepthOptions: block_size
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I16, Moves.I32, Moves.I64};

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SPACE_TO_DEPTH;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        int bs = OpContext.i32(ctx.options(OPTIONS, "SpaceToDepthOptions"), 0, 0);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        ctx.requireRank(in, 4, "input");
        int[] s = in.shape();
        if (bs < 1 || s[1] % bs != 0 || s[2] % bs != 0) {
            throw ctx.error("block_size " + bs + " does not divide height and width of " + in.shapeString());
        }
        Moves.intProduct(ctx, s, 0, 4);
        Moves.intProduct(ctx, s, 1, 4); // a zero batch must not hide an overflowing H * W * C
        // with a zero height or width any block size divides it: C * bs * bs must still fit
        if ((long) bs * bs > Integer.MAX_VALUE / 8 || (long) s[3] * bs * bs > Integer.MAX_VALUE / 8) {
            throw ctx.error("block_size " + bs + " makes the output depth of " + in.shapeString() + " too large");
        }
        ctx.requireShape(out, new int[] {s[0], s[1] / bs, s[2] / bs, s[3] * bs * bs}, "output");
        return Prepared.of(new SpaceToDepthParams(program(w, s, bs)), SpaceToDepthKernel.KERNEL, 0);
    }

    /** Walks the input as {@code [B, H', bs, W', bs, C]}. */
    static int[] program(int w, int[] s, int bs) {
        int oh = s[1] / bs, ow = s[2] / bs, c = s[3], oc = c * bs * bs;
        int[] counts = {s[0], oh, bs, ow, bs, c};
        int[] src = {s[1] * s[2] * c, bs * s[2] * c, s[2] * c, bs * c, c, 1};
        int[] dst = {oh * ow * oc, ow * oc, bs * c, oc, c, 1};
        return new CopyProgram.Builder().add(0, 0, w, 0, 0, counts, src, dst).build();
    }
}
