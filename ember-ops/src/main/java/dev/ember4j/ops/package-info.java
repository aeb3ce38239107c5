/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The operator registry: {@link dev.ember4j.ops.Operators} lists every operator Ember4j runs, one package per
 * operator, and is registered as the {@link dev.ember4j.tflite.prepare.OperatorSet} service. docs/OPERATORS.md
 * has the table of operators and the recipe for adding one.
 */
package dev.ember4j.ops;
