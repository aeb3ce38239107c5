/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resourcevariable;

import dev.ember4j.core.ops.Slot;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** READ_VARIABLE and ASSIGN_VARIABLE copy exactly their bytes, from the arena or a constant, and nothing else. */
class VariableKernelsTest {

    @Test
    void readCopiesTheStorageToTheOutput() {
        byte[] arena = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        VariableKernels.read(new VariableCopyParams(3), new Slot[] {Slot.arena(6)}, new Slot[] {Slot.arena(1)}, arena,
                new byte[0]);
        assertArrayEquals(new byte[] {0, 6, 7, 8, 4, 5, 6, 7, 8, 9}, arena);
    }

    @Test
    void assignCopiesTheValueIntoTheStorage() {
        byte[] arena = new byte[8];
        byte[] constant = {11, 12, 13, 14};
        VariableKernels.assign(new VariableCopyParams(4), new Slot[] {Slot.arena(2), Slot.constant(constant)},
                new Slot[0], arena, new byte[0]);
        assertArrayEquals(new byte[] {0, 0, 11, 12, 13, 14, 0, 0}, arena);
        VariableKernels.assign(new VariableCopyParams(2), new Slot[] {Slot.arena(0), Slot.arena(4)}, new Slot[0],
                arena, new byte[0]);
        assertArrayEquals(new byte[] {13, 14, 11, 12, 13, 14, 0, 0}, arena);
    }
}
