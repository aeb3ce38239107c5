/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The reference backend, {@link dev.ember4j.ref.ReferenceBackend} ("ref"): TensorFlow Lite's reference
 * kernels for the classic int8 operators in plain Java, one small kernel class per operator. It is the
 * oracle every other backend is tested against and the default backend of the Interpreter.
 */
package dev.ember4j.ref;
