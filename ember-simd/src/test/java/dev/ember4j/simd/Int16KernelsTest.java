/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import static dev.ember4j.simd.DifferentialTest.padding;
import static dev.ember4j.simd.RegistryKernelsTest.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.conv2d.Conv2DQuantizedKernel;
import dev.ember4j.ops.conv2d.Conv2DQuantizedParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedParams;
import dev.ember4j.ops.common.Elem;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/**
 * The simd backend's 16x8 CONV_2D and FULLY_CONNECTED kernels against the reference kernels on
 * randomized shapes, weights, biases (none, int32, int64), multipliers and activation ranges, extreme
 * int16 inputs and long reductions (sums that take several int chunks): same bytes, whole and by rows,
 * and the simd kernel chosen for every int16 case.
 */
class Int16KernelsTest {
    private static final long SEED = Long.getLong("ember.seed", 0x1616L);

    /** Random int16 values as little-endian bytes; sometimes only the extremes. */
    static byte[] shorts(Random r, int n) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        int mode = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            short v = switch (mode) {
                case 0 -> r.nextBoolean() ? Short.MIN_VALUE : Short.MAX_VALUE;
                case 1 -> Short.MIN_VALUE;
                case 2 -> (short) (r.nextInt(2001) - 1000);
                default -> (short) r.nextInt();
            };
            b.putShort(v);
        }
        return b.array();
    }

    /** Weights: random, sometimes all extremes (the largest sums). */
    static byte[] weights(Random r, int n) {
        byte[] w = new byte[n];
        switch (r.nextInt(6)) {
            case 0 -> java.util.Arrays.fill(w, (byte) -128);
            case 1 -> {
                for (int i = 0; i < n; i++) {
                    w[i] = r.nextBoolean() ? (byte) -128 : (byte) 127;
                }
            }
            default -> r.nextBytes(w);
        }
        return w;
    }

    /** {biasBits} and raw bias bytes for n channels. */
    static Object[] bias(Random r, int n) {
        int bits = switch (r.nextInt(3)) {
            case 0 -> 0;
            case 1 -> 32;
            default -> 64;
        };
        ByteBuffer b = ByteBuffer.allocate(bits / 8 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < n; c++) {
            if (bits == 64) {
                b.putLong(r.nextInt(4) == 0 ? r.nextLong() >> (20 + r.nextInt(20)) : r.nextInt(2_000_001) - 1_000_000);
            } else if (bits == 32) {
                b.putInt(r.nextInt(4) == 0 ? r.nextInt() : r.nextInt(2_000_001) - 1_000_000);
            }
        }
        return new Object[] {bits, b.array()};
    }

    /** {multipliers, shifts}: one or n channels, scaled so that outputs spread over int16, shifts in [-48, 14]. */
    static int[][] multipliers(Random r, int n, double accScale, boolean perChannel) {
        int count = perChannel ? n : 1;
        int[] m = new int[count];
        int[] s = new int[count];
        double base = 32768.0 * Math.pow(2, r.nextInt(8) - 4) / accScale;
        for (int i = 0; i < count; i++) {
            QuantizedMultiplier q = QuantizedMultiplier.of(base * (0.5 + r.nextDouble()));
            m[i] = q.multiplier();
            s[i] = Math.max(-48, Math.min(14, q.shift()));
        }
        return new int[][] {m, s};
    }

    static int[] activation(Random r) {
        switch (r.nextInt(3)) {
            case 0:
                return new int[] {-32768, 32767};
            case 1:
                return new int[] {0, 32767};
            default:
                int a = r.nextInt(65536) - 32768;
                int b = r.nextInt(65536) - 32768;
                return new int[] {Math.min(a, b), Math.max(a, b)};
        }
    }

    static Conv2DQuantizedParams conv(Random r, int fh, int fw, int sh, int sw, int inH, int inW, int inC, int outC) {
        int dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
        int batches = 1 + r.nextInt(2);
        int[] ph = padding(r, inH, fh, sh, dh), pw = padding(r, inW, fw, sw, dw);
        Object[] bias = bias(r, outC);
        int[][] q = multipliers(r, outC, Math.sqrt(fh * fw * inC) * 32768 * 64, r.nextInt(4) != 0);
        int[] act = activation(r);
        int outOff = r.nextInt(5) == 0 ? r.nextInt(201) - 100 : 0;
        return new Conv2DQuantizedParams(Elem.INT16, batches, inH, inW, inC, ph[0], pw[0], outC, fh, fw, sh, sw, dh, dw,
                ph[1], pw[1], 0, 0, outOff, weights(r, outC * fh * fw * inC), (int) bias[0], (byte[]) bias[1], q[0], q[1],
                act[0], act[1]);
    }

    private static void checkConv(Conv2DQuantizedParams p, Random r, String what) {
        int inputBytes = 2 * p.batches() * p.inHeight() * p.inWidth() * p.inDepth();
        checkConv(p, r, what, shorts(r, inputBytes / 2));
    }

    private static void checkConv(Conv2DQuantizedParams p, Random r, String what, byte[] input) {
        int outputBytes = 2 * p.batches() * p.outHeight() * p.outWidth() * p.outDepth();
        BoundKernel<Conv2DQuantizedParams> chosen = same(p, Conv2DQuantizedKernel.KERNEL, outputBytes, r, what, input);
        assertEquals("simd/Int16Gemm", chosen.describe(), what);
    }

    @Test
    void conv2d() {
        Random r = new Random(SEED);
        for (int i = 0; i < 300; i++) {
            int fh = 1 + r.nextInt(5), fw = 1 + r.nextInt(5);
            if (r.nextInt(4) == 0) {
                fh = 1; // 1-D convolutions of audio models
            }
            int sh = 1 + r.nextInt(3), sw = 1 + r.nextInt(3);
            int outC = 1 + r.nextInt(r.nextInt(3) == 0 ? 140 : 20);
            Conv2DQuantizedParams p = conv(r, fh, fw, sh, sw, 1 + r.nextInt(12), 1 + r.nextInt(20), 1 + r.nextInt(40),
                    outC);
            checkConv(p, r, "seed " + SEED + " conv case " + i + " " + shape(p));
        }
    }

    /** Sums of more terms than one int partial sum holds: several chunks, widened to 64 bits. */
    @Test
    void conv2dLongReductions() {
        Random r = new Random(SEED + 1);
        int chunked = 0;
        for (int i = 0; i < 40; i++) {
            int inC = 100 + r.nextInt(300);
            Conv2DQuantizedParams p = conv(r, 3, 1 + r.nextInt(3), 1, 1, 2 + r.nextInt(4), 2 + r.nextInt(4), inC,
                    1 + r.nextInt(40));
            int k = p.filterHeight() * p.filterWidth() * p.inDepth();
            if (i % 2 == 0) { // the largest sums: every product 2^22
                java.util.Arrays.fill(p.filter(), (byte) -128);
            }
            if (Int16Gemm.chunk(p.filter(), p.outDepth(), k, 1) < k) {
                chunked++;
            }
            byte[] input = shorts(r, p.batches() * p.inHeight() * p.inWidth() * p.inDepth());
            if (i % 2 == 0) {
                for (int j = 0; j < input.length; j += 2) {
                    input[j] = 0;
                    input[j + 1] = (byte) 0x80;
                }
            }
            checkConv(p, r, "seed " + (SEED + 1) + " long conv case " + i + " " + shape(p), input);
        }
        assertTrue(chunked >= 10, chunked + " of 40 cases took several chunks");
    }

    private static String shape(Conv2DQuantizedParams p) {
        return p.batches() + "x" + p.inHeight() + "x" + p.inWidth() + "x" + p.inDepth() + " -> " + p.outHeight() + "x"
                + p.outWidth() + "x" + p.outDepth() + " filter " + p.filterHeight() + "x" + p.filterWidth() + " stride "
                + p.strideHeight() + "," + p.strideWidth() + " dilation " + p.dilationHeight() + ","
                + p.dilationWidth() + " pad " + p.padTop() + "," + p.padLeft() + " bias " + p.biasBits();
    }

    static FullyConnectedQuantizedParams fc(Random r, int rows, int depth, int outC) {
        Object[] bias = bias(r, outC);
        int[][] q = multipliers(r, outC, Math.sqrt(depth) * 32768 * 64, r.nextBoolean());
        int[] act = activation(r);
        int outOff = r.nextInt(5) == 0 ? r.nextInt(201) - 100 : 0;
        return new FullyConnectedQuantizedParams(Elem.INT16, rows, depth, outC, 0, 0, outOff, weights(r, outC * depth),
                (int) bias[0], (byte[]) bias[1], q[0], q[1], r.nextBoolean(), act[0], act[1]);
    }

    private static void checkFc(FullyConnectedQuantizedParams p, Random r, String what) {
        BoundKernel<FullyConnectedQuantizedParams> chosen = same(p, FullyConnectedQuantizedKernel.KERNEL,
                2 * p.rows() * p.outDepth(), r, what, shorts(r, p.rows() * p.depth()));
        assertEquals("simd/Int16Gemm", chosen.describe(), what);
    }

    @Test
    void fullyConnected() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 300; i++) {
            int rows = 1 + r.nextInt(r.nextInt(3) == 0 ? 12 : 3);
            int depth = 1 + r.nextInt(r.nextInt(4) == 0 ? 3000 : 300);
            int outC = 1 + r.nextInt(r.nextBoolean() ? 8 : 140);
            FullyConnectedQuantizedParams p = fc(r, rows, depth, outC);
            checkFc(p, r, "seed " + (SEED + 2) + " fc case " + i + " rows " + rows + " depth " + depth + " out " + outC
                    + " bias " + p.biasBits() + " single " + p.singleRounding());
        }
    }

    /** Past the prepared-bytes budget (here 0) the packed 16x8 kernels decline: the reference kernels run. */
    @Test
    void noBudgetRunsTheReferenceKernels() {
        Random r = new Random(SEED + 4);
        SimdBackend simd = new SimdBackend(0);
        for (int i = 0; i < 5; i++) {
            Conv2DQuantizedParams conv = conv(r, 3, 3, 1, 1, 4, 4, 1 + r.nextInt(20), 1 + r.nextInt(20));
            assertTrue(simd.bind(conv, Conv2DQuantizedKernel.KERNEL).isReference());
            FullyConnectedQuantizedParams fc = fc(r, 1 + r.nextInt(8), 1 + r.nextInt(300), 1 + r.nextInt(40));
            assertTrue(simd.bind(fc, FullyConnectedQuantizedKernel.KERNEL).isReference());
        }
        assertEquals(0, simd.preparedBytes());
        SimdBackend roomy = new SimdBackend(1 << 20);
        Conv2DQuantizedParams conv = conv(r, 3, 3, 1, 1, 4, 4, 8, 8);
        assertEquals("simd/Int16Gemm", roomy.bind(conv, Conv2DQuantizedKernel.KERNEL).describe());
        assertEquals(Int16Conv.bytes(conv), roomy.preparedBytes());
    }

    @Test
    void uint8StaysOnTheReferenceKernels() {
        Random r = new Random(SEED + 3);
        FullyConnectedQuantizedParams fc = new FullyConnectedQuantizedParams(Elem.UINT8, 1, 16, 4, 128, 128, 0,
                weights(r, 64), 0, new byte[0], new int[] {1 << 30}, new int[] {-8}, false, 0, 255);
        assertTrue(new SimdBackend().bind(fc, FullyConnectedQuantizedKernel.KERNEL).isReference());
        Conv2DQuantizedParams conv = new Conv2DQuantizedParams(Elem.UINT8, 1, 3, 3, 2, 3, 3, 2, 1, 1, 1, 1, 1, 1, 0, 0,
                128, 128, 0, weights(r, 4), 0, new byte[0], new int[] {1 << 30}, new int[] {-8}, 0, 255);
        assertTrue(new SimdBackend().bind(conv, Conv2DQuantizedKernel.KERNEL).isReference());
    }
}
