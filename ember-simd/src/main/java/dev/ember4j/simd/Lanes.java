/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The vector shapes every kernel uses, fixed once per JVM: the widest of 512, 256 and 128 bits that
 * the CPU (and C2) prefer. All float, int and long species have the same width; the byte species is
 * a quarter of it, so float, int and byte vectors of one block line up lane for lane ({@link #N}
 * lanes each), except at 128 bits: the Vector API has no 32-bit byte vector, so {@link #B} is 64-bit
 * (8 lanes, of which the kernels use the first 4) and byte loads and stores of a block must check
 * that {@code B.length()} bytes are theirs to touch.
 */
final class Lanes {
    private Lanes() {}

    /**
     * Vector width in bits: the preferred one, lowered by {@code -Dember.simd.vectorBits=256} or
     * {@code 128} (to test or compare the narrower kernels on a wider machine); at least 128.
     */
    static final int BITS = width(FloatVector.SPECIES_PREFERRED.vectorBitSize(),
            Integer.getInteger("ember.simd.vectorBits", 512));

    static final VectorSpecies<Float> F = BITS == 512 ? FloatVector.SPECIES_512
            : BITS == 256 ? FloatVector.SPECIES_256 : FloatVector.SPECIES_128;
    static final VectorSpecies<Integer> I = BITS == 512 ? IntVector.SPECIES_512
            : BITS == 256 ? IntVector.SPECIES_256 : IntVector.SPECIES_128;
    static final VectorSpecies<Long> LONG = BITS == 512 ? LongVector.SPECIES_512
            : BITS == 256 ? LongVector.SPECIES_256 : LongVector.SPECIES_128;
    /** Doubles of the same width: N / 2 lanes. */
    static final VectorSpecies<Double> D = BITS == 512 ? DoubleVector.SPECIES_512
            : BITS == 256 ? DoubleVector.SPECIES_256 : DoubleVector.SPECIES_128;
    static final VectorSpecies<Byte> B = BITS == 512 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;

    /** Lanes per float / int vector: 16, 8 or 4. */
    static final int N = F.length();

    /** The largest of 512, 256, 128 not above the preferred width and the requested one. */
    static int width(int preferredBits, int requestedBits) {
        int limit = Math.min(preferredBits, requestedBits);
        return limit >= 512 ? 512 : limit >= 256 ? 256 : 128;
    }

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
