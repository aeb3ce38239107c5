/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Arithmetic and checks shared by many operator packages: TFLite's requantization and activation ranges for
 * every quantized type, lookup tables, padding, bias handling, broadcast walks and little-endian element
 * access. Exported because generated model classes may name its kernels and parameter records; it is not meant
 * to be called directly.
 */
package dev.ember4j.ops.support;
