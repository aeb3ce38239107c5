/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.moves;

import dev.ember4j.core.ops.Slot;

/**
 * Output 0 as consecutive blocks of {@code blockBytes}, block k copied from input 0 at byte offset
 * {@code srcOffsets[k]}: GATHER and GATHER_ND with constant indices.
 */
public final class Blocks {
    private Blocks() {}

    public static void run(int blockBytes, int[] srcOffsets, Slot[] in, Slot[] out, byte[] arena) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int pos = out[0].start();
        for (int off : srcOffsets) {
            System.arraycopy(x, xs + off, y, pos, blockBytes);
            pos += blockBytes;
        }
    }
}
