/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ref.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.ember4j.simd.DifferentialTest.bias;
import static dev.ember4j.simd.DifferentialTest.bytes;
import static dev.ember4j.simd.DifferentialTest.multipliers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past its budget of packed data the backend runs the reference kernels: same bytes, bounded memory. */
class PreparedBudgetTest {
    private final ReferenceBackend ref = new ReferenceBackend();

    private static Conv2DParams conv(Random r, int inC, int outC) {
        return DifferentialTest.conv(r, 3, 3, 1, 1, 9, 20, inC, outC);
    }

    private static DepthwiseConv2DParams depthwise(Random r, int c) {
        int[][] q = multipliers(r, c, 3 * 128 * 64);
        return new DepthwiseConv2DParams(1, 8, 8, c, 8, 8, c, 1, 3, 3, 1, 1, 1, 1, 1, 1, 17, -4,
                bytes(r, 9 * c), bias(r, c), q[0], q[1], -128, 127);
    }

    private static FullyConnectedParams fc(Random r, int in, int out) {
        return DifferentialTest.fc(r, 6, in, out);
    }

    /** One operator run on a backend: input, output, scratch. */
    private interface Call {
        void run(KernelBackend b, byte[] in, byte[] out, byte[] scratch);
    }

    /** The operator on simd gives the reference kernels' bytes. */
    private void same(SimdBackend simd, OperatorParams p, int inputSize, int outputSize, Call call, Random r) {
        byte[] in = bytes(r, inputSize);
        byte[] want = new byte[outputSize];
        byte[] got = new byte[outputSize];
        call.run(ref, in, want, new byte[Math.max(ref.scratchBytes(p), p.scratchBytes())]);
        call.run(simd, in, got, new byte[Math.max(simd.scratchBytes(p), p.scratchBytes())]);
        assertArrayEquals(want, got, String.valueOf(p));
    }

    private void same(SimdBackend simd, Conv2DParams p, Random r) {
        same(simd, p, p.inputSize(), p.outputSize(), (b, in, out, sc) -> b.conv2d(p, in, 0, out, 0, sc), r);
    }

    private void same(SimdBackend simd, DepthwiseConv2DParams p, Random r) {
        same(simd, p, p.inputSize(), p.outputSize(), (b, in, out, sc) -> b.depthwiseConv2d(p, in, 0, out, 0, sc), r);
    }

    private void same(SimdBackend simd, FullyConnectedParams p, Random r) {
        same(simd, p, p.inputSize(), p.outputSize(), (b, in, out, sc) -> b.fullyConnected(p, in, 0, out, 0, sc), r);
    }

    @Test
    void noBudgetRunsEverythingOnTheReferenceKernels() {
        Random r = new Random(21);
        SimdBackend simd = new SimdBackend(0);
        for (int i = 0; i < 5; i++) {
            Conv2DParams c = conv(r, 1 + r.nextInt(20), 1 + r.nextInt(40));
            simd.prepare(c);
            same(simd, c, r);
            DepthwiseConv2DParams d = depthwise(r, 1 + r.nextInt(40));
            simd.prepare(d);
            same(simd, d, r);
            FullyConnectedParams f = fc(r, 1 + r.nextInt(300), 1 + r.nextInt(40));
            simd.prepare(f);
            same(simd, f, r);
        }
        assertEquals(0, simd.preparedBytes());
    }

    @Test
    void operatorsPastTheBudgetFallBackAndTheRestIsVectorized() {
        Random r = new Random(22);
        Conv2DParams first = conv(r, 16, 32);
        long firstBytes = FloatGemm.bytes(32, 9 * 16);
        SimdBackend simd = new SimdBackend(firstBytes + 100);
        simd.prepare(first);
        assertEquals(firstBytes, simd.preparedBytes(), "the first convolution is packed");
        Conv2DParams second = conv(r, 16, 32);
        simd.prepare(second);
        assertEquals(firstBytes, simd.preparedBytes(), "the second one is past the budget");
        same(simd, first, r);
        same(simd, second, r);
        assertTrue(simd.preparedBytes() <= firstBytes + 100);
    }
}
