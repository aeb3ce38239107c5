/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * The custom operator {@code TFLite_Detection_PostProcess} of the registry (SSD box decoding and fast or
 * regular non-maximum suppression): its prepare (FlexBuffer options and checks, parameters computed once
 * before inference), parameter record and reference kernel. docs/OPERATORS.md lists the supported types.
 * Exported because generated model classes may name its kernels and parameter records; it is not meant to
 * be called directly.
 */
package dev.ember4j.ops.detectionpostprocess;
