/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.util.Locale;

/**
 * What a function or {@link EmberModel} does with a row whose value cannot be scored (null, wrong length,
 * null element): fail the task with a message naming the column and both sizes, or answer null for that
 * row. Model problems (unreadable, malformed, unsupported) always fail: they concern every row.
 */
public enum OnError {
    /** Throw {@link EmberRowException}; Spark fails the task and then the job. The default. */
    FAIL,
    /** Answer null for the row and go on. */
    NULL;

    /** "fail" or "null", any case. @throws IllegalArgumentException for anything else */
    public static OnError parse(String value) {
        if (value != null) {
            switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "fail": return FAIL;
                case "null": return NULL;
                default: break;
            }
        }
        throw new IllegalArgumentException("onError must be 'fail' or 'null', got '" + value + "'");
    }

    /** The option's value as written: "fail" or "null". */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
