/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Ember4j on Apache Spark: {@link dev.ember4j.spark.EmberSpark} registers SQL functions
 * ({@code ember_predict} and its companions) and {@link dev.ember4j.spark.EmberModel} is a Spark ML
 * transformer. Both give the Interpreter's bytes on every executor, check a model on the driver before
 * any task runs, and prepare each model once per executor JVM ({@link dev.ember4j.spark.ModelCache}).
 * See docs/SPARK.md.
 */
package dev.ember4j.spark;
