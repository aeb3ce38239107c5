/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.plan;

/**
 * Where each arena tensor lives and when.
 *
 * @param offsets    arena offset per tensor index, -1 for tensors outside the arena
 * @param firstUse   operator index where the tensor's buffer becomes live (-1 outside the arena)
 * @param lastUse    operator index after which the buffer is free
 * @param arenaBytes bytes the plan occupies
 * @param lowerBound the largest total of simultaneously live buffer bytes: no plan can be smaller
 */
public record MemoryPlan(int[] offsets, int[] firstUse, int[] lastUse, int arenaBytes, int lowerBound) {

    public int offset(int tensor) {
        return offsets[tensor];
    }

    public int firstUse(int tensor) {
        return firstUse[tensor];
    }

    public int lastUse(int tensor) {
        return lastUse[tensor];
    }

    public boolean inArena(int tensor) {
        return offsets[tensor] >= 0;
    }
}
