/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.util.List;

/**
 * A model as an executor JVM holds it once, whatever number of tasks, partitions and queries use it: its
 * bytes, their SHA-256 (the cache key), and what was learnt by preparing it once (inputs, outputs, state).
 * Interpreters for it come from {@link ModelCache#pool}; the bytes are shared by all of them and must not
 * be changed.
 *
 * @param sha256        lower-case hex SHA-256 of {@code bytes}
 * @param bytes         the .tflite flatbuffer (shared, not copied)
 * @param inputs        the model inputs
 * @param outputs       the model outputs
 * @param variableCount variable tensors (state); 0 for a stateless model
 */
public record CachedModel(String sha256, byte[] bytes, List<TensorSpec> inputs, List<TensorSpec> outputs,
                          int variableCount) {
    public CachedModel {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    public boolean stateful() {
        return variableCount > 0;
    }

    /** The sha256 shortened for messages. */
    String shortSha() {
        return sha256.substring(0, 12);
    }
}
