/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code LOGICAL_AND}, {@code LOGICAL_OR} and {@code LOGICAL_NOT} operators of the registry: their prepare
 * (options and checks, parameters computed once before inference), parameter records and reference kernels.
 * docs/OPERATORS.md lists the supported types. Exported because generated model classes may name their kernels
 * and parameter records; it is not meant to be called directly.
 */
package dev.ember4j.ops.logical;
