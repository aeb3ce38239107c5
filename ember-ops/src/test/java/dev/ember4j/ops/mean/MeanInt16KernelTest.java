/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.mean;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.reduce.Reduction;
import dev.ember4j.ops.common.Le;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MeanInt16KernelTest {

    /** Mean over the last axis of a [3,5] int16 tensor: int32 sums, one folded multiplier, int16 clamp. */
    @Test
    void lastAxisMatchesFormula() {
        Reduction r = Reduction.of(new int[] {3, 5}, new int[] {1}, false);
        MeanParams p = MeanOp.params(r, 0.5f, 0, 0.25f, 0);
        short[][] rows = {{1, 2, 3, 4, 5}, {-32768, -32768, -32768, -32768, -32767}, {32767, 32767, 32767, 0, -7}};
        byte[] arena = new byte[2 * 15 + 2 * 3];
        for (int i = 0; i < 15; i++) {
            Le.i16(arena, 2 * i, rows[i / 5][i % 5]);
        }
        MeanInt16Kernel.run(p, new Slot[] {new Slot(null, 0)}, new Slot[] {new Slot(null, 30)}, arena,
                new byte[p.scratchBytes()]);
        for (int o = 0; o < 3; o++) {
            int sum = 0;
            for (short v : rows[o]) {
                sum += v;
            }
            int want = Math.max(-32768, Math.min(32767,
                    FixedPoint.multiplyByQuantizedMultiplier(sum, p.multiplier(), p.shift())));
            assertEquals(want, Le.i16(arena, 30 + 2 * o));
        }
        assertEquals(6, Le.i16(arena, 30)); // mean 3 at scale 0.5 is 1.5, i.e. 6 at scale 0.25
        assertEquals(-32768, Le.i16(arena, 32)); // saturates
    }
}
