/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code SPACE_TO_DEPTH} operator of the registry: its prepare (options and checks, parameters computed
 * once before inference), parameter record and reference kernel. docs/OPERATORS.md lists the supported types.
 * Exported because generated model classes may name its kernels and parameter records; it is not meant to be
 * called directly.
 */
package dev.ember4j.ops.spacetodepth;
