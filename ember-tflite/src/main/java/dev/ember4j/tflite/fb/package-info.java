/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * A bounds-checked, read-only view of FlatBuffers data: tables, vectors and scalars read with every offset
 * checked against the buffer, so that hostile files fail with a {@link
 * dev.ember4j.core.ModelFormatException}. Exported only to the operator registry (ember-ops), which reads
 * operator options through it.
 */
package dev.ember4j.tflite.fb;
