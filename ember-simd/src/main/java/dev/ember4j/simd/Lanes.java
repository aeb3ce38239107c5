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
 * The vector shapes every kernel uses, fixed once per JVM: 512-bit where the CPU (and C2) prefer
 * it, else 256-bit. All species have the same lane count {@link #N} (bytes: N lanes in a quarter
 * of the width), so float, int and byte vectors of one block line up lane for lane.
 */
final class Lanes {
    private Lanes() {}

    /** {@code -Dember.simd.vectorBits=256} forces 256-bit vectors on a 512-bit machine. */
    private static final boolean WIDE = FloatVector.SPECIES_PREFERRED.vectorBitSize() >= 512
            && Integer.getInteger("ember.simd.vectorBits", 512) >= 512;

    static final VectorSpecies<Float> F = WIDE ? FloatVector.SPECIES_512 : FloatVector.SPECIES_256;
    static final VectorSpecies<Integer> I = WIDE ? IntVector.SPECIES_512 : IntVector.SPECIES_256;
    static final VectorSpecies<Long> LONG = WIDE ? LongVector.SPECIES_512 : LongVector.SPECIES_256;
    /** Doubles of the same width: N / 2 lanes. */
    static final VectorSpecies<Double> D = WIDE ? DoubleVector.SPECIES_512 : DoubleVector.SPECIES_256;
    static final VectorSpecies<Byte> B = WIDE ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;

    /** Lanes per float / int vector: 16 or 8. */
    static final int N = F.length();

    static int roundUp(int x, int multiple) {
        return (x + multiple - 1) / multiple * multiple;
    }
}
