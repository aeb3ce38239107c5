/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/** Argument checks shared by the parameter records, so kernels can trust every size they read. */
public final class Checks {
    private Checks() {}

    public static void positive(String what, int... values) {
        for (int v : values) {
            if (v <= 0) {
                throw new IllegalArgumentException(what + " must be positive, got " + v);
            }
        }
    }

    public static void length(String what, Object array, long expected) {
        int actual = array == null ? -1 : java.lang.reflect.Array.getLength(array);
        if (actual != expected) {
            throw new IllegalArgumentException(what + " has length " + actual + ", expected " + expected);
        }
    }

    public static void range(int min, int max) {
        if (min > max || min < -128 || max > 127) {
            throw new IllegalArgumentException("activation range [" + min + ", " + max + "] is not a valid int8 range");
        }
    }

    public static void multipliers(int[] multiplier, int[] shift, int channels) {
        if (multiplier == null || shift == null || multiplier.length != shift.length
                || (multiplier.length != channels && multiplier.length != 1)) {
            throw new IllegalArgumentException("need 1 or " + channels + " output multipliers and as many shifts");
        }
        for (int i = 0; i < multiplier.length; i++) {
            if (multiplier[i] < 0 || shift[i] > 31 || shift[i] < -31) {
                throw new IllegalArgumentException("output multiplier " + i + " out of range: "
                        + multiplier[i] + " * 2^" + shift[i]);
            }
        }
    }
}
