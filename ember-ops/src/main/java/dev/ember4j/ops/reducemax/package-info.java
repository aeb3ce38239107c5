/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code REDUCE_MAX} operator of the registry: its prepare (options and checks, parameters computed once
 * before inference), running on the kernel it shares with {@code REDUCE_MIN} ({@link dev.ember4j.ops.reduce}).
 * docs/OPERATORS.md lists the supported types. Exported because generated model classes may name its kernels
 * and parameter records; it is not meant to be called directly.
 */
package dev.ember4j.ops.reducemax;
