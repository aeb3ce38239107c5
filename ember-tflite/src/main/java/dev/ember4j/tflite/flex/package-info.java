/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A read-only, bounds-checked FlexBuffers reader for the {@code custom_options} of custom operators
 * (e.g. TFLite_Detection_PostProcess): every offset, size and width is checked, and malformed bytes are a
 * {@link dev.ember4j.core.ModelFormatException}. Exported to the operator registry only.
 */
package dev.ember4j.tflite.flex;
