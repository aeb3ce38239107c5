/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.filled;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.add.AddKernel;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedKernel;
import dev.ember4j.ops.pool.PoolKernels;
import dev.ember4j.ops.softmax.SoftmaxKernel;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.ops.softmax.SoftmaxParams;
import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kernel must run without allocating: measured with the JVM's per-thread allocation counter. */
class AllocationTest {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 1_000;

    private static com.sun.management.ThreadMXBean threads;
    private static long threadId;

    private final Random random = new Random(7);

    /** The operator's reference kernel on one arena holding its inputs then its output, prepared; a run allocates nothing else. */
    private static <P extends OperatorParams> Runnable call(P p, OpKernel<P> kernel, byte[] out, byte[]... inputs) {
        int size = out.length;
        for (byte[] in : inputs) {
            size += in.length;
        }
        byte[] arena = new byte[size];
        Slot[] in = new Slot[inputs.length];
        int at = 0;
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, arena, at, inputs[i].length);
            in[i] = Slot.arena(at);
            at += inputs[i].length;
        }
        Slot[] o = {Slot.arena(at)};
        byte[] scratch = new byte[kernel.scratchBytes(p)];
        kernel.prepare(p);
        return () -> kernel.run(p, in, o, arena, scratch);
    }

    @BeforeAll
    static void counter() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "no per-thread allocation counter on this JVM");
        threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "no per-thread allocation counter on this JVM");
        threads.setThreadAllocatedMemoryEnabled(true);
        threadId = Thread.currentThread().getId();
        // The first queries may allocate inside the management code; get them out of the way.
        for (int i = 0; i < 10; i++) {
            threads.getThreadAllocatedBytes(threadId);
        }
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private static long allocated() {
        return threads.getThreadAllocatedBytes(threadId);
    }

    @Test
    void conv2d() {
        Conv2DParams p = new Conv2DParams(1, 5, 5, 3, 5, 5, 4, 3, 3, 1, 1, 1, 1, 1, 1, 3, -2,
                randomBytes(4 * 3 * 3 * 3), new int[] {1, -2, 3, -4}, filled(4, 1 << 30), filled(4, -6), -128, 127);
        byte[] in = randomBytes(p.inputSize());
        byte[] out = new byte[p.outputSize()];
        assertNoAllocation("bytes allocated by conv2d", call(p, Conv2DKernel.KERNEL, out, in));
    }

    @Test
    void depthwiseConv2d() {
        DepthwiseConv2DParams p = new DepthwiseConv2DParams(1, 5, 5, 3, 5, 5, 6, 2, 3, 3, 1, 1, 1, 1, 1, 1, 3, -2,
                randomBytes(3 * 3 * 6), null, filled(6, 1 << 30), filled(6, -4), -128, 127);
        byte[] in = randomBytes(p.inputSize());
        byte[] out = new byte[p.outputSize()];
        assertNoAllocation("bytes allocated by depthwiseConv2d", call(p, DepthwiseConv2DKernel.KERNEL, out, in));
    }

    @Test
    void fullyConnected() {
        FullyConnectedParams p = new FullyConnectedParams(2, 32, 10, 5, 0, -1, randomBytes(320), filled(10, 7),
                new int[] {1 << 30}, new int[] {-7}, -128, 127);
        byte[] in = randomBytes(p.inputSize());
        byte[] out = new byte[p.outputSize()];
        assertNoAllocation("bytes allocated by fullyConnected", call(p, FullyConnectedKernel.KERNEL, out, in));
    }

    @Test
    void pooling() {
        PoolParams p = new PoolParams(1, 6, 6, 4, 3, 3, 3, 3, 2, 2, 0, 0, -128, 127);
        byte[] in = randomBytes(p.inputSize());
        byte[] out = new byte[p.outputSize()];
        Runnable average = call(p, PoolKernels.AVERAGE, out, in);
        Runnable max = call(p, PoolKernels.MAX, out, in);
        assertNoAllocation("bytes allocated by pooling", () -> {
                average.run();
                max.run();
        });
    }

    @Test
    void softmax() {
        SoftmaxParams p = SoftmaxKernelTest.params(2, 20, 0.1, 1.0);
        byte[] in = randomBytes(p.size());
        byte[] out = new byte[p.size()];
        assertNoAllocation("bytes allocated by softmax", call(p, SoftmaxKernel.KERNEL, out, in));
    }

    @Test
    void add() {
        int[] shape = {1, 1, 1, 3, 4, 5};
        AddParams flat = AddKernelTest.params(shape, AddParams.denseStrides(shape), AddParams.denseStrides(shape),
                0.1, 2, 0.2, -3, 0.25, 1, -128, 127);
        AddParams broadcast = AddKernelTest.params(shape, AddParams.denseStrides(shape), new int[] {0, 0, 0, 0, 0, 1},
                0.1, 2, 0.2, -3, 0.25, 1, -128, 127);
        byte[] a = randomBytes(flat.size());
        byte[] b = randomBytes(flat.size());
        byte[] out = new byte[flat.size()];
        Runnable elementwise = call(flat, AddKernel.KERNEL, out, a, b);
        Runnable broadcasting = call(broadcast, AddKernel.KERNEL, out, a, b);
        assertNoAllocation("bytes allocated by add", () -> {
                elementwise.run();
                broadcasting.run();
        });
    }

    /**
     * Warms the call up, then measures rounds of calls; JIT compilation may allocate a few bytes in
     * early rounds, so the last of up to 5 rounds must allocate nothing. A kernel that allocates on
     * every call fails all rounds.
     */
    private void assertNoAllocation(String what, Runnable call) {
        for (int i = 0; i < WARM_UP; i++) {
            call.run();
        }
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < 5 && bytes != 0; round++) {
            long before = allocated();
            for (int i = 0; i < MEASURED; i++) {
                call.run();
            }
            bytes = allocated() - before;
        }
        assertEquals(0, bytes, what);
    }
}
