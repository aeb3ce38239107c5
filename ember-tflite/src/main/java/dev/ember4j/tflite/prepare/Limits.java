/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ResourceLimitException;

/**
 * Upper bounds a model must stay within to load: what one inference may ask for. The defaults admit
 * every real TinyML and mobile model seen so far (the largest here: 365 M MACs, 2.5 MB arena) with
 * wide margins, and refuse what only a hostile file asks for. Exceeding one is a
 * {@link ResourceLimitException} at load naming the limit; raise it with the {@code with…} methods
 * (e.g. {@code Limits.DEFAULT.withMaxMacs(...)}, passed to the Interpreter builder's {@code limits}).
 *
 * @param maxArenaBytes   activation memory (the planned arena, variable state included)
 * @param maxScratchBytes working memory any one operator asks for
 * @param maxOperators    operators in the graph
 * @param maxTensors      tensors in the graph
 * @param maxMacs         multiply-accumulates per inference
 */
public record Limits(long maxArenaBytes, long maxScratchBytes, long maxOperators, long maxTensors, long maxMacs) {

    /** 1 GiB arena, 256 MiB scratch, 100,000 operators, 1,000,000 tensors, 10^11 MACs. */
    public static final Limits DEFAULT = new Limits(1L << 30, 1L << 28, 100_000, 1_000_000, 100_000_000_000L);

    /** No limits beyond what the engine can represent (2 GiB arrays). */
    public static final Limits NONE = new Limits(Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE,
            Long.MAX_VALUE);

    public Limits {
        if (maxArenaBytes < 0 || maxScratchBytes < 0 || maxOperators < 0 || maxTensors < 0 || maxMacs < 0) {
            throw new IllegalArgumentException("limits must not be negative: " + this);
        }
    }

    public Limits withMaxArenaBytes(long v) {
        return new Limits(v, maxScratchBytes, maxOperators, maxTensors, maxMacs);
    }

    public Limits withMaxScratchBytes(long v) {
        return new Limits(maxArenaBytes, v, maxOperators, maxTensors, maxMacs);
    }

    public Limits withMaxOperators(long v) {
        return new Limits(maxArenaBytes, maxScratchBytes, v, maxTensors, maxMacs);
    }

    public Limits withMaxTensors(long v) {
        return new Limits(maxArenaBytes, maxScratchBytes, maxOperators, v, maxMacs);
    }

    public Limits withMaxMacs(long v) {
        return new Limits(maxArenaBytes, maxScratchBytes, maxOperators, maxTensors, v);
    }

    void check(String limit, long required, long allowed, String what) {
        if (required > allowed) {
            throw new ResourceLimitException(limit, required, allowed, "the model needs " + required + " " + what
                    + ", more than the limit of " + allowed + " (raise Limits." + limit + ", e.g. Limits.DEFAULT.with"
                    + Character.toUpperCase(limit.charAt(0)) + limit.substring(1) + "(...))");
        }
    }
}
