/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Intra-operator parallelism: {@link dev.ember4j.core.parallel.ParallelBackend} wraps any backend and
 * splits the large convolutions by output rows over the calling thread and worker threads started once,
 * with the same output bytes and nothing allocated per inference.
 */
package dev.ember4j.core.parallel;
