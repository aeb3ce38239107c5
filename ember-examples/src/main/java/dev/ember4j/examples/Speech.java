/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.CompiledModel;
import dev.ember4j.core.Model;

/** Keyword spotting (silence, unknown, yes, no): the processor generates {@link SpeechModel}. */
@Model("speech.tflite")
public interface Speech extends CompiledModel {
    /** Class labels, in output order. */
    String[] LABELS = {"silence", "unknown", "yes", "no"};
}
