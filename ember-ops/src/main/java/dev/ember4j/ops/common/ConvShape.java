/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record of an int8 convolution over NHWC images (CONV_2D, DEPTHWISE_CONV_2D): its sizes, its rows and
 * what {@code ember inspect} shows, from the components both records share.
 */
public interface ConvShape extends RowShaped {
    int batches();

    int inputHeight();

    int inputWidth();

    int inputDepth();

    int outputHeight();

    int outputWidth();

    int outputDepth();

    int filterHeight();

    int filterWidth();

    int strideHeight();

    int strideWidth();

    int dilationHeight();

    int dilationWidth();

    int padTop();

    int padLeft();

    int inputOffset();

    int outputOffset();

    int[] bias();

    int[] outputMultiplier();

    int activationMin();

    int activationMax();

    /** Output rows (batches x output height): what the kernels compute and split. */
    @Override
    default int units() {
        return batches() * outputHeight();
    }

    @Override
    default int inputSize() {
        return batches() * inputHeight() * inputWidth() * inputDepth();
    }

    @Override
    default int outputSize() {
        return batches() * outputHeight() * outputWidth() * outputDepth();
    }

    /** The fields {@code ember inspect} shows of every convolution, in display order. */
    default Map<String, Object> describeConv() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input_shape", new int[] {batches(), inputHeight(), inputWidth(), inputDepth()});
        m.put("output_shape", new int[] {batches(), outputHeight(), outputWidth(), outputDepth()});
        m.put("filter_height", filterHeight());
        m.put("filter_width", filterWidth());
        m.put("stride_height", strideHeight());
        m.put("stride_width", strideWidth());
        m.put("dilation_height", dilationHeight());
        m.put("dilation_width", dilationWidth());
        m.put("pad_top", padTop());
        m.put("pad_left", padLeft());
        m.put("activation_min", activationMin());
        m.put("activation_max", activationMax());
        m.put("per_channel", outputMultiplier().length > 1);
        m.put("bias", bias() != null);
        m.put("input_offset", inputOffset());
        m.put("output_offset", outputOffset());
        return m;
    }
}
