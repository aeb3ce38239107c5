/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * Images in, labelled answers out: {@link dev.ember4j.media.ImageInput} reads PNG, JPEG and BMP files and
 * writes them into an image input tensor under a documented {@link dev.ember4j.media.PixelConvention};
 * {@link dev.ember4j.media.TopK} turns an output tensor into the top classes with labels and dequantized
 * scores.
 */
package dev.ember4j.media;
