/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reference;

import static dev.ember4j.ops.reference.TestUtil.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.KernelTable;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.pool.PoolKernels;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.ops.softmax.SoftmaxKernel;
import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.ops.testkit.OperatorCalls;
import org.junit.jupiter.api.Test;

class ReferenceBackendTest {

    @Test
    void bindsEveryOperatorToItsReferenceKernel() {
        KernelBackend backend = new ReferenceBackend();
        assertEquals("ref", backend.name());
        SoftmaxParams p = new SoftmaxParams(1, 4, 1 << 30, 26, -10);
        BoundKernel<SoftmaxParams> b = backend.bind(p, SoftmaxKernel.KERNEL);
        assertSame(SoftmaxKernel.KERNEL, b.kernel());
        assertTrue(b.isReference());
        assertEquals("ref/reference", b.describe());
        assertEquals(0, b.kernel().scratchBytes(p));
        assertTrue(backend.kernels().isEmpty());
    }

    @Test
    void aBackendReplacesOneOperatorThroughItsTableAndKeepsTheRest() {
        KernelTable table = KernelTable.builder("custom")
                .add(PoolParams.class, "forty-two", 1, q -> q.filterWidth() == 2,
                        q -> (pp, in, out, arena, scratch) -> arena[out[0].start()] = 42)
                .build();
        KernelBackend custom = new KernelBackend() {
            @Override
            public String name() {
                return "custom";
            }

            @Override
            public <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
                return table.bind(params, reference);
            }
        };
        OperatorCalls calls = new OperatorCalls(custom);
        PoolParams p = new PoolParams(1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 0, 0, -128, 127);
        byte[] out = new byte[1];
        calls.maxPool2d(p, bytes(1, 2), 0, out, 0);
        assertEquals(42, out[0]);
        assertEquals("custom/forty-two", custom.bind(p, PoolKernels.MAX).describe());
        assertSame(custom.bind(p, PoolKernels.MAX), custom.bind(p, PoolKernels.MAX), "chosen once per operator");
        PoolParams wide = new PoolParams(1, 1, 3, 1, 1, 1, 1, 3, 1, 1, 0, 0, -128, 127);
        calls.maxPool2d(wide, bytes(1, 2, 3), 0, out, 0);
        assertEquals(3, out[0], "the condition does not hold: the reference kernel runs");
        calls.softmax(new SoftmaxParams(1, 1, 1 << 30, 26, -10), bytes(5), 0, out, 0);
        assertEquals(127, out[0], "an operator the table does not name runs its reference kernel");
    }

    @Test
    void rejectsBuffersTooSmallBeforeWritingAnything() {
        PoolParams p = new PoolParams(1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 0, 0, -128, 127);
        byte[] arena = bytes(1, 2, 3, 4, 7);
        Slot[] out = {Slot.arena(4)};
        assertThrows(IndexOutOfBoundsException.class,
                () -> PoolKernels.AVERAGE.run(p, new Slot[] {Slot.arena(2)}, out, arena, null));
        assertThrows(IndexOutOfBoundsException.class,
                () -> PoolKernels.MAX.run(p, new Slot[] {Slot.arena(0)}, new Slot[] {Slot.arena(5)}, arena, null));
        assertThrows(IndexOutOfBoundsException.class,
                () -> PoolKernels.MAX.run(p, new Slot[] {Slot.constant(bytes(1, 2, 3))}, out, arena, null));
        assertEquals(7, arena[4]);
    }
}
