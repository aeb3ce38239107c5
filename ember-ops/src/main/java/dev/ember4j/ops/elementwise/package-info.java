/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Element-wise functions shared by the math operators (ABS, NEG, EXP, LOG, SQRT, RSQRT, ELU, ...): float and
 * integer kernels evaluated as TFLite's C++ evaluates them, and int8 lookup tables built at prepare as TFLite
 * builds them. Exported because generated model classes may name its kernels and parameter records; it is not
 * meant to be called directly.
 */
package dev.ember4j.ops.elementwise;
