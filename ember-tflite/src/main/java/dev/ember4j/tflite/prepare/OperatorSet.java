/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import java.util.List;

/**
 * A list of {@link OperatorSpec}s, found with {@link java.util.ServiceLoader} (ember-ops registers
 * its registry in {@code META-INF/services/dev.ember4j.tflite.prepare.OperatorSet}).
 */
public interface OperatorSet {
    List<OperatorSpec> operators();
}
