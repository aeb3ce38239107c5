/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.io.Serializable;
import java.util.Objects;

/**
 * How the SQL functions score: what to do with a bad row, which kernel backend and how many threads each
 * task's interpreter uses, and whether a stateful model may run with its state reset before every row.
 * Serializable: it travels to the executors inside the functions.
 *
 * <p>From a session's configuration ({@link #from(org.apache.spark.sql.RuntimeConfig)}):
 * {@code spark.ember.onError} ({@code fail} | {@code null}), {@code spark.ember.backend} (a backend name;
 * empty or absent: the best one on the executor), {@code spark.ember.threads} (default 1) and
 * {@code spark.ember.resetState} ({@code false} | {@code true}).
 *
 * @param onError    what a row that cannot be scored gives
 * @param backend    backend name ("ref", "simd", ...), or null for the best one available on each executor
 * @param threads    threads per interpreter (1 = the task thread only; Spark already runs one task per core)
 * @param resetState run stateful models with {@code resetVariables()} before every row instead of refusing them
 */
public record EmberOptions(OnError onError, String backend, int threads, boolean resetState) implements Serializable {
    public EmberOptions {
        Objects.requireNonNull(onError, "onError");
        if (backend != null && backend.isBlank()) {
            backend = null;
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Fail on bad rows, the best backend, one thread, stateful models refused. */
    public static EmberOptions defaults() {
        return new EmberOptions(OnError.FAIL, null, 1, false);
    }

    /** The {@code spark.ember.*} settings of a session, defaults for those absent. */
    public static EmberOptions from(org.apache.spark.sql.RuntimeConfig conf) {
        return new EmberOptions(OnError.parse(conf.get("spark.ember.onError", "fail")),
                conf.get("spark.ember.backend", ""),
                Integer.parseInt(conf.get("spark.ember.threads", "1").trim()),
                Boolean.parseBoolean(conf.get("spark.ember.resetState", "false").trim()));
    }

    public EmberOptions withOnError(OnError value) {
        return new EmberOptions(value, backend, threads, resetState);
    }

    public EmberOptions withBackend(String value) {
        return new EmberOptions(onError, value, threads, resetState);
    }

    public EmberOptions withThreads(int value) {
        return new EmberOptions(onError, backend, value, resetState);
    }

    public EmberOptions withResetState(boolean value) {
        return new EmberOptions(onError, backend, threads, value);
    }
}
