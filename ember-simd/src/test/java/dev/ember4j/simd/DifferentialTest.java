/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.ops.testkit.OperatorCalls;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SimdBackend against ReferenceBackend on randomized shapes and parameters (seeded, reproducible). */
class DifferentialTest {
    private static final long SEED = Long.getLong("ember.seed", 0x5EEDL);
    private final OperatorCalls ref = new OperatorCalls(new ReferenceBackend());
    private final OperatorCalls simd = new OperatorCalls(new SimdBackend());

    /** Output size and padding like TFLite: {out, pad}. */
    static int[] padding(Random r, int in, int filter, int stride, int dilation) {
        int eff = (filter - 1) * dilation + 1;
        if (r.nextBoolean() && in >= eff) { // VALID
            return new int[] {(in - eff) / stride + 1, 0};
        }
        int out = (in + stride - 1) / stride; // SAME
        int total = Math.max((out - 1) * stride + eff - in, 0);
        return new int[] {out, total / 2};
    }

    static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        if (r.nextInt(8) == 0) { // extremes
            for (int i = 0; i < n; i++) {
                b[i] = r.nextBoolean() ? (byte) -128 : (byte) 127;
            }
        } else {
            r.nextBytes(b);
        }
        return b;
    }

    static int[] bias(Random r, int n) {
        if (r.nextInt(4) == 0) {
            return null;
        }
        int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = r.nextInt(200001) - 100000;
        }
        return b;
    }

    /** {multipliers, shifts} for n channels (or one when perTensor). */
    static int[][] multipliers(Random r, int n, double accScale) {
        int[] m = new int[n];
        int[] s = new int[n];
        double base = Math.pow(2, -r.nextInt(6)) / accScale;
        for (int i = 0; i < n; i++) {
            QuantizedMultiplier q = QuantizedMultiplier.of(base * (0.5 + r.nextDouble()));
            m[i] = q.multiplier();
            s[i] = q.shift();
        }
        return new int[][] {m, s};
    }

    static int[] activation(Random r, int outZp) {
        switch (r.nextInt(3)) {
            case 0:
                return new int[] {-128, 127};
            case 1:
                return new int[] {Math.max(-128, outZp), 127};
            default:
                int a = r.nextInt(256) - 128;
                int b = r.nextInt(256) - 128;
                return new int[] {Math.min(a, b), Math.max(a, b)};
        }
    }

    /**
     * The operator run on {@code b} as parts over random row ranges, in random order (as threads would
     * run them): the bytes must equal one whole run's. The output lands at offset 1 of an array of {@code outLen}.
     */
    static byte[] inParts(OperatorCalls b, OperatorParams p, byte[] in, int inPos, int inputSize, int outLen, Random r) {
        return inParts(b, p, new Slot[] {Slot.constant(Arrays.copyOfRange(in, inPos, inPos + inputSize))}, outLen, r);
    }

    /** {@link #inParts} with the operator's input slots given. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static byte[] inParts(OperatorCalls b, OperatorParams p, Slot[] ins, int outLen, Random r) {
        OpKernel kernel = b.bind(p, OperatorCalls.reference(p)).kernel();
        assertTrue(kernel instanceof RowSplit, b.backend().name() + "'s kernel does not split " + p);
        RowSplit split = (RowSplit) kernel;
        int rows = split.rows(p);
        assertTrue(rows > 0, b.backend().name() + " does not split " + p);
        byte[] arena = new byte[outLen];
        Slot[] outs = {Slot.arena(1)};
        List<int[]> ranges = new ArrayList<>();
        for (int from = 0; from < rows; ) {
            int to = from + 1 + r.nextInt(rows - from);
            ranges.add(new int[] {from, to});
            from = to;
        }
        Collections.shuffle(ranges, r);
        for (int[] range : ranges) {
            split.runRows(p, ins, outs, arena, new byte[kernel.scratchBytes(p)], range[0], range[1]);
        }
        return arena;
    }

    static byte[] run(Runnable call, byte[] out) {
        call.run();
        return out;
    }

    /** The build runs this class once more with -Dember.simd.requant=double: that run must take the double path. */
    @Test
    void requantizationPathFollowsTheProperty() {
        Requant r = Requant.rows(new int[] {1 << 30}, new int[] {-8}, 1, new long[] {1000}, null);
        boolean wanted = "double".equals(System.getProperty("ember.simd.requant")) && Lanes.BITS >= 256;
        assertTrue(r.doubleOk == wanted, "double path " + r.doubleOk + ", wanted " + wanted);
    }

    @Test
    void conv2d() {
        Random r = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
            if (r.nextInt(3) == 0) {
                fh = fw = 1;
            }
            int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
            Conv2DParams p = conv(r, fh, fw, sh, sw, 1 + r.nextInt(20), 1 + r.nextInt(20), 1 + r.nextInt(40),
                    1 + r.nextInt(40));
            checkConv(p, r, "seed " + SEED + " case " + i);
        }
    }

    /**
     * Narrow inputs (one to four channels) and rows of at least a vector of output pixels: the shapes
     * {@link PixelConv} takes (first layers of image models), with every stride, dilation and padding.
     */
    @Test
    void conv2dNarrowInput() {
        Random r = new Random(SEED + 11);
        int pixelKernels = 0;
        for (int i = 0; i < 150; i++) {
            int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
            int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
            Conv2DParams p = conv(r, fh, fw, sh, sw, 1 + r.nextInt(12), Lanes.N * sw + r.nextInt(40),
                    1 + r.nextInt(4), 1 + r.nextInt(20));
            if (PixelConv.forShape(p) != null) {
                pixelKernels++;
            }
            checkConv(p, r, "seed " + (SEED + 11) + " narrow case " + i);
        }
        assertTrue(pixelKernels > 100, "pixel kernel chosen for " + pixelKernels + " of 150 shapes");
    }

    /** A random CONV_2D of the given filter, strides and sizes: dilations, padding, batches, quantization random. */
    static Conv2DParams conv(Random r, int fh, int fw, int sh, int sw, int inH, int inW, int inC, int outC) {
        int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
        int batches = 1 + r.nextInt(2);
        int[] ph = padding(r, inH, fh, sh, dh), pw = padding(r, inW, fw, sw, dw);
        int inOff = r.nextInt(256) - 127, outZp = r.nextInt(256) - 128;
        int[][] q = multipliers(r, outC, Math.sqrt(fh * fw * inC) * 128 * 64);
        int[] act = activation(r, outZp);
        return new Conv2DParams(batches, inH, inW, inC, ph[0], pw[0], outC, fh, fw, sh, sw, dh, dw,
                ph[1], pw[1], inOff, outZp, bytes(r, outC * fh * fw * inC), bias(r, outC), q[0], q[1],
                act[0], act[1]);
    }

    /** A random FULLY_CONNECTED of the given sizes: offsets, per-tensor or per-channel multipliers, activation random. */
    static FullyConnectedParams fc(Random r, int batches, int depth, int outC) {
        int inOff = r.nextInt(256) - 127, outZp = r.nextInt(256) - 128;
        int[][] q = multipliers(r, r.nextBoolean() ? outC : 1, Math.sqrt(depth) * 128 * 64);
        int[] act = activation(r, outZp);
        int filterOffset = r.nextInt(20) == 0 ? r.nextInt(5) - 2 : 0;
        return new FullyConnectedParams(batches, depth, outC, inOff, filterOffset, outZp,
                bytes(r, outC * depth), bias(r, outC), q[0], q[1], act[0], act[1]);
    }

    private void checkConv(Conv2DParams p, Random r, String what) {
        byte[] in = bytes(r, p.inputSize() + 3);
        int inPos = r.nextInt(4);
        byte[] expected = new byte[p.outputSize() + 2];
        byte[] actual = new byte[p.outputSize() + 2];
        ref.conv2d(p, in, inPos, expected, 1);
        simd.conv2d(p, in, inPos, actual, 1);
        assertArrayEquals(expected, actual, what + ": " + p);
        // second call hits the cache
        Arrays.fill(actual, (byte) 0);
        simd.conv2d(p, in, inPos, actual, 1);
        assertArrayEquals(expected, actual, what + " (cached): " + p);
        assertArrayEquals(expected, inParts(ref, p, in, inPos, p.inputSize(), expected.length, r),
                what + " (ref, by rows): " + p);
        assertArrayEquals(expected, inParts(simd, p, in, inPos, p.inputSize(), expected.length, r),
                what + " (simd, by rows): " + p);
    }

    @Test
    void depthwiseConv2d() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 300; i++) {
            int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
            int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
            int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int inH = 1 + r.nextInt(20), inW = 1 + r.nextInt(20);
            int inC = 1 + r.nextInt(40);
            int dm = switch (r.nextInt(5)) {
                case 0 -> 2 + r.nextInt(2);
                case 1 -> 8 * (1 + r.nextInt(2)) + r.nextInt(3);
                default -> 1;
            };
            if (dm > 3) {
                inC = 1 + r.nextInt(4);
            }
            int outC = inC * dm;
            int batches = 1 + r.nextInt(2);
            int[] ph = padding(r, inH, fh, sh, dh), pw = padding(r, inW, fw, sw, dw);
            int inOff = r.nextInt(256) - 127, outZp = r.nextInt(256) - 128;
            int[][] q = multipliers(r, outC, Math.sqrt(fh * fw) * 128 * 64);
            int[] act = activation(r, outZp);
            DepthwiseConv2DParams p = new DepthwiseConv2DParams(batches, inH, inW, inC, ph[0], pw[0], outC, dm,
                    fh, fw, sh, sw, dh, dw, ph[1], pw[1], inOff, outZp, bytes(r, fh * fw * outC), bias(r, outC),
                    q[0], q[1], act[0], act[1]);
            byte[] in = bytes(r, p.inputSize() + 3);
            int inPos = r.nextInt(4);
            byte[] expected = new byte[p.outputSize() + 2];
            byte[] actual = new byte[p.outputSize() + 2];
            ref.depthwiseConv2d(p, in, inPos, expected, 1);
            simd.depthwiseConv2d(p, in, inPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 1) + " case " + i + ": " + p);
            assertArrayEquals(expected, inParts(ref, p, in, inPos, p.inputSize(), expected.length, r),
                    "seed " + (SEED + 1) + " case " + i + " (ref, by rows): " + p);
            assertArrayEquals(expected, inParts(simd, p, in, inPos, p.inputSize(), expected.length, r),
                    "seed " + (SEED + 1) + " case " + i + " (simd, by rows): " + p);
        }
    }

    /** Depth multiplier 1 with 8 or 16 channels and stride 1: several output pixels per vector block. */
    @Test
    void depthwiseConv2dFewChannels() {
        Random r = new Random(SEED + 7);
        for (int i = 0; i < 300; i++) {
            int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
            int sh = 1 + r.nextInt(2), sw = 1;
            int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int inH = 1 + r.nextInt(12), inW = 1 + r.nextInt(40);
            int inC = r.nextBoolean() ? 8 : 16;
            int batches = 1 + r.nextInt(2);
            int[] ph = padding(r, inH, fh, sh, dh), pw = padding(r, inW, fw, sw, dw);
            int inOff = r.nextInt(256) - 127, outZp = r.nextInt(256) - 128;
            int[][] q = multipliers(r, r.nextInt(4) == 0 ? 1 : inC, Math.sqrt(fh * fw) * 128 * 64);
            if (q[0].length == 1) {
                int[] m = new int[inC], sft = new int[inC];
                java.util.Arrays.fill(m, q[0][0]);
                java.util.Arrays.fill(sft, q[1][0]);
                q = new int[][] {m, sft};
            }
            int[] act = activation(r, outZp);
            DepthwiseConv2DParams p = new DepthwiseConv2DParams(batches, inH, inW, inC, ph[0], pw[0], inC, 1,
                    fh, fw, sh, sw, dh, dw, ph[1], pw[1], inOff, outZp, bytes(r, fh * fw * inC), bias(r, inC),
                    q[0], q[1], act[0], act[1]);
            byte[] in = bytes(r, p.inputSize() + 3);
            int inPos = r.nextInt(4);
            byte[] expected = new byte[p.outputSize() + 2];
            byte[] actual = new byte[p.outputSize() + 2];
            ref.depthwiseConv2d(p, in, inPos, expected, 1);
            simd.depthwiseConv2d(p, in, inPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 7) + " case " + i + ": " + p);
            assertArrayEquals(expected, inParts(ref, p, in, inPos, p.inputSize(), expected.length, r),
                    "seed " + (SEED + 7) + " case " + i + " (ref, by rows): " + p);
            assertArrayEquals(expected, inParts(simd, p, in, inPos, p.inputSize(), expected.length, r),
                    "seed " + (SEED + 7) + " case " + i + " (simd, by rows): " + p);
        }
    }

    @Test
    void fullyConnected() {
        Random r = new Random(SEED + 2);
        int split = 0;
        for (int i = 0; i < 300; i++) {
            int depth = 1 + r.nextInt(300), outC = 1 + r.nextInt(r.nextBoolean() ? 8 : 70);
            int batches = 1 + r.nextInt(r.nextInt(4) == 0 ? 9 : 4);
            FullyConnectedParams p = fc(r, batches, depth, outC);
            byte[] in = bytes(r, p.inputSize() + 3);
            int inPos = r.nextInt(4);
            byte[] expected = new byte[p.outputSize() + 2];
            byte[] actual = new byte[p.outputSize() + 2];
            ref.fullyConnected(p, in, inPos, expected, 1);
            simd.fullyConnected(p, in, inPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 2) + " case " + i + ": " + p);
            if (batches == 1) { // split over threads by output channels
                split++;
                assertArrayEquals(expected, inParts(ref, p, in, inPos, p.inputSize(), expected.length, r),
                        "seed " + (SEED + 2) + " case " + i + " (ref, by channels): " + p);
                assertArrayEquals(expected, inParts(simd, p, in, inPos, p.inputSize(), expected.length, r),
                        "seed " + (SEED + 2) + " case " + i + " (simd, by channels): " + p);
            }
        }
        assertTrue(split > 30, split + " one-batch cases split by channels");
    }

    /**
     * Long reductions: the float kernels must move their sums into int accumulators before they
     * could leave float's exact range (k up to several thousand, extreme inputs and offsets).
     */
    @Test
    void longReductions() {
        Random r = new Random(SEED + 9);
        for (int i = 0; i < 40; i++) {
            int depth = 500 + r.nextInt(5500), outC = 1 + r.nextInt(24);
            int batches = r.nextBoolean() ? 1 : 4 + r.nextInt(3);
            int inOff = r.nextBoolean() ? 128 : r.nextInt(256) - 127, outZp = r.nextInt(256) - 128;
            int[][] q = multipliers(r, outC, Math.sqrt(depth) * 128 * 64);
            int filterOffset = r.nextInt(4) == 0 ? r.nextInt(5) - 2 : 0;
            FullyConnectedParams fc = new FullyConnectedParams(batches, depth, outC, inOff, filterOffset, outZp,
                    bytes(r, outC * depth), bias(r, outC), q[0], q[1], -128, 127);
            byte[] in = bytes(r, fc.inputSize());
            byte[] expected = new byte[fc.outputSize()];
            byte[] actual = new byte[fc.outputSize()];
            ref.fullyConnected(fc, in, 0, expected, 0);
            simd.fullyConnected(fc, in, 0, actual, 0);
            assertArrayEquals(expected, actual, "seed " + (SEED + 9) + " fc case " + i + ": " + fc);

            int inC = 100 + r.nextInt(200), convOut = 1 + r.nextInt(40);
            int[][] cq = multipliers(r, convOut, Math.sqrt(9 * inC) * 128 * 64);
            Conv2DParams conv = new Conv2DParams(1, 5, 5, inC, 5, 5, convOut, 3, 3, 1, 1, 1, 1, 1, 1,
                    inOff, outZp, bytes(r, convOut * 9 * inC), bias(r, convOut), cq[0], cq[1], -128, 127);
            byte[] cin = bytes(r, conv.inputSize());
            byte[] cExpected = new byte[conv.outputSize()];
            byte[] cActual = new byte[conv.outputSize()];
            ref.conv2d(conv, cin, 0, cExpected, 0);
            simd.conv2d(conv, cin, 0, cActual, 0);
            assertArrayEquals(cExpected, cActual, "seed " + (SEED + 9) + " conv case " + i + ": " + conv);

            int fh = 8 + r.nextInt(20), fw = 8 + r.nextInt(20), dm = 1 + r.nextInt(8), dInC = 1 + r.nextInt(3);
            int[][] dq = multipliers(r, dInC * dm, Math.sqrt(fh * fw) * 128 * 64);
            DepthwiseConv2DParams dw = new DepthwiseConv2DParams(1, fh + 3, fw + 3, dInC, 4, 4, dInC * dm, dm,
                    fh, fw, 1, 1, 1, 1, 0, 0, inOff, outZp, bytes(r, fh * fw * dInC * dm), bias(r, dInC * dm),
                    dq[0], dq[1], -128, 127);
            byte[] din = bytes(r, dw.inputSize());
            byte[] dExpected = new byte[dw.outputSize()];
            byte[] dActual = new byte[dw.outputSize()];
            ref.depthwiseConv2d(dw, din, 0, dExpected, 0);
            simd.depthwiseConv2d(dw, din, 0, dActual, 0);
            assertArrayEquals(dExpected, dActual, "seed " + (SEED + 9) + " depthwise case " + i + ": " + dw);
        }
    }

    /** ADD with random shapes, broadcasting on random dimensions, scales and zero points. */
    @Test
    void add() {
        Random r = new Random(SEED + 11);
        int tabulated = 0;
        int elementwise = 0;
        for (int i = 0; i < 300; i++) {
            int[] shape = {1, 1, 1, 1, 1, 1};
            int rank = 1 + r.nextInt(4);
            for (int d = 6 - rank; d < 6; d++) {
                shape[d] = 1 + r.nextInt(r.nextBoolean() ? 6 : 40);
            }
            int[] shape1 = shape.clone();
            int[] shape2 = shape.clone();
            for (int d = 0; d < 6; d++) { // each input may broadcast along some dimensions
                if (r.nextInt(4) == 0) {
                    shape1[d] = 1;
                } else if (r.nextInt(4) == 0) {
                    shape2[d] = 1;
                }
            }
            int[] strides1 = broadcastStrides(shape, shape1);
            int[] strides2 = broadcastStrides(shape, shape2);
            double s1 = Math.pow(2, r.nextInt(8) - 4) * (0.5 + r.nextDouble());
            double s2 = Math.pow(2, r.nextInt(8) - 4) * (0.5 + r.nextDouble());
            double sOut = Math.pow(2, r.nextInt(8) - 3) * (0.5 + r.nextDouble());
            double twiceMax = 2 * Math.max(s1, s2);
            QuantizedMultiplier m1 = QuantizedMultiplier.of(s1 / twiceMax);
            QuantizedMultiplier m2 = QuantizedMultiplier.of(s2 / twiceMax);
            QuantizedMultiplier mo = QuantizedMultiplier.of(twiceMax / ((1 << 20) * sOut));
            int outZp = r.nextInt(256) - 128;
            int[] act = activation(r, outZp);
            AddParams p = new AddParams(shape, strides1, strides2, -(r.nextInt(256) - 128), -(r.nextInt(256) - 128),
                    outZp, 20, m1.multiplier(), m1.shift(), m2.multiplier(), m2.shift(), mo.multiplier(), mo.shift(),
                    act[0], act[1]);
            byte[] a = bytes(r, size(shape1) + 3);
            byte[] b = bytes(r, size(shape2) + 3);
            int aPos = r.nextInt(4);
            int bPos = r.nextInt(4);
            byte[] expected = new byte[p.size() + 2];
            byte[] actual = new byte[p.size() + 2];
            ref.add(p, a, aPos, b, bPos, expected, 1);
            simd.add(p, a, aPos, b, bPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 11) + " case " + i + ": " + Arrays.toString(shape)
                    + " " + Arrays.toString(shape1) + " " + Arrays.toString(shape2));
            tabulated += p.size() >= AddKernel.LUT_MIN_SIZE ? 1 : 0;
            if (p.elementwise()) { // split over threads by element ranges
                Slot[] ins = {Slot.constant(Arrays.copyOfRange(a, aPos, aPos + p.size())),
                    Slot.constant(Arrays.copyOfRange(b, bPos, bPos + p.size()))};
                elementwise++;
                assertArrayEquals(expected, inParts(ref, p, ins, expected.length, r), "ref by parts, case " + i);
                assertArrayEquals(expected, inParts(simd, p, ins, expected.length, r), "simd by parts, case " + i);
            }
        }
        // both paths: tabulated operators and per-element requantization
        assertTrue(tabulated > 20 && tabulated < 280, tabulated + " of 300 tabulated");
        assertTrue(elementwise > 10, elementwise + " of 300 element-wise (split by parts)");
    }

    private static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Element strides of an input of shape {@code in} (dims 1 or equal to out) per output dimension. */
    private static int[] broadcastStrides(int[] out, int[] in) {
        int[] strides = new int[6];
        int dense = 1;
        for (int d = 5; d >= 0; d--) {
            strides[d] = in[d] == 1 && out[d] > 1 ? 0 : dense;
            dense *= in[d];
        }
        return strides;
    }

    private static PoolParams pool(Random r) {
        int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
        int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
        int inH = 1 + r.nextInt(20), inW = 1 + r.nextInt(20);
        int[] ph = padding(r, inH, fh, sh, 1), pw = padding(r, inW, fw, sw, 1);
        int[] act = activation(r, -128);
        return new PoolParams(1 + r.nextInt(2), inH, inW, 1 + r.nextInt(40), ph[0], pw[0], fh, fw, sh, sw,
                ph[1], pw[1], act[0], act[1]);
    }

    @Test
    void averagePool2d() {
        Random r = new Random(SEED + 3);
        for (int i = 0; i < 200; i++) {
            PoolParams p = pool(r);
            byte[] in = bytes(r, p.inputSize() + 3);
            int inPos = r.nextInt(4);
            byte[] expected = new byte[p.outputSize() + 2];
            byte[] actual = new byte[p.outputSize() + 2];
            ref.averagePool2d(p, in, inPos, expected, 1);
            simd.averagePool2d(p, in, inPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 3) + " case " + i + ": " + p);
        }
    }

    @Test
    void maxPool2d() {
        Random r = new Random(SEED + 4);
        for (int i = 0; i < 200; i++) {
            PoolParams p = pool(r);
            byte[] in = bytes(r, p.inputSize() + 3);
            int inPos = r.nextInt(4);
            byte[] expected = new byte[p.outputSize() + 2];
            byte[] actual = new byte[p.outputSize() + 2];
            ref.maxPool2d(p, in, inPos, expected, 1);
            simd.maxPool2d(p, in, inPos, actual, 1);
            assertArrayEquals(expected, actual, "seed " + (SEED + 4) + " case " + i + ": " + p);
        }
    }
}
