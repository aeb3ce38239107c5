/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Running models: {@link dev.ember4j.runtime.Interpreter} loads, prepares and memory-plans a TensorFlow
 * Lite model once, then runs it with {@code invoke()} allocating nothing; {@link
 * dev.ember4j.runtime.InterpreterBuilder} chooses the backend (by name, found with
 * java.util.ServiceLoader), arena, threads and {@link dev.ember4j.runtime.OpResolver}. The
 * other front door, a model compiled into a Java class at build time, is the
 * {@link dev.ember4j.core.Model @Model} annotation (ember-processor).
 */
package dev.ember4j.runtime;
