/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Optional int32 bias of the weighted operators. */
public final class Bias {
    private Bias() {}

    /** The bias values, or null when the operator has no bias input. */
    public static int[] read(OpContext ctx, TensorDef bias, int channels) {
        if (bias == null) {
            return null;
        }
        int[] values = ctx.int32Constant(bias, "bias");
        if (values.length != channels) {
            throw ctx.error("bias " + bias.label() + " has " + values.length + " values for " + channels
                    + " output channels");
        }
        return values;
    }
}
