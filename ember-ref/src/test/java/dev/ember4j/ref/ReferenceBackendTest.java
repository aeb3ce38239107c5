/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ref;

import static dev.ember4j.ref.TestUtil.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.ops.SoftmaxParams;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class ReferenceBackendTest {

    @Test
    void isTheExtensibleRefBackend() {
        KernelBackend backend = new ReferenceBackend();
        assertEquals("ref", backend.name());
        assertEquals(0, backend.scratchBytes(new SoftmaxParams(1, 4, 1 << 30, 26, -10)));
        int modifiers = ReferenceBackend.class.getModifiers();
        assertTrue(Modifier.isPublic(modifiers));
        assertFalse(Modifier.isFinal(modifiers), "optimized backends extend it");
    }

    @Test
    void subclassesCanOverrideOneOperatorAndInheritTheRest() {
        ReferenceBackend custom = new ReferenceBackend() {
            @Override
            public void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                                  byte[] scratch) {
                output[outputOffset] = 42;
            }
        };
        PoolParams p = new PoolParams(1, 1, 2, 1, 1, 1, 1, 2, 1, 1, 0, 0, -128, 127);
        byte[] out = new byte[1];
        custom.maxPool2d(p, bytes(1, 2), 0, out, 0, null);
        assertEquals(42, out[0]);
        custom.averagePool2d(p, bytes(1, 2), 0, out, 0, null);
        assertEquals(2, out[0]); // 1.5 -> 2
    }

    @Test
    void rejectsBuffersTooSmallBeforeWritingAnything() {
        ReferenceBackend backend = new ReferenceBackend();
        PoolParams p = new PoolParams(1, 2, 2, 1, 1, 1, 2, 2, 2, 2, 0, 0, -128, 127);
        byte[] out = bytes(7);
        assertThrows(IndexOutOfBoundsException.class, () -> backend.averagePool2d(p, bytes(1, 2, 3), 0, out, 0, null));
        assertThrows(IndexOutOfBoundsException.class, () -> backend.averagePool2d(p, bytes(1, 2, 3, 4), 1, out, 0, null));
        assertThrows(IndexOutOfBoundsException.class, () -> backend.maxPool2d(p, bytes(1, 2, 3, 4), 0, out, 1, null));
        assertEquals(7, out[0]);
    }
}
