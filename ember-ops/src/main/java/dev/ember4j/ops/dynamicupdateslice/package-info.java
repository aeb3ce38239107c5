/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The {@code DYNAMIC_UPDATE_SLICE} operator of the registry (streaming models write ring buffers with it):
 * its prepare, parameter record and reference kernel. docs/OPERATORS.md lists the supported types. Exported
 * because generated model classes may name its kernel and parameter record; it is not meant to be called
 * directly.
 */
package dev.ember4j.ops.dynamicupdateslice;
