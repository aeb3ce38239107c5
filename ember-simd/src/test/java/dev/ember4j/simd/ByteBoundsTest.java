/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.ops.add.AddKernel;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedKernel;
import dev.ember4j.ops.pool.PoolKernels;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static dev.ember4j.simd.DifferentialTest.activation;
import static dev.ember4j.simd.DifferentialTest.bias;
import static dev.ember4j.simd.DifferentialTest.bytes;
import static dev.ember4j.simd.DifferentialTest.multipliers;
import static dev.ember4j.simd.DifferentialTest.padding;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The kernels' byte loads and stores stay inside what they may touch, at whatever width this JVM runs
 * them (the build runs this class at 128, 256 and 512 bits). At 128 bits a byte vector holds 8 bytes
 * for 4 float lanes, so a careless load of the last block reads past the input and a careless store
 * overwrites the neighbouring tensor in the arena (or another thread's rows). Here every input ends
 * exactly at the end of its array (a read past it throws), every output lies between guard bytes
 * holding a sentinel, and a run over some output rows must leave all other rows untouched.
 */
class ByteBoundsTest {
    private static final byte SENTINEL = (byte) 0xA5;
    private static final int GUARD = 24;
    private static final long SEED = Long.getLong("ember.seed", 0xB0DEL);

    private final KernelBackend ref = new ReferenceBackend();
    private final KernelBackend simd = new SimdBackend();

    /** {@code data} at the very end of a new array, after {@code lead} other bytes. */
    private static byte[] atEnd(byte[] data, int lead) {
        byte[] a = new byte[lead + data.length];
        Arrays.fill(a, 0, lead, (byte) 3);
        System.arraycopy(data, 0, a, lead, data.length);
        return a;
    }

    private static byte[] guarded(int size) {
        byte[] out = new byte[GUARD + size + GUARD];
        Arrays.fill(out, SENTINEL);
        return out;
    }

    /** Bytes outside [from, to) of a guarded output still hold the sentinel. */
    private static void assertUntouchedOutside(byte[] out, int from, int to, String what) {
        for (int i = 0; i < out.length; i++) {
            if (i < from || i >= to) {
                assertEquals(SENTINEL, out[i], what + ": byte " + i + " outside [" + from + ", " + to + ") written");
            }
        }
    }

    /**
     * The operator on both backends, its inputs constants that end exactly at the end of their arrays:
     * simd's output equals ref's and nothing around it changed.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void check(OperatorParams p, OpKernel reference, int outputSize, String what, byte[]... inputs) {
        Slot[] ins = new Slot[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            ins[i] = Slot.constant(inputs[i]);
        }
        Slot[] outs = {Slot.arena(GUARD)};
        byte[] expected = guarded(outputSize);
        byte[] actual = guarded(outputSize);
        for (KernelBackend b : new KernelBackend[] {ref, simd}) {
            OpKernel k = b.bind(p, reference).kernel();
            k.prepare(p);
            k.run(p, ins, outs, b == ref ? expected : actual, new byte[k.scratchBytes(p)]);
        }
        assertUntouchedOutside(actual, GUARD, GUARD + outputSize, what);
        assertArrayEquals(expected, actual, what);
    }

    /** Rows [from, to) of a split operator write exactly their own bytes of the arena. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void checkRows(OperatorParams p, OpKernel reference, byte[] input, int outputSize, Random r, String what) {
        RowSplit simdRows = (RowSplit) simd.bind(p, reference).kernel();
        int rows = simdRows.rows(p);
        int rowBytes = outputSize / rows;
        int from = r.nextInt(rows);
        int to = from + 1 + r.nextInt(rows - from);
        byte[] expected = guarded(outputSize);
        byte[] actual = guarded(outputSize);
        Slot[] ins = {Slot.constant(input)};
        Slot[] outs = {Slot.arena(GUARD)};
        for (KernelBackend b : new KernelBackend[] {ref, simd}) {
            OpKernel k = b.bind(p, reference).kernel();
            k.prepare(p);
            ((RowSplit) k).runRows(p, ins, outs, b == ref ? expected : actual, new byte[k.scratchBytes(p)], from, to);
        }
        assertUntouchedOutside(actual, GUARD + from * rowBytes, GUARD + to * rowBytes,
                what + " rows [" + from + ", " + to + ") of " + rows);
        assertArrayEquals(expected, actual, what + " rows [" + from + ", " + to + ")");
    }

    @Test
    void conv2d() {
        Random r = new Random(SEED);
        for (int i = 0; i < 150; i++) {
            boolean pointwise = r.nextInt(3) == 0; // 1x1, stride 1: the contiguous conversion
            int fh = pointwise ? 1 : 1 + r.nextInt(3), fw = pointwise ? 1 : 1 + r.nextInt(3);
            int s = pointwise ? 1 : 1 + r.nextInt(2);
            Conv2DParams p = DifferentialTest.conv(r, fh, fw, s, s, 1 + r.nextInt(7), 1 + r.nextInt(7),
                    1 + r.nextInt(13), 1 + r.nextInt(13));
            byte[] input = bytes(r, p.inputSize());
            String what = "seed " + SEED + " conv case " + i + ": " + p;
            check(p, Conv2DKernel.KERNEL, p.outputSize(), what, input);
            checkRows(p, Conv2DKernel.KERNEL, input, p.outputSize(), r, what);
        }
    }

    @Test
    void depthwiseConv2d() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 150; i++) {
            int fh = 1 + r.nextInt(3), fw = 1 + r.nextInt(3);
            int sw = 1 + r.nextInt(2);
            int inH = 1 + r.nextInt(7), inW = 1 + r.nextInt(20);
            int dm = r.nextInt(3) == 0 ? 1 + r.nextInt(8) : 1;
            int inC = dm > 1 ? 1 + r.nextInt(2) : 1 + r.nextInt(13);
            int outC = inC * dm;
            int[] ph = padding(r, inH, fh, 1, 1), pw = padding(r, inW, fw, sw, 1);
            int outZp = r.nextInt(256) - 128;
            int[][] q = multipliers(r, outC, Math.sqrt(fh * fw) * 128 * 64);
            int[] act = activation(r, outZp);
            DepthwiseConv2DParams p = new DepthwiseConv2DParams(1 + r.nextInt(2), inH, inW, inC, ph[0], pw[0], outC,
                    dm, fh, fw, 1, sw, 1, 1, ph[1], pw[1], r.nextInt(256) - 127, outZp, bytes(r, fh * fw * outC),
                    bias(r, outC), q[0], q[1], act[0], act[1]);
            byte[] input = bytes(r, p.inputSize());
            String what = "seed " + (SEED + 1) + " depthwise case " + i + ": " + p;
            check(p, DepthwiseConv2DKernel.KERNEL, p.outputSize(), what, input);
            checkRows(p, DepthwiseConv2DKernel.KERNEL, input, p.outputSize(), r, what);
        }
    }

    @Test
    void fullyConnected() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 150; i++) {
            FullyConnectedParams p = DifferentialTest.fc(r, 1 + r.nextInt(9), 1 + r.nextInt(30), 1 + r.nextInt(13));
            check(p, FullyConnectedKernel.KERNEL, p.outputSize(), "seed " + (SEED + 2) + " fc case " + i + ": " + p,
                    bytes(r, p.inputSize()));
        }
    }

    @Test
    void pools() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 200; i++) {
            int f = 1 + r.nextInt(3), s = 1 + r.nextInt(2);
            int inH = 1 + r.nextInt(6), inW = 1 + r.nextInt(6);
            int[] ph = padding(r, inH, f, s, 1), pw = padding(r, inW, f, s, 1);
            int[] act = activation(r, -128);
            PoolParams p = new PoolParams(1 + r.nextInt(2), inH, inW, 1 + r.nextInt(40), ph[0], pw[0], f, f, s, s,
                    ph[1], pw[1], act[0], act[1]);
            byte[] input = bytes(r, p.inputSize());
            check(p, PoolKernels.AVERAGE, p.outputSize(), "seed " + (SEED + 3) + " average pool case " + i + ": " + p,
                    input);
            check(p, PoolKernels.MAX, p.outputSize(), "seed " + (SEED + 3) + " max pool case " + i + ": " + p, input);
        }
    }

    @Test
    void add() {
        Random r = new Random(SEED + 4);
        for (int i = 0; i < 150; i++) {
            int n = 1 + r.nextInt(40);
            int[] shape = {1, 1, 1, 1, 1, n};
            int[] strides = {0, 0, 0, 0, 0, 1};
            QuantizedMultiplier half = QuantizedMultiplier.of(0.5);
            QuantizedMultiplier out = QuantizedMultiplier.of((0.5 + r.nextDouble()) / (1 << 20));
            int outZp = r.nextInt(256) - 128;
            int[] act = activation(r, outZp);
            AddParams p = new AddParams(shape, strides, strides, r.nextInt(256) - 128, r.nextInt(256) - 128, outZp,
                    20, half.multiplier(), half.shift(), half.multiplier(), half.shift(), out.multiplier(), out.shift(),
                    act[0], act[1]);
            check(p, AddKernel.KERNEL, n, "seed " + (SEED + 4) + " add case " + i + ": n=" + n, bytes(r, n), bytes(r, n));
        }
    }

    /** The two byte paths on their own: every length, and the data ending at the end of its array. */
    @Test
    void convertAndRequantizeEveryLength() {
        Random r = new Random(SEED + 5);
        for (int len = 0; len <= 4 * Lanes.N + 9; len++) {
            byte[] src = atEnd(bytes(r, len), 2);
            float[] dst = new float[Lanes.roundUp(len, Lanes.N) + 1];
            FloatGemm.convert(src, 2, dst, 1, len, 7f);
            for (int j = 0; j < len; j++) {
                assertEquals(src[2 + j] + 7f, dst[1 + j], "convert length " + len + " at " + j);
            }

            int[] acc = new int[Lanes.roundUp(Math.max(len, 1), Lanes.N)];
            for (int j = 0; j < acc.length; j++) {
                acc[j] = r.nextInt(1 << 16) - (1 << 15);
            }
            int[] ints = acc.clone();
            Requant rq = Requant.rows(new int[] {1 << 30}, new int[] {-7}, 1);
            byte[] out = guarded(len);
            rq.requantize(acc, 0, len, 0, rq.slots, 3, -128, 127, out, GUARD);
            assertUntouchedOutside(out, GUARD, GUARD + len, "requantize length " + len);
            for (int j = 0; j < len; j++) {
                int v = dev.ember4j.core.quant.FixedPoint.multiplyByQuantizedMultiplier(ints[j], 1 << 30, -7) + 3;
                assertEquals((byte) Math.min(Math.max(v, -128), 127), out[GUARD + j], "requantize length " + len);
            }
        }
    }
}
