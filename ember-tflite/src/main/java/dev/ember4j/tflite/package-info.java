/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * TensorFlow Lite model files: {@link dev.ember4j.tflite.ModelReader} parses a flatbuffer into a {@link
 * dev.ember4j.tflite.TfliteModel} (tensors, quantization, operators), checking every offset and size so
 * that a malformed file fails with a {@link dev.ember4j.core.ModelFormatException} naming the item, and
 * {@link dev.ember4j.tflite.BuiltinOperator} names TFLite's builtin operators.
 */
package dev.ember4j.tflite;
