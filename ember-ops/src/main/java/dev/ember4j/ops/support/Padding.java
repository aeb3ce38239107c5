/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.tflite.prepare.OpContext;

/**
 * Output size and leading padding of one spatial dimension, as TFLite's ComputePaddingHeightWidth, and
 * the stride and dilation the kernels should use. Those are the model's, except where they cannot
 * change the result: a single output position reads the same window whatever the stride, and a
 * one-tap filter the same input whatever the dilation. Normalising them keeps hostile values (a stride
 * of 2^30 on a 1x1 output) from sizing kernel work or loops; a stride that matters is below the input
 * size, a dilation that matters is bounded by the int check below.
 */
public record Padding(int outputSize, int before, int stride, int dilation) {
    public static final int SAME = 0;
    public static final int VALID = 1;

    public static Padding of(OpContext ctx, int padding, int input, int filter, int stride, int dilation) {
        if (stride <= 0 || dilation <= 0 || filter <= 0) {
            throw ctx.error("stride " + stride + ", dilation " + dilation + " and filter size " + filter
                    + " must all be positive");
        }
        long effectiveFilter = (long) (filter - 1) * dilation + 1;
        if (effectiveFilter > Integer.MAX_VALUE) {
            // kernels index taps as dilation * tap in int arithmetic
            throw ctx.error("filter size " + filter + " with dilation " + dilation + " spans " + effectiveFilter
                    + " positions, beyond the int range");
        }
        long out;
        if (padding == SAME) {
            out = (input + (long) stride - 1) / stride;
        } else if (padding == VALID) {
            out = (input + (long) stride - effectiveFilter) / stride;
        } else {
            throw ctx.error("unknown padding type " + padding);
        }
        if (out <= 0) {
            throw ctx.error("filter " + filter + " (dilation " + dilation + ") does not fit input size " + input);
        }
        long total = (out - 1) * stride + effectiveFilter - input;
        int before = total > 0 ? (int) (total / 2) : 0;
        return new Padding((int) out, before, out == 1 ? 1 : stride, filter == 1 ? 1 : dilation);
    }
}
