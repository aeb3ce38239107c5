/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.add.AddQuantizedParams;
import dev.ember4j.ops.common.BroadcastRows;
import dev.ember4j.ops.common.Elem;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.ShortVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Objects;

import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.LONG;
import static dev.ember4j.simd.Lanes.N;

/**
 * int16 ADD, exact: rows where both inputs are contiguous (all of an element-wise operator) in vector lanes:
 * <ul>
 * <li>the general path (TFLite's AddElementwise, zero points 0) in 64-bit lanes: each of its three
 * {@code MultiplyByQuantizedMultiplierSmallerThanOneExp} is {@code (x*m + K + ((x*m >> 63) & F)) >> (31 + r)},
 * the folded doubling high multiply and rounding shift of {@link Requant}'s class comment, exact because
 * |x*m| stays below 2^62 (inputs at most 2^15 shifted left by at most 15, sums of two rescaled inputs
 * at most 2^31). From 256-bit vectors on; at 128 bits the Vector API has no 32-bit byte vector to load
 * two int16 values from, and a scalar loop with the reference's arithmetic runs instead.</li>
 * <li>the power-of-two path (LSTM's pot_scale_int16) in int lanes: two rounding right shifts, a
 * saturating sum, the clamp.</li>
 * </ul>
 * Rows along which an input is broadcast run the reference's scalar arithmetic (TFLite's broadcast walk, each
 * output computed once). Element-wise operators split by elements for threads.
 */
final class Int16Add implements OpKernel<AddQuantizedParams>, RowSplit<AddQuantizedParams> {
    /** Bytes of one long vector's int16 values, and those int16 values as a short vector (from 256-bit vectors). */
    private static final VectorSpecies<Byte> BL = Lanes.BITS == 512 ? ByteVector.SPECIES_128 : ByteVector.SPECIES_64;
    private static final VectorSpecies<Short> SL = Lanes.BITS == 512 ? ShortVector.SPECIES_128 : ShortVector.SPECIES_64;
    /** N int16 values as a short vector (the bytes are {@link Int16Gemm#B16}). */
    private static final VectorSpecies<Short> SN = Lanes.BITS == 512 ? ShortVector.SPECIES_256
            : Lanes.BITS == 256 ? ShortVector.SPECIES_128 : ShortVector.SPECIES_64;

    private final int size;
    private final int[] shape;
    private final int[] s1;
    private final int[] s2;
    /** Elements of each input the strides reach. */
    private final int extent1;
    private final int extent2;
    private final boolean elementwise;
    /** One output row of the reference's broadcast walk (element indices made byte offsets), made once. */
    private final BroadcastRows.Row<AddQuantizedParams> broadcastRow =
            (p, a, as, x1, st1, b, bs, x2, st2, y, ys, o, n) -> row(p, a, as + 2 * x1, st1, b, bs + 2 * x2, st2, y,
                    ys + 2 * o, n);
    private final boolean pot;
    private final boolean longLanes;
    private final int shift;
    private final long m1, k1, f1;
    private final long m2, k2, f2;
    private final long mo, ko, fo;
    private final int t1, t2, to;

    /** int16 operators whose arithmetic the lanes reproduce (see the class comment). */
    static boolean suits(AddQuantizedParams p) {
        if (p.elem() != Elem.INT16 || p.outputShape().length != 6) {
            return false;
        }
        if (p.pot()) {
            return p.potShift1() >= 0 && p.potShift1() <= 31 && p.potShift2() >= 0 && p.potShift2() <= 31;
        }
        return p.input1Offset() == 0 && p.input2Offset() == 0 && p.leftShift() >= 0 && p.leftShift() <= 15
                && multiplier(p.input1Multiplier(), p.input1Shift()) && multiplier(p.input2Multiplier(), p.input2Shift())
                && multiplier(p.outputMultiplier(), p.outputShift());
    }

    /** Not the saturating multiplier, a right shift of at most 31. */
    private static boolean multiplier(int m, int shift) {
        return m != Integer.MIN_VALUE && shift <= 0 && shift >= -31;
    }

    /** The strides of a contiguous tensor of this shape (size-1 dimensions may have any stride). */
    private static boolean dense(int[] shape, int[] s) {
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            if (shape[d] != 1 && s[d] != stride) {
                return false;
            }
            stride *= shape[d];
        }
        return true;
    }

    Int16Add(AddQuantizedParams p) {
        this.shape = p.outputShape().clone();
        this.s1 = p.strides1().clone();
        this.s2 = p.strides2().clone();
        long n = 1;
        long e1 = 1;
        long e2 = 1;
        for (int d = 0; d < shape.length; d++) {
            n *= shape[d];
            e1 += (long) (shape[d] - 1) * s1[d];
            e2 += (long) (shape[d] - 1) * s2[d];
        }
        this.size = Math.toIntExact(n);
        this.extent1 = n == 0 ? 0 : Math.toIntExact(e1);
        this.extent2 = n == 0 ? 0 : Math.toIntExact(e2);
        this.elementwise = dense(shape, s1) && dense(shape, s2) && shape.length == 6;
        this.pot = p.pot();
        this.longLanes = Lanes.BITS >= 256;
        this.shift = p.leftShift();
        this.m1 = p.input1Multiplier();
        this.m2 = p.input2Multiplier();
        this.mo = p.outputMultiplier();
        this.t1 = 31 - p.input1Shift();
        this.t2 = 31 - p.input2Shift();
        this.to = 31 - p.outputShift();
        this.k1 = round(-p.input1Shift());
        this.k2 = round(-p.input2Shift());
        this.ko = round(-p.outputShift());
        this.f1 = p.input1Shift() < 0 ? -(1L << 31) : 0;
        this.f2 = p.input2Shift() < 0 ? -(1L << 31) : 0;
        this.fo = p.outputShift() < 0 ? -(1L << 31) : 0;
    }

    /** K of the folded form for a right shift r. */
    private static long round(int r) {
        return (1L << 30) + (r > 0 ? (1L << (r - 1)) << 31 : 0);
    }

    static long bytes() {
        return 256;
    }

    @Override
    public int scratchBytes(AddQuantizedParams p) {
        return 0;
    }

    @Override
    public void run(AddQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        if (elementwise) {
            runRows(p, in, out, arena, scratch, 0, size);
            return;
        }
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int as = in[0].start();
        int bs = in[1].start();
        int ys = out[0].start();
        Objects.checkFromIndexSize(as, Math.multiplyExact(2, extent1), a.length);
        Objects.checkFromIndexSize(bs, Math.multiplyExact(2, extent2), b.length);
        Objects.checkFromIndexSize(ys, Math.multiplyExact(2, size), y.length);
        BroadcastRows.run(p, shape, s1, s2, in, out, arena, broadcastRow);
    }

    /** Elements of an element-wise operator; 0 (whole runs only) with broadcasting. */
    @Override
    public int rows(AddQuantizedParams p) {
        return elementwise ? size : 0;
    }

    @Override
    public void runRows(AddQuantizedParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] a = in[0].array(arena);
        byte[] b = in[1].array(arena);
        byte[] y = out[0].array(arena);
        int bytes = Math.multiplyExact(2, size);
        Objects.checkFromIndexSize(in[0].start(), bytes, a.length);
        Objects.checkFromIndexSize(in[1].start(), bytes, b.length);
        Objects.checkFromIndexSize(out[0].start(), bytes, y.length);
        Objects.checkFromToIndex(from, to, rows(p));
        row(p, a, in[0].start() + 2 * from, 1, b, in[1].start() + 2 * from, 1, y, out[0].start() + 2 * from, to - from);
    }

    /**
     * n outputs at y[ys..] from inputs at element strides st1 and st2 (0 where broadcast): in lanes where
     * both rows are contiguous, the rest with the reference's scalar arithmetic.
     */
    private void row(AddQuantizedParams p, byte[] a, int as, int st1, byte[] b, int bs, int st2, byte[] y, int ys,
                     int n) {
        int done = 0;
        if (st1 == 1 && st2 == 1) {
            done = pot ? pot(p, a, as, b, bs, y, ys, n) : longLanes ? general(p, a, as, b, bs, y, ys, n) : 0;
        }
        for (int i = done; i < n; i++) {
            int x1 = i16(a, as + 2 * i * st1);
            int x2 = i16(b, bs + 2 * i * st2);
            int v = pot ? potScalar(p, x1, x2) : generalScalar(p, x1, x2);
            y[ys + 2 * i] = (byte) v;
            y[ys + 2 * i + 1] = (byte) (v >> 8);
        }
    }

    private static int i16(byte[] a, int i) {
        return (short) ((a[i] & 0xff) | (a[i + 1] << 8));
    }

    /** The general path on whole long vectors; returns the elements done. One method with its loop (see {@link Requant}). */
    private int general(AddQuantizedParams p, byte[] a, int as, byte[] b, int bs, byte[] y, int ys, int n) {
        final int lanes = LONG.length();
        final int left = shift;
        final int zp = p.outputOffset();
        final long amin = p.activationMin();
        final long amax = p.activationMax();
        int i = 0;
        for (; i + lanes <= n; i += lanes) {
            LongVector x1 = ((LongVector) ByteVector.fromArray(BL, a, as + 2 * i).reinterpretAsShorts()
                    .convertShape(VectorOperators.S2L, LONG, 0)).lanewise(VectorOperators.LSHL, left);
            LongVector x2 = ((LongVector) ByteVector.fromArray(BL, b, bs + 2 * i).reinterpretAsShorts()
                    .convertShape(VectorOperators.S2L, LONG, 0)).lanewise(VectorOperators.LSHL, left);
            LongVector p1 = x1.mul(LongVector.broadcast(LONG, m1));
            LongVector r1 = p1.add(LongVector.broadcast(LONG, k1))
                    .add(p1.lanewise(VectorOperators.ASHR, 63).and(LongVector.broadcast(LONG, f1)))
                    .lanewise(VectorOperators.ASHR, t1);
            LongVector p2 = x2.mul(LongVector.broadcast(LONG, m2));
            LongVector r2 = p2.add(LongVector.broadcast(LONG, k2))
                    .add(p2.lanewise(VectorOperators.ASHR, 63).and(LongVector.broadcast(LONG, f2)))
                    .lanewise(VectorOperators.ASHR, t2);
            LongVector po = r1.add(r2).mul(LongVector.broadcast(LONG, mo));
            LongVector r = po.add(LongVector.broadcast(LONG, ko))
                    .add(po.lanewise(VectorOperators.ASHR, 63).and(LongVector.broadcast(LONG, fo)))
                    .lanewise(VectorOperators.ASHR, to)
                    .add(LongVector.broadcast(LONG, zp)).min(LongVector.broadcast(LONG, amax))
                    .max(LongVector.broadcast(LONG, amin)); // as the reference: min first
            r.convertShape(VectorOperators.L2S, SL, 0).reinterpretAsBytes().intoArray(y, ys + 2 * i);
        }
        return i;
    }

    /** The power-of-two path on whole int vectors; returns the elements done. */
    private static int pot(AddQuantizedParams p, byte[] a, int as, byte[] b, int bs, byte[] y, int ys, int n) {
        final int e1 = p.potShift1();
        final int e2 = p.potShift2();
        final int mask1 = (int) ((1L << e1) - 1);
        final int mask2 = (int) ((1L << e2) - 1);
        final int amin = p.activationMin();
        final int amax = p.activationMax();
        int i = 0;
        for (; i + N <= n; i += N) {
            IntVector x1 = (IntVector) ByteVector.fromArray(Int16Gemm.B16, a, as + 2 * i).reinterpretAsShorts()
                    .convertShape(VectorOperators.S2I, I, 0);
            IntVector x2 = (IntVector) ByteVector.fromArray(Int16Gemm.B16, b, bs + 2 * i).reinterpretAsShorts()
                    .convertShape(VectorOperators.S2I, I, 0);
            // roundingDivideByPOT: (x >> e) + 1 where the remainder exceeds half the mask (plus one for x < 0)
            IntVector thr1 = IntVector.broadcast(I, mask1 >> 1).add(IntVector.broadcast(I, 1),
                    x1.compare(VectorOperators.LT, 0));
            IntVector q1 = x1.lanewise(VectorOperators.ASHR, e1).add(IntVector.broadcast(I, 1),
                    x1.and(mask1).compare(VectorOperators.GT, thr1));
            IntVector thr2 = IntVector.broadcast(I, mask2 >> 1).add(IntVector.broadcast(I, 1),
                    x2.compare(VectorOperators.LT, 0));
            IntVector q2 = x2.lanewise(VectorOperators.ASHR, e2).add(IntVector.broadcast(I, 1),
                    x2.and(mask2).compare(VectorOperators.GT, thr2));
            IntVector r = q1.add(q2).max(IntVector.broadcast(I, -32768)).min(IntVector.broadcast(I, 32767))
                    .min(IntVector.broadcast(I, amax)).max(IntVector.broadcast(I, amin));
            r.convertShape(VectorOperators.I2S, SN, 0).reinterpretAsBytes().intoArray(y, ys + 2 * i);
        }
        return i;
    }

    /** The reference kernel's general path for one element (TFLite's AddElementwise). */
    private static int generalScalar(AddQuantizedParams p, int x1, int x2) {
        int shift = 1 << p.leftShift();
        int v1 = (p.input1Offset() + x1) * shift;
        int v2 = (p.input2Offset() + x2) * shift;
        int r1 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v1, p.input1Multiplier(), p.input1Shift());
        int r2 = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(v2, p.input2Multiplier(), p.input2Shift());
        int r = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(r1 + r2, p.outputMultiplier(),
                p.outputShift()) + p.outputOffset();
        return Math.max(p.activationMin(), Math.min(p.activationMax(), r));
    }

    /** The reference kernel's power-of-two path for one element. */
    private static int potScalar(AddQuantizedParams p, int x1, int x2) {
        int sum = FixedPoint.roundingDivideByPOT(x1, p.potShift1()) + FixedPoint.roundingDivideByPOT(x2, p.potShift2());
        int saturated = Math.max(-32768, Math.min(32767, sum));
        return Math.max(p.activationMin(), Math.min(p.activationMax(), saturated));
    }
}
