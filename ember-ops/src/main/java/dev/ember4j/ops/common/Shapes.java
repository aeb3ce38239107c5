/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/** Shape arithmetic the parameter records need. */
public final class Shapes {
    private Shapes() {}

    /** Elements of a rank-6 shape. */
    public static long count(int[] shape) {
        long n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }
}
