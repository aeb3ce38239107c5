/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * What the reduction operators share: their geometry computed once in prepare, the reading of their axes and
 * options, the int8 kernel of REDUCE_MAX and REDUCE_MIN and the float32 kernel of SUM, REDUCE_MAX and
 * REDUCE_MIN. Exported because generated model classes may name its kernels and parameter records; it is not
 * meant to be called directly.
 */
package dev.ember4j.ops.reduce;
