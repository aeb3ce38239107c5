/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.it.app;

import dev.ember4j.core.CompiledModel;
import dev.ember4j.core.Model;

/** sin(x): the processor generates {@link SineModel} into this module. */
@Model("sine.tflite")
public interface Sine extends CompiledModel {
}
