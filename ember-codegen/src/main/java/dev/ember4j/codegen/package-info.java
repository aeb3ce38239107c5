/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Ahead-of-time code generation: {@link dev.ember4j.codegen.ModelCodegen} turns a prepared model into the
 * source of one Java class (fixed arena offsets, one backend call per operator) and one weights resource,
 * used by the {@code @Model} annotation processor, the Maven plugin and {@code ember generate}.
 */
package dev.ember4j.codegen;
