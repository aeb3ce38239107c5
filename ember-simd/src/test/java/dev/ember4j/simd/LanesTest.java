/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The width the kernels use. The build runs the differential tests with
 * {@code -Dember.simd.vectorBits=128} and {@code 256} too (ember-simd's pom); this proves those runs
 * really used that width and not the machine's preferred one.
 */
class LanesTest {

    @Test
    void widthIsTheNarrowerOfPreferredAndRequested() {
        assertEquals(512, Lanes.width(512, 512));
        assertEquals(256, Lanes.width(512, 256));
        assertEquals(128, Lanes.width(512, 128));
        assertEquals(256, Lanes.width(256, 512));
        assertEquals(128, Lanes.width(128, 512));
        assertEquals(256, Lanes.width(512, 300));
        assertEquals(128, Lanes.width(64, 512)); // SimdSupport refuses below 128 bits
    }

    @Test
    void kernelsUseTheRequestedWidth() {
        Integer requested = Integer.getInteger("ember.simd.vectorBits");
        int preferred = FloatVector.SPECIES_PREFERRED.vectorBitSize();
        System.out.println("LanesTest: preferred " + preferred + " bits, requested " + requested + ", kernels "
                + Lanes.BITS + " bits, N = " + Lanes.N + ", byte vector " + Lanes.B.length() + " lanes");
        if (requested != null && requested <= preferred) {
            assertEquals(requested.intValue(), Lanes.BITS, "-Dember.simd.vectorBits=" + requested);
        }
        if (requested == null && preferred <= 512) {
            assertEquals(Math.max(preferred, 128), Lanes.BITS, "preferred width");
        }
        assertEquals(Lanes.BITS, Lanes.F.vectorBitSize());
        assertEquals(Lanes.BITS, Lanes.I.vectorBitSize());
        assertEquals(Lanes.BITS, Lanes.LONG.vectorBitSize());
        assertEquals(Lanes.BITS / 32, Lanes.N);
        assertEquals(Math.max(Lanes.N, 8), Lanes.B.length(), "byte lanes: N, or 8 (the narrowest) at 128 bits");
        assertTrue(new SimdBackend().description().contains(Lanes.BITS + "-bit"), new SimdBackend().description());
    }
}
