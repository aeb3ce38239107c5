/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The engine's core contracts: the {@link dev.ember4j.core.KernelBackend} service that runs operators
 * (implemented by ember-ref's reference backend and ember-simd's vector backend, found with
 * java.util.ServiceLoader), the {@link dev.ember4j.core.CompiledModel} interface of generated model
 * classes, tensor types, and the exceptions a model can cause at load time ({@link
 * dev.ember4j.core.ModelFormatException}, {@link dev.ember4j.core.UnsupportedOperatorException}, {@link
 * dev.ember4j.core.ArenaTooSmallException}).
 */
package dev.ember4j.core;
