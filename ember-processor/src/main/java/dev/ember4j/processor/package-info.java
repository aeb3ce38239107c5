/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code @Model} annotation processor: {@link dev.ember4j.processor.ModelProcessor} compiles each model
 * an application annotates into a Java class and weights resource while the application compiles, reporting
 * a missing, malformed or unsupported model as a compile error on the annotation.
 */
package dev.ember4j.processor;
