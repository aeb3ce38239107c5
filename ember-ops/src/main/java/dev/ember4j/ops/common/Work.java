/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import java.util.Arrays;

/**
 * Working arrays of the calling thread, sized when an operator is prepared on this thread (or on its
 * first run on another thread) and then reused, so that runs allocate nothing; per thread because
 * one backend may serve several threads. Each kernel sizes its tables in one method that both its
 * prepare and its run call, so the sizes cannot diverge.
 */
public final class Work {
    private static final ThreadLocal<Work> CURRENT = ThreadLocal.withInitial(Work::new);

    /** Table ids; arrays in use at the same time have distinct ids. */
    public static final int CONV_COLUMNS = 0, CONV_ACC = 1, CONV_OUTPUT_ROW = 2, CONV_PICK = 3, CONV_COEF = 4,
            DW_TERMS = 5, DW_SLOT_HOLDS = 6, DW_PHASES = 7, DW_ACC = 8, DW_WEIGHT_PICK = 9, DW_TERM_PICK = 10;
    private static final int TABLES = 11;

    private final int[][][] tables = new int[TABLES][][];

    private Work() {}

    public static Work get() {
        return CURRENT.get();
    }

    /** Table {@code id} with at least {@code count} rows of at least {@code length} ints; contents unspecified. */
    public int[][] rows(int id, int count, int length) {
        int[][] t = tables[id];
        if (t == null || t.length < count) {
            t = t == null ? new int[count][] : Arrays.copyOf(t, count);
            tables[id] = t;
        }
        // Rows grow one by one, so memory follows the largest use of each row, not count x length maxima.
        for (int i = 0; i < count; i++) {
            if (t[i] == null || t[i].length < length) {
                t[i] = new int[length];
            }
        }
        return t;
    }

    /** Row 0 of table {@code id}: at least {@code length} ints, contents unspecified. */
    public int[] row(int id, int length) {
        return rows(id, 1, length)[0];
    }

    /** Table {@code id} as last sized by {@link #rows}. */
    public int[][] table(int id) {
        return tables[id];
    }

    /** Row 0 of table {@code id} as last sized by {@link #row(int, int)}. */
    public int[] row(int id) {
        return tables[id][0];
    }
}
