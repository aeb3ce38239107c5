/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * Prepared, immutable parameters of one operator: only what a kernel needs, computed once before
 * inference. Arrays inside these records are shared and must not be modified.
 *
 * <p>The seven classic operators have records here and methods of their own on
 * {@link dev.ember4j.core.KernelBackend}; every other operator keeps its record next to its kernel in
 * its own package of ember-ops and runs through {@link dev.ember4j.core.KernelBackend#run}.
 */
public interface OperatorParams {

    /** Multiply-accumulates one inference of this operator performs (0 where none). */
    default long macs() {
        return 0;
    }

    /**
     * Work of one inference in multiply-accumulate units, to decide whether splitting it over threads
     * pays: {@link #macs()} by default; element-wise operators count their elements.
     */
    default long work() {
        return macs();
    }

    /**
     * Scratch bytes the reference kernel of a registry operator needs (working memory planned with
     * the arena, never allocated at run time); 0 by default. Classic operators ask their backend.
     */
    default int scratchBytes() {
        return 0;
    }

    /**
     * What {@code ember inspect} shows of this operator, by snake_case key (numbers, booleans, short int
     * arrays); null (the default) to show the record's components as they are. A key "per_channel" is
     * the record's guess, which the inspector replaces by what the weights' quantization says.
     */
    default java.util.Map<String, Object> describe() {
        return null;
    }
}
