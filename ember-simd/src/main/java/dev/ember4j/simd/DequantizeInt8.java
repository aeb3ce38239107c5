/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.dequantize.DequantizeParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.Le;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Objects;

import static dev.ember4j.simd.Lanes.D;

/**
 * DEQUANTIZE int8 to float32 with the reference's expression {@code (float) (scale * (x - zeroPoint))}:
 * from 256-bit vectors on, in double lanes (eight int8 values widened to double, the zero point
 * subtracted and the scale multiplied exactly as the scalar double operations do, then rounded to
 * float by the same round-to-nearest conversion); the rest of a run, and every run at 128 bits, from a
 * table of the 256 results (one lookup and one 32-bit store per element). Elements split for threads.
 */
final class DequantizeInt8 implements OpKernel<DequantizeParams>, RowSplit<DequantizeParams> {
    /** Float bits of the result for input x at [x + 128]. */
    private final int[] bits = new int[256];

    static boolean suits(DequantizeParams p) {
        return p.inputElem() == Elem.INT8;
    }

    DequantizeInt8(DequantizeParams p) {
        for (int x = -128; x < 128; x++) {
            bits[x + 128] = Float.floatToRawIntBits((float) (p.scale() * (x - p.zeroPoint())));
        }
    }

    static long bytes() {
        return 256 * 4 + 64;
    }

    @Override
    public int scratchBytes(DequantizeParams p) {
        return 0;
    }

    @Override
    public void run(DequantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, p.count());
    }

    @Override
    public int rows(DequantizeParams p) {
        return p.count();
    }

    @Override
    public void runRows(DequantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        Objects.checkFromIndexSize(xs, p.count(), x.length);
        Objects.checkFromIndexSize(ys, Math.multiplyExact(4, p.count()), y.length);
        Objects.checkFromToIndex(from, to, p.count());
        int done = D.length() == 8 ? lanes8(x, xs + from, y, ys + 4 * from, to - from, p.scale(), p.zeroPoint())
                : D.length() == 4 ? lanes4(x, xs + from, y, ys + 4 * from, to - from, p.scale(), p.zeroPoint()) : 0;
        final int[] t = bits;
        for (int i = from + done; i < to; i++) {
            Le.i32(y, ys + 4 * i, t[x[xs + i] + 128]);
        }
    }

    private static final VectorSpecies<Byte> B8 = ByteVector.SPECIES_64;
    /** Floats of half the vector width: as many lanes as {@link Lanes#D}. */
    private static final VectorSpecies<Float> FH = Lanes.BITS == 512 ? FloatVector.SPECIES_256
            : Lanes.BITS == 256 ? FloatVector.SPECIES_128 : FloatVector.SPECIES_64;

    /** Eight doubles per vector (512 bits): returns the elements done. */
    private static int lanes8(byte[] x, int xs, byte[] y, int ys, int n, double scale, int zp) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            ((DoubleVector) ByteVector.fromArray(B8, x, xs + i).convertShape(VectorOperators.B2D, D, 0))
                    .sub(DoubleVector.broadcast(D, zp)).mul(DoubleVector.broadcast(D, scale))
                    .convertShape(VectorOperators.D2F, FH, 0).reinterpretAsBytes().intoArray(y, ys + 4 * i);
        }
        return i;
    }

    /** Four doubles per vector (256 bits), two per load of eight bytes: returns the elements done. */
    private static int lanes4(byte[] x, int xs, byte[] y, int ys, int n, double scale, int zp) {
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            ByteVector b = ByteVector.fromArray(B8, x, xs + i);
            ((DoubleVector) b.convertShape(VectorOperators.B2D, D, 0))
                    .sub(DoubleVector.broadcast(D, zp)).mul(DoubleVector.broadcast(D, scale))
                    .convertShape(VectorOperators.D2F, FH, 0).reinterpretAsBytes().intoArray(y, ys + 4 * i);
            ((DoubleVector) b.convertShape(VectorOperators.B2D, D, 1))
                    .sub(DoubleVector.broadcast(D, zp)).mul(DoubleVector.broadcast(D, scale))
                    .convertShape(VectorOperators.D2F, FH, 0).reinterpretAsBytes().intoArray(y, ys + 4 * i + 16);
        }
        return i;
    }
}
