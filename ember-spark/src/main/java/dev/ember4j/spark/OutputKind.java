/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.util.Locale;

/** What {@link EmberModel} puts in an output column for a model output. */
public enum OutputKind {
    /** BINARY: the output tensor's raw bytes. */
    RAW,
    /** ARRAY&lt;FLOAT&gt;: the output dequantized ({@code scale * (q - zeroPoint)}, or as it is for float32). */
    FLOAT,
    /** INT: the index of the largest dequantized value (the first on ties). */
    ARGMAX,
    /**
     * ARRAY&lt;STRUCT&lt;index INT, label STRING, score FLOAT&gt;&gt;: the k largest dequantized values, best
     * first (ties: the lower index first), labelled from the transformer's labels.
     */
    TOPK;

    /** "raw", "float", "argmax" or "topk", any case. */
    public static OutputKind parse(String value) {
        for (OutputKind k : values()) {
            if (k.value().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("output kind must be raw, float, argmax or topk, got '" + value + "'");
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
