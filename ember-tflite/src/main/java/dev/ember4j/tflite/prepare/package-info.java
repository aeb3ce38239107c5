/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Preparation of a model before inference (TFLM's Prepare): {@link
 * dev.ember4j.tflite.prepare.ModelPreparer} checks each operator against the operator registry ({@link
 * dev.ember4j.tflite.prepare.OperatorSet}, a java.util.ServiceLoader service that ember-ops provides),
 * computes its parameters once and memory-plans the result into a {@link
 * dev.ember4j.tflite.prepare.PreparedModel}. {@link dev.ember4j.tflite.prepare.Limits} bounds what a model
 * may ask for.
 */
package dev.ember4j.tflite.prepare;
