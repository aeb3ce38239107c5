/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedKernel;
import dev.ember4j.ops.testkit.OperatorCalls;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static dev.ember4j.simd.DifferentialTest.bias;
import static dev.ember4j.simd.DifferentialTest.bytes;
import static dev.ember4j.simd.DifferentialTest.multipliers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Past its budget of packed data the backend runs the reference kernels: same bytes, bounded memory. */
class PreparedBudgetTest {
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

    /** The operator on simd gives the reference kernels' bytes. */
    private static <P extends OperatorParams> void same(SimdBackend simd, P p, OpKernel<P> reference, int inputSize,
                                                        int outputSize, Random r) {
        byte[] in = bytes(r, inputSize);
        byte[] want = new byte[outputSize];
        byte[] got = new byte[outputSize];
        new OperatorCalls(new ReferenceBackend()).run(p, reference, want, 0, -1, -1, in, 0);
        new OperatorCalls(simd).run(p, reference, got, 0, -1, -1, in, 0);
        assertArrayEquals(want, got, String.valueOf(p));
    }

    private static void same(SimdBackend simd, Conv2DParams p, Random r) {
        same(simd, p, Conv2DKernel.KERNEL, p.inputSize(), p.outputSize(), r);
    }

    private static void same(SimdBackend simd, DepthwiseConv2DParams p, Random r) {
        same(simd, p, DepthwiseConv2DKernel.KERNEL, p.inputSize(), p.outputSize(), r);
    }

    private static void same(SimdBackend simd, FullyConnectedParams p, Random r) {
        same(simd, p, FullyConnectedKernel.KERNEL, p.inputSize(), p.outputSize(), r);
    }

    /** Binds the operator on {@code simd}, as binding a model would; true when a simd kernel was chosen. */
    private static <P extends OperatorParams> boolean bind(SimdBackend simd, P p) {
        return !simd.bind(p, OperatorCalls.reference(p)).isReference();
    }

    @Test
    void noBudgetRunsEverythingOnTheReferenceKernels() {
        Random r = new Random(21);
        SimdBackend simd = new SimdBackend(0);
        for (int i = 0; i < 5; i++) {
            Conv2DParams c = conv(r, 1 + r.nextInt(20), 1 + r.nextInt(40));
            assertFalse(bind(simd, c));
            same(simd, c, r);
            DepthwiseConv2DParams d = depthwise(r, 1 + r.nextInt(40));
            assertFalse(bind(simd, d));
            same(simd, d, r);
            FullyConnectedParams f = fc(r, 1 + r.nextInt(300), 1 + r.nextInt(40));
            assertFalse(bind(simd, f));
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
        assertTrue(bind(simd, first));
        assertEquals(firstBytes, simd.preparedBytes(), "the first convolution is packed");
        Conv2DParams second = conv(r, 16, 32);
        assertFalse(bind(simd, second));
        assertEquals(firstBytes, simd.preparedBytes(), "the second one is past the budget");
        same(simd, first, r);
        same(simd, second, r);
        assertTrue(simd.preparedBytes() <= firstBytes + 100);
    }
}
