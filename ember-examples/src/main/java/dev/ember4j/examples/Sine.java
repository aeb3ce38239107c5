/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.CompiledModel;
import dev.ember4j.core.Model;

/** sin(x) regression: the processor generates {@link SineModel} from sine.tflite. */
@Model("sine.tflite")
public interface Sine extends CompiledModel {
}
