/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.quantize.QuantizeParams;
import dev.ember4j.ops.common.Elem;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Objects;

import static dev.ember4j.simd.Lanes.F;
import static dev.ember4j.simd.Lanes.I;
import static dev.ember4j.simd.Lanes.N;

/**
 * QUANTIZE float32 to int8 in float lanes, with the reference kernel's results: the same float
 * division {@code x / scale} (IEEE, so lane for lane equal), then the magnitude clamped to 1024
 * (round, zero point and clamp to [-128, 127] give the same byte for anything larger, the zero point
 * being an int8), rounded half away from zero as the reference's std::round on a float (round to
 * nearest even by adding 1.5 * 2^23, plus one where that rounded an exact half down), the sign put
 * back, the zero point added (exact: small integers) and the result clamped; NaN gives 0, as the
 * reference's clamp of a NaN double does. Elements split for threads.
 */
final class QuantizeInt8 implements OpKernel<QuantizeParams>, RowSplit<QuantizeParams> {
    /** Bytes of N floats. */
    private static final VectorSpecies<Byte> BF = Lanes.BITS == 512 ? ByteVector.SPECIES_512
            : Lanes.BITS == 256 ? ByteVector.SPECIES_256 : ByteVector.SPECIES_128;

    /** The operators it runs: float input, int8 output with an int8 zero point. */
    static boolean suits(QuantizeParams p) {
        return p.fromFloat() != 0 && p.outputElem() == Elem.INT8 && p.outputZeroPoint() >= -128
                && p.outputZeroPoint() <= 127;
    }

    static final QuantizeInt8 KERNEL = new QuantizeInt8();

    private QuantizeInt8() {}

    @Override
    public int scratchBytes(QuantizeParams p) {
        return 0;
    }

    @Override
    public void run(QuantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        runRows(p, in, out, arena, scratch, 0, p.count());
    }

    @Override
    public int rows(QuantizeParams p) {
        return p.count();
    }

    @Override
    public void runRows(QuantizeParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        Objects.checkFromIndexSize(xs, Math.multiplyExact(4, p.count()), x.length);
        Objects.checkFromIndexSize(ys, p.count(), y.length);
        Objects.checkFromToIndex(from, to, p.count());
        quantize(x, xs + 4 * from, y, ys + from, to - from, p.scale(), p.outputZeroPoint());
    }

    /** One method with the whole loop, so that C2 compiles its vector operations together (see {@link Requant}). */
    private static void quantize(byte[] x, int xs, byte[] y, int ys, int n, float scale, int zp) {
        int i = 0;
        // The byte store writes B.length() bytes (8 for N = 4 at 128 bits): never past y[ys + n).
        final int step = Math.max(N, Lanes.B.length());
        for (; i + step <= n; i += N) {
            FloatVector q = ByteVector.fromArray(BF, x, xs + 4 * i).reinterpretAsFloats()
                    .div(FloatVector.broadcast(F, scale));
            VectorMask<Float> nan = q.compare(VectorOperators.NE, q);
            FloatVector a = q.abs().min(FloatVector.broadcast(F, 1024f));
            FloatVector even = a.add(FloatVector.broadcast(F, Exactness.MAGIC)).sub(FloatVector.broadcast(F, Exactness.MAGIC));
            FloatVector rounded = even.add(FloatVector.broadcast(F, 1f),
                    a.sub(even).compare(VectorOperators.EQ, FloatVector.broadcast(F, 0.5f)));
            FloatVector v = rounded.blend(rounded.neg(), q.compare(VectorOperators.LT, FloatVector.broadcast(F, 0f)))
                    .add(FloatVector.broadcast(F, (float) zp))
                    .max(FloatVector.broadcast(F, -128f)).min(FloatVector.broadcast(F, 127f))
                    .blend(FloatVector.broadcast(F, 0f), nan);
            IntVector iv = v.add(FloatVector.broadcast(F, Exactness.MAGIC)).reinterpretAsInts()
                    .sub(IntVector.broadcast(I, Exactness.MAGIC_BITS));
            ((ByteVector) iv.convertShape(VectorOperators.I2B, Lanes.B, 0)).intoArray(y, ys + i);
        }
        for (; i < n; i++) {
            y[ys + i] = (byte) quantize(Float.intBitsToFloat(
                    (x[xs + 4 * i] & 0xff) | (x[xs + 4 * i + 1] & 0xff) << 8 | (x[xs + 4 * i + 2] & 0xff) << 16
                            | x[xs + 4 * i + 3] << 24), scale, zp);
        }
    }

    /** One element, the same steps in scalar form. */
    static int quantize(float f, float scale, int zp) {
        float q = f / scale;
        if (q != q) {
            return 0;
        }
        float a = Math.min(Math.abs(q), 1024f);
        float even = (a + Exactness.MAGIC) - Exactness.MAGIC;
        float rounded = a - even == 0.5f ? even + 1f : even;
        float v = (q < 0 ? -rounded : rounded) + zp;
        return (int) Math.min(Math.max(v, -128f), 127f);
    }
}
