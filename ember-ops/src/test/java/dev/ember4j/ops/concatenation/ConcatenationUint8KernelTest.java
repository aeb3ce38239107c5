/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.concatenation;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConcatenationUint8KernelTest {

    /** Rescaled inputs against the double-precision value, where the float arithmetic cannot differ: away from .5. */
    @Test
    void rescalesToNearestAndClamps() {
        Random rnd = new Random(8);
        for (int t = 0; t < 200; t++) {
            float inScale = 0.01f + rnd.nextFloat();
            int inZp = rnd.nextInt(256);
            float outScale = 0.01f + rnd.nextFloat();
            int outZp = rnd.nextInt(256);
            float scale = inScale * (1f / outScale);
            float bias = (float) -inZp * scale;
            int n = 1 + rnd.nextInt(20);
            byte[] arena = new byte[2 * (n + 3)];
            rnd.nextBytes(arena);
            ConcatenationUint8Params p = new ConcatenationUint8Params(1, new int[] {n, 3}, new int[] {1, 0},
                    new int[] {Float.floatToRawIntBits(scale), 0}, new int[] {Float.floatToRawIntBits(bias), 0}, outZp);
            Slot[] in = {Slot.arena(0), Slot.arena(n)};
            ConcatenationUint8Kernel.run(p, in, new Slot[] {Slot.arena(n + 3)}, arena, new byte[0]);
            for (int j = 0; j < n; j++) {
                double exact = ((arena[j] & 0xff) - inZp) * (double) inScale / outScale;
                if (Math.abs(exact - Math.floor(exact) - 0.5) < 1e-3) {
                    continue;
                }
                long want = Math.max(0, Math.min(255, Math.round(exact) + outZp));
                assertEquals(want, arena[n + 3 + j] & 0xff, "trial " + t + " element " + j);
            }
            for (int j = 0; j < 3; j++) {
                assertEquals(arena[n + j], arena[2 * n + 3 + j], "copied input, trial " + t);
            }
        }
    }
}
