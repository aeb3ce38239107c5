/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.ops.support.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/**
 * Shapes of the element-wise operators: two inputs broadcast onto a rank-6 output (as
 * {@link Broadcast#strides}), with the rank limit of the TFLite kernel that broadcasts. TFLite runs
 * inputs of equal shapes flat (any rank) but broadcasts through 4-D "Slow" kernels, so inputs of
 * different shapes are refused beyond that kernel's rank.
 */
public final class BinaryShapes {
    private BinaryShapes() {}

    /** {output shape, input-1 strides, input-2 strides}, each of length 6. */
    public static int[][] strides(OpContext ctx, TensorDef a, TensorDef b, TensorDef out, int broadcastRank) {
        if (!Arrays.equals(a.shape(), b.shape())
                && Math.max(a.shape().length, b.shape().length) > broadcastRank) {
            throw ctx.unsupported("broadcasting inputs of shapes " + a.shapeString() + " and " + b.shapeString()
                    + " beyond rank " + broadcastRank + " is not supported (TFLite's kernel is "
                    + broadcastRank + "-D)");
        }
        return Broadcast.strides(ctx, a.shape(), b.shape(), out);
    }
}
