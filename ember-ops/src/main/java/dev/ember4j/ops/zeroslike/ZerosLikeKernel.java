/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.zeroslike;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

import java.util.Arrays;

/** Reference ZEROS_LIKE: zero bytes (0, 0L and +0.0f alike). */
public final class ZerosLikeKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<ZerosLikeParams> KERNEL = ZerosLikeKernel::run;

    private ZerosLikeKernel() {}

    public static void run(ZerosLikeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        int ys = out[0].start();
        Arrays.fill(out[0].array(arena), ys, ys + p.bytes(), (byte) 0);
    }
}
