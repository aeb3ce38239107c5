/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code ADD} operator of the registry: its prepare (options and checks, parameters computed once before
 * inference). The int8 form runs through {@link dev.ember4j.core.KernelBackend} (reference kernel in
 * ember-ref, vector kernel in ember-simd); the kernels of the other types TFLite supports (int16 activations,
 * legacy uint8) are here. docs/OPERATORS.md lists the supported types. Exported because generated model
 * classes may name its kernels and parameter records; it is not meant to be called directly.
 */
package dev.ember4j.ops.add;
