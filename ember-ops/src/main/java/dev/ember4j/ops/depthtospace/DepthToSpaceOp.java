/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.depthtospace;

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
 * DEPTH_TO_SPACE of a 4-D NHWC tensor: {@code out[b][h*bs+dy][w*bs+dx][c] = in[b][h][w][(dy*bs+dx)*C'+c]}
 * with {@code C' = C / bs²}. Note: TFLite 2.21's BUILTIN_REF resolver does not register version 2
 * (int8) of this operator, so an int8 model runs in TFLite only with the builtin resolver, whose kernel
 * moves the same bytes.
 */
public final class DepthToSpaceOp implements OperatorSpec {
    private static final int OPTIONS = 94; // BuiltinOptions.DepthToSpaceOptions: block_size
    static final TensorType[] TYPES = {Moves.F32, Moves.U8, Moves.I8, Moves.I32, Moves.I64};

    /** The largest block size whose square fits in an int. */
    static final int MAX_BLOCK = 46340;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.DEPTH_TO_SPACE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        int bs = OpContext.i32(ctx.options(OPTIONS, "DepthToSpaceOptions"), 0, 0);
        TensorDef in = ctx.input(0);
        TensorDef out = ctx.output(0);
        int w = Moves.elemBytes(ctx, in, "input", TYPES);
        Moves.sameType(ctx, in, out, "output");
        ctx.requireRank(in, 4, "input");
        int[] s = in.shape();
        // bs * bs in long: block_size 65536 would make it 0 in int (a division by zero found by fuzzing)
        if (bs < 1 || bs > MAX_BLOCK || s[3] % ((long) bs * bs) != 0) {
            throw ctx.error("block_size " + bs + " does not divide the depth of " + in.shapeString());
        }
        Moves.intProduct(ctx, s, 0, 4);
        Moves.intProduct(ctx, s, 1, 4); // a zero batch must not hide an overflowing H * W * C
        if ((long) s[1] * bs > Integer.MAX_VALUE / 8 || (long) s[2] * bs > Integer.MAX_VALUE / 8) {
            throw ctx.error("block_size " + bs + " makes the output of " + in.shapeString() + " too large");
        }
        ctx.requireShape(out, new int[] {s[0], s[1] * bs, s[2] * bs, s[3] / (bs * bs)}, "output");
        return Prepared.of(new DepthToSpaceParams(program(w, s, bs)), DepthToSpaceKernel.KERNEL, 0);
    }

    /** Walks the output as {@code [B, H, bs, W, bs, C']}. */
    static int[] program(int w, int[] s, int bs) {
        int h = s[1], wd = s[2], c = s[3], oc = c / (bs * bs);
        int[] counts = {s[0], h, bs, wd, bs, oc};
        int[] src = {h * wd * c, wd * c, bs * oc, c, oc, 1};
        int[] dst = {h * bs * wd * bs * oc, bs * wd * bs * oc, wd * bs * oc, bs * oc, oc, 1};
        return new CopyProgram.Builder().add(0, 0, w, 0, 0, counts, src, dst).build();
    }
}
