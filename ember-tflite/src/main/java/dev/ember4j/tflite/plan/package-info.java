/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The arena memory planner: tensor lifetimes, greedy placement and in-place aliasing
 * (RESHAPE), giving every non-constant tensor an offset in one byte array. {@link
 * dev.ember4j.tflite.plan.MemoryPlan} is the result, reported by {@code ember inspect}.
 */
package dev.ember4j.tflite.plan;
