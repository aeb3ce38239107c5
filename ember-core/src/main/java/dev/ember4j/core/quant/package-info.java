/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * TensorFlow Lite's fixed-point quantization arithmetic, reproduced bit for bit: quantized multipliers
 * formed as TFLite forms them, rounding doubling high multiplication and rounding right shifts, and fused
 * activation ranges. Backends use it to stay bit-exact with the reference kernels.
 */
package dev.ember4j.core.quant;
