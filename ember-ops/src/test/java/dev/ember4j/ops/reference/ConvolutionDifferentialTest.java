/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

/**
 * The backend's rearranged CONV_2D and DEPTHWISE_CONV_2D against the direct loops
 * ({@link DirectConvolutions}) on random shapes: strides, dilations, padding, windows wholly in the
 * padding, depth multipliers, batches, tensors at nonzero array offsets, both conv forms.
 */
class ConvolutionDifferentialTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    private static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        // Many exact zero points, as after ReLU, exercise the skipping of zero input terms.
        for (int i = 0; i < n; i += 1 + r.nextInt(3)) {
            b[i] = -128;
        }
        return b;
    }

    private static int[] multipliers(Random r, int n) {
        int[] m = new int[n];
        for (int i = 0; i < n; i++) {
            m[i] = (1 << 30) + r.nextInt(1 << 30);
        }
        return m;
    }

    private static int[] shifts(Random r, int n) {
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = r.nextInt(14) - 11;
        }
        return s;
    }

    private static int[] bias(Random r, int n) {
        if (r.nextInt(4) == 0) {
            return null;
        }
        int[] b = new int[n];
        boolean huge = r.nextInt(5) == 0; // near the int limits: the sums wrap as in C++
        for (int i = 0; i < n; i++) {
            b[i] = huge ? Integer.MAX_VALUE - r.nextInt(1000) : r.nextInt(20001) - 10000;
        }
        return b;
    }

    private static int outputSize(Random r, int in, int filter, int stride, int dilation, int pad) {
        int full = (in + 2 * pad - (filter - 1) * dilation - 1) / stride + 1;
        return Math.max(1, full + r.nextInt(3) - 1);
    }

    static Conv2DParams randomConv(Random r) {
        int batches = 1 + r.nextInt(2);
        int inH = 1 + r.nextInt(9);
        int inW = 1 + r.nextInt(9);
        int inC = 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
        int outC = 1 + r.nextInt(r.nextBoolean() ? 24 : 90);
        int fH = 1 + r.nextInt(4);
        int fW = 1 + r.nextInt(4);
        int sH = 1 + r.nextInt(3);
        int sW = 1 + r.nextInt(3);
        int dH = 1 + r.nextInt(2);
        int dW = 1 + r.nextInt(2);
        int padT = r.nextInt(fH);
        int padL = r.nextInt(fW);
        int outH = outputSize(r, inH, fH, sH, dH, padT);
        int outW = outputSize(r, inW, fW, sW, dW, padL);
        int actMin = r.nextInt(4) == 0 ? -20 : -128;
        int actMax = r.nextInt(4) == 0 ? 60 : 127;
        return new Conv2DParams(batches, inH, inW, inC, outH, outW, outC, fH, fW, sH, sW, dH, dW, padT, padL,
                r.nextInt(256) - 127, r.nextInt(256) - 128, randomBytes(r, outC * fH * fW * inC), bias(r, outC),
                multipliers(r, outC), shifts(r, outC), actMin, actMax);
    }

    static DepthwiseConv2DParams randomDepthwise(Random r) {
        int batches = 1 + r.nextInt(2);
        int inH = 1 + r.nextInt(12);
        int inW = 1 + r.nextInt(12);
        int inC = 1 + r.nextInt(r.nextBoolean() ? 4 : 40);
        int dm = r.nextInt(3) == 0 ? 1 + r.nextInt(8) : 1;
        int outC = inC * dm;
        int fH = 1 + r.nextInt(r.nextInt(5) == 0 ? 10 : 4);
        int fW = 1 + r.nextInt(r.nextInt(5) == 0 ? 9 : 4);
        int sH = 1 + r.nextInt(3);
        int sW = 1 + r.nextInt(3);
        int dH = 1 + r.nextInt(2);
        int dW = 1 + r.nextInt(3);
        int padT = r.nextInt(fH);
        int padL = r.nextInt(fW);
        int outH = outputSize(r, inH, fH, sH, dH, padT);
        int outW = outputSize(r, inW, fW, sW, dW, padL);
        return new DepthwiseConv2DParams(batches, inH, inW, inC, outH, outW, outC, dm, fH, fW, sH, sW, dH, dW,
                padT, padL, r.nextInt(256) - 127, r.nextInt(256) - 128, randomBytes(r, fH * fW * outC),
                bias(r, outC), multipliers(r, outC), shifts(r, outC), -128, 127);
    }

    /** Runs conv on a fresh input at random array offsets; checks against the direct loops. */
    private void checkConv(Random r, Conv2DParams p, String what) {
        int inAt = r.nextInt(5);
        int outAt = r.nextInt(5);
        byte[] in = randomBytes(r, inAt + p.inputSize() + r.nextInt(3));
        byte[] expected = new byte[outAt + p.outputSize() + 2];
        byte[] actual = expected.clone();
        DirectConvolutions.conv2d(p, in, inAt, expected, outAt);
        backend.conv2d(p, in, inAt, actual, outAt);
        assertArrayEquals(expected, actual, what + ": " + p);
    }

    private void checkDepthwise(Random r, DepthwiseConv2DParams p, String what) {
        int inAt = r.nextInt(5);
        int outAt = r.nextInt(5);
        byte[] in = randomBytes(r, inAt + p.inputSize() + r.nextInt(3));
        byte[] expected = new byte[outAt + p.outputSize() + 2];
        byte[] actual = expected.clone();
        DirectConvolutions.depthwiseConv2d(p, in, inAt, expected, outAt);
        backend.depthwiseConv2d(p, in, inAt, actual, outAt);
        assertArrayEquals(expected, actual, what + ": " + p);
    }

    @Test
    void convMatchesDirectLoops() {
        Random r = new Random(11);
        for (int i = 0; i < 3000; i++) {
            Conv2DParams p = randomConv(r);
            checkConv(r, p, "case " + i);
            checkConv(r, p, "case " + i + ", second input"); // prepared weights reused
        }
    }

    @Test
    void depthwiseMatchesDirectLoops() {
        Random r = new Random(12);
        for (int i = 0; i < 3000; i++) {
            DepthwiseConv2DParams p = randomDepthwise(r);
            checkDepthwise(r, p, "case " + i);
            checkDepthwise(r, p, "case " + i + ", second input"); // no stale widened rows
        }
    }

    @Test
    void modelShapes() {
        Random r = new Random(13);
        // person_detect's and speech's shapes (outputs of the depthwise ops feed the pointwise ones).
        int[][] pointwise = {{48, 8, 16}, {24, 16, 32}, {24, 32, 32}, {12, 32, 64}, {12, 64, 64}, {6, 64, 128},
                {6, 128, 128}, {3, 128, 256}, {3, 256, 256}, {1, 256, 2}};
        for (int[] s : pointwise) {
            Conv2DParams p = new Conv2DParams(1, s[0], s[0], s[1], s[0], s[0], s[2], 1, 1, 1, 1, 1, 1, 0, 0,
                    128, -128, randomBytes(r, s[1] * s[2]), bias(r, s[2]), multipliers(r, s[2]), shifts(r, s[2]),
                    -128, 127);
            checkConv(r, p, "pointwise");
        }
        checkDepthwise(r, new DepthwiseConv2DParams(1, 96, 96, 1, 48, 48, 8, 8, 3, 3, 2, 2, 1, 1, 0, 0, 1, -128,
                randomBytes(r, 72), bias(r, 8), multipliers(r, 8), shifts(r, 8), -128, 127), "first layer");
        checkDepthwise(r, new DepthwiseConv2DParams(1, 49, 40, 1, 25, 20, 8, 8, 10, 8, 2, 2, 1, 1, 4, 3, 128, -128,
                randomBytes(r, 640), bias(r, 8), multipliers(r, 8), shifts(r, 8), -128, 127), "speech");
        int[][] depthwise = {{48, 8, 1}, {48, 16, 2}, {24, 32, 1}, {24, 32, 2}, {12, 64, 1}, {6, 128, 1}, {6, 128, 2},
                {3, 256, 1}};
        for (int[] s : depthwise) {
            int out = s[2] == 1 ? s[0] : s[0] / 2;
            int pad = s[2] == 1 ? 1 : 0;
            checkDepthwise(r, new DepthwiseConv2DParams(1, s[0], s[0], s[1], out, out, s[1], 1, 3, 3, s[2], s[2], 1, 1,
                    pad, pad, 128, -128, randomBytes(r, 9 * s[1]), bias(r, s[1]), multipliers(r, s[1]),
                    shifts(r, s[1]), -128, 127), "depthwise");
        }
    }

    @Test
    void hugeDilationAndPaddingNeedNoHugeArrays() {
        // As in a corrupted model: taps far outside the input read padding only.
        Random r = new Random(14);
        checkDepthwise(r, new DepthwiseConv2DParams(1, 49, 40, 1, 25, 20, 8, 8, 10, 8, 2, 2, 1, 524288, 4, 1835007,
                128, -128, randomBytes(r, 640), bias(r, 8), multipliers(r, 8), shifts(r, 8), -128, 127), "depthwise");
        checkDepthwise(r, new DepthwiseConv2DParams(1, 9, 7, 2, 5, 4, 4, 2, 3, 3, 2, 2, 1 << 30, 1 << 30,
                1 << 30, 3, 5, -1, randomBytes(r, 36), bias(r, 4), multipliers(r, 4), shifts(r, 4), -128, 127), "depthwise");
        for (int outC : new int[] {3, 200}) {
            checkConv(r, new Conv2DParams(1, 6, 7, 3, 4, 5, outC, 3, 4, 1, 2, 1 << 30, 1 << 30, 2, Integer.MAX_VALUE - 5,
                    7, 1, randomBytes(r, outC * 36), bias(r, outC), multipliers(r, outC), shifts(r, outC), -128, 127),
                    "conv");
        }
    }

    @Test
    void threadsShareOneBackend() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                long seed = 100 + t;
                jobs.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < 300; i++) {
                        checkConv(r, randomConv(r), "threaded conv");
                        checkDepthwise(r, randomDepthwise(r), "threaded depthwise");
                    }
                    return null;
                }));
            }
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
