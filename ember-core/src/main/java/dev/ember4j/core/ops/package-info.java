/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * What a backend runs: the immutable parameter records of the classic operators (CONV_2D,
 * DEPTHWISE_CONV_2D, FULLY_CONNECTED, the pools, SOFTMAX, ADD), the {@link
 * dev.ember4j.core.ops.OperatorParams} and {@link dev.ember4j.core.ops.OpKernel} contracts of the
 * registry's operators, and {@link dev.ember4j.core.ops.Slot}, a tensor's place in the arena or in constant
 * data. Parameters are computed once at prepare; kernels read them and allocate nothing.
 */
package dev.ember4j.core.ops;
