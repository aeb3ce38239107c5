/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.zeroslike;

import dev.ember4j.core.ops.OperatorParams;

/** ZEROS_LIKE: {@code bytes} zero bytes. */
public record ZerosLikeParams(int bytes) implements OperatorParams {
}
