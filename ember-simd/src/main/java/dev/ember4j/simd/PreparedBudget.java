/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of packed weights and constants one backend keeps for its operators. Float weights take four
 * times the int8 bytes of a model, and per-slot requantization constants more for odd channel counts, so a
 * large or hostile model could make the vector kernels' prepared data outgrow the heap at load; past the
 * budget, operators run the reference kernels instead (same bytes, slower). Default: a quarter of the
 * maximum heap, at most 1 GiB; {@code -Dember.simd.maxPreparedBytes=N} sets it.
 */
final class PreparedBudget {
    private final long limit;
    private final AtomicLong used = new AtomicLong();

    PreparedBudget(long limit) {
        this.limit = limit;
    }

    static long defaultLimit() {
        long fromHeap = Math.min(Runtime.getRuntime().maxMemory() / 4, 1L << 30);
        return Long.getLong("ember.simd.maxPreparedBytes", fromHeap);
    }

    /** Takes {@code bytes} from the budget if they fit. */
    boolean take(long bytes) {
        while (true) {
            long now = used.get();
            if (bytes > limit - now) {
                return false;
            }
            if (used.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    long used() {
        return used.get();
    }
}
