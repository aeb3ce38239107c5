/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The byte-moving core shared by the data-movement operators: strided box copies planned once in prepare
 * (TRANSPOSE, STRIDED_SLICE, SLICE, PAD) and the checks of the operators that alias or only move elements.
 * Exported because generated model classes may name its kernels and parameter records; it is not meant to be
 * called directly.
 */
package dev.ember4j.ops.copy;
