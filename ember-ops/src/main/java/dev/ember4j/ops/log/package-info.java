/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code LOG} operator of the registry: its prepare (options and checks, parameters computed once before
 * inference), running on a 256-entry lookup table (int8) or the element-wise kernels of {@link
 * dev.ember4j.ops.elementwise}. docs/OPERATORS.md lists the supported types. Exported because generated model
 * classes may name its kernels and parameter records; it is not meant to be called directly.
 */
package dev.ember4j.ops.log;
