/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.LutParams;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.util.Objects;

/**
 * The int8 operators that are a 256-entry byte table (LOGISTIC, TANH, ELU, the unary math functions, …):
 * 64 lookups per step, each byte's low six bits selecting within four 64-byte vectors of the table and its
 * top two bits choosing among them. Only with 512-bit vectors (64 byte lanes: four rearranges and three
 * blends per 64 bytes, ~5x the scalar loop on AVX-512); at 256 bits the eight rearranges it would take cost
 * more than the scalar loop, so the backend does not register it there. Element ranges split for threads.
 */
final class ByteLut implements OpKernel<LutParams>, RowSplit<LutParams> {
    private static final VectorSpecies<Byte> S = ByteVector.SPECIES_512;

    /** True where this kernel beats the reference loop: 512-bit vectors. */
    static boolean available() {
        return Lanes.BITS == 512;
    }

    static final ByteLut KERNEL = new ByteLut();

    @Override
    public void run(LutParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, p.count());
    }

    @Override
    public int rows(LutParams p) {
        return p.count();
    }

    @Override
    public void runRows(LutParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        Objects.checkFromIndexSize(in[0].start(), p.count(), x.length);
        Objects.checkFromIndexSize(out[0].start(), p.count(), y.length);
        Objects.checkFromToIndex(from, to, p.count());
        lookup(p.table(), x, in[0].start() + from, y, out[0].start() + from, to - from);
    }

    /** y[yo + i] = table[x[xo + i] & 0xff] for i &lt; n. One method with its loop, so C2 compiles it as one unit. */
    private static void lookup(byte[] table, byte[] x, int xo, byte[] y, int yo, int n) {
        ByteVector t0 = ByteVector.fromArray(S, table, 0);
        ByteVector t1 = ByteVector.fromArray(S, table, 64);
        ByteVector t2 = ByteVector.fromArray(S, table, 128);
        ByteVector t3 = ByteVector.fromArray(S, table, 192);
        int i = 0;
        for (; i <= n - 64; i += 64) {
            ByteVector v = ByteVector.fromArray(S, x, xo + i);
            VectorShuffle<Byte> low = v.and((byte) 63).toShuffle();
            VectorMask<Byte> bit6 = v.and((byte) 64).compare(VectorOperators.NE, (byte) 0);
            VectorMask<Byte> bit7 = v.compare(VectorOperators.LT, (byte) 0);
            ByteVector lo = t0.rearrange(low).blend(t1.rearrange(low), bit6);
            ByteVector hi = t2.rearrange(low).blend(t3.rearrange(low), bit6);
            lo.blend(hi, bit7).intoArray(y, yo + i);
        }
        for (; i < n; i++) {
            y[yo + i] = table[x[xo + i] & 0xff];
        }
    }
}
