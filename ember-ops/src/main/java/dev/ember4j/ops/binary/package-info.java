/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Shape and rescaling helpers shared by the two-input element-wise operators (broadcast shapes within the rank
 * limits of TFLite's kernels, TFLite's multiplier forms). Exported because generated model classes may name
 * its kernels and parameter records; it is not meant to be called directly.
 */
package dev.ember4j.ops.binary;
