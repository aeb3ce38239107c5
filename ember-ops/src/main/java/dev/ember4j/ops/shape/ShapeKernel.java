/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.shape;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/** Writes the precomputed dimensions. */
public final class ShapeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ShapeParams> KERNEL = ShapeKernel::run;

    private ShapeKernel() {}

    public static void run(ShapeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        System.arraycopy(p.data(), 0, out[0].array(arena), out[0].start(), p.data().length);
    }
}
