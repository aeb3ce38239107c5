/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Kernel-time code shared by several operators' reference kernels (requantization of int rows, the
 * per-thread working arrays, argument checks of the parameter records, image row geometry). Needs only
 * ember-core: nothing here reads a model.
 */
package dev.ember4j.ops.common;
