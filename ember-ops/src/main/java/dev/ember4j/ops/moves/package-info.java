/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Copy programs shared by the data-movement operators (SPLIT, PACK, GATHER, DEPTH_TO_SPACE, MIRROR_PAD, ...):
 * lists of strided copies between inputs and outputs built once in prepare, run without allocating. Exported
 * because generated model classes may name its kernels and parameter records; it is not meant to be called
 * directly.
 */
package dev.ember4j.ops.moves;
