/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Kernel-time code shared by several operators' reference kernels and by backends: little-endian element
 * access ({@code Le}, {@code Elem}), the broadcast walk, byte lookup tables ({@code LutParams},
 * {@code LutKernel}, and the builders of the int8 and int16 tables), requantization of int rows and of the
 * wide accumulators, float helpers reproducing glibc and x86, the per-thread working arrays, argument checks
 * of the parameter records, the row geometry of image kernels ({@code RowKernel}). Needs only ember-core:
 * nothing here reads a model. Exported because generated classes and backends name its records and kernels.
 */
package dev.ember4j.ops.common;
