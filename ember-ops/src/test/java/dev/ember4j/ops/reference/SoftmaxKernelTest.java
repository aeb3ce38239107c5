/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.bytes;
import static dev.ember4j.ops.reference.TestUtil.ints;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.core.quant.QuantizedMultiplier;
import java.util.Arrays;
import java.util.Random;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class SoftmaxKernelTest {

    private final OperatorCalls backend = new OperatorCalls(new ReferenceBackend());

    /**
     * Parameters as TFLite prepares them: beta * inputScale expressed for Q5.26 diffs, and diffMin the
     * negated largest diff whose rescaled value still fits in 5 integer bits.
     */
    static SoftmaxParams params(int outerSize, int depth, double inputScale, double beta) {
        double real = Math.min(beta * inputScale * (1 << 26), (double) Integer.MAX_VALUE);
        QuantizedMultiplier qm = QuantizedMultiplier.greaterThanOne(real);
        double radius = 31.0 * (1L << 26) / (double) (1L << qm.shift());
        return new SoftmaxParams(outerSize, depth, qm.multiplier(), qm.shift(), -(int) Math.floor(radius));
    }

    private byte[] run(SoftmaxParams p, byte[] input) {
        byte[] out = new byte[p.size()];
        backend.softmax(p, input, 0, out, 0);
        return out;
    }

    @Test
    void equalInputsGiveAUniformDistribution() {
        // p = 1/n, output = round(256 / n) - 128.
        assertArrayEquals(new int[] {0, 0}, ints(run(params(1, 2, 0.1, 1.0), bytes(5, 5))));
        assertArrayEquals(new int[] {-64, -64, -64, -64}, ints(run(params(1, 4, 0.1, 1.0), bytes(-3, -3, -3, -3))));
        byte[] flat = new byte[256];
        Arrays.fill(flat, (byte) -128);
        byte[] out = run(params(1, 256, 0.1, 1.0), flat);
        for (byte b : out) {
            assertEquals(-127, b); // 256 / 256 = 1
        }
    }

    @Test
    void aDominantInputSaturatesAt127() {
        // Scale 1: the other diffs (-255) are far beyond diffMin; p = 1 -> 256 - 128 = 128 -> clamped to 127.
        assertArrayEquals(new int[] {-128, 127, -128, -128},
                ints(run(params(1, 4, 1.0, 1.0), bytes(-128, 127, -128, -128))));
    }

    @Test
    void diffsBelowDiffMinAreExcludedFromTheSum() {
        // beta * scale = 0.5 = 0.5 * 2^26 / 2^26 -> multiplier 2^30, left shift 26. With diffMin forced to -1
        // only the first two values count: p0 = 1 / (1 + e^-0.5) = 0.6225 -> 159.4 -> 159 - 128 = 31,
        // p1 = 0.3775 -> 96.6 -> 97 - 128 = -31; the third (diff -2) gives -128. Had it counted, p0 would be
        // 0.5065 -> 130 - 128 = 2.
        SoftmaxParams p = new SoftmaxParams(1, 3, 1 << 30, 26, -1);
        assertArrayEquals(new int[] {31, -31, -128}, ints(run(p, bytes(10, 9, 8))));
    }

    @Test
    void rowsAreIndependent() {
        SoftmaxParams p = params(2, 2, 0.1, 1.0);
        byte[] out = run(p, bytes(1, 1, 127, -128));
        assertArrayEquals(new int[] {0, 0, 127, -128}, ints(out));
    }

    @Test
    void closeToTheRealSoftmax() {
        // Fixed-point exp and reciprocal are accurate to far better than one output step; allow one step
        // for rounding near .5 boundaries.
        Random random = new Random(42);
        double[] scales = {0.01, 0.05, 0.1, 0.25, 1.0 / 16, 0.5};
        for (int trial = 0; trial < 200; trial++) {
            int depth = 1 + random.nextInt(40);
            double scale = scales[trial % scales.length];
            double beta = trial % 3 == 0 ? 1.0 : 0.5 + random.nextDouble();
            SoftmaxParams p = params(1, depth, scale, beta);
            byte[] in = new byte[depth];
            random.nextBytes(in);
            byte[] out = run(p, in);

            int max = -128;
            for (byte b : in) {
                max = Math.max(max, b);
            }
            double sum = 0;
            for (byte b : in) {
                if (b - max >= p.diffMin()) {
                    sum += Math.exp(beta * scale * (b - max));
                }
            }
            for (int c = 0; c < depth; c++) {
                double prob = in[c] - max >= p.diffMin() ? Math.exp(beta * scale * (in[c] - max)) / sum : 0;
                long expected = Math.max(-128, Math.min(127, Math.round(prob * 256) - 128));
                assertTrue(Math.abs(out[c] - expected) <= 1,
                        "trial " + trial + " element " + c + ": got " + out[c] + ", real softmax gives " + expected);
            }
        }
    }

    @Test
    void largeRowsWithTinyProbabilitiesGiveMinus128() {
        // 600 equal values: p = 1/600, p * 256 = 0.43 -> 0 -> -128. The sum of exps (600) needs more than
        // 31 bits of right shift, which the C++ leaves undefined; the exact quotient rounds to 0.
        byte[] in = new byte[600];
        Arrays.fill(in, (byte) 3);
        byte[] out = run(params(1, 600, 0.1, 1.0), in);
        for (byte b : out) {
            assertEquals(-128, b);
        }
    }
}
