/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.CompiledModel;
import dev.ember4j.core.Model;

/** Visual wake words (no person, person): the processor generates {@link PersonDetectModel}. */
@Model("person_detect.tflite")
public interface PersonDetect extends CompiledModel {
    /** Class labels, in output order. */
    String[] LABELS = {"no person", "person"};
}
