/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Prepare-time code shared by many operator packages (it reads the model through {@code OpContext}):
 * TFLite's requantization multipliers and activation ranges for every quantized type, padding, bias and
 * float-tensor checks, broadcast shapes, the dispatch by input type. Kernel-time code lives in
 * {@link dev.ember4j.ops.common}; nothing here is needed to run a model.
 */
package dev.ember4j.ops.support;
