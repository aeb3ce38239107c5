/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.ops.common.RowShaped;
import dev.ember4j.ops.common.Checks;
/**
 * FULLY_CONNECTED, int8: {@code batches} rows of {@code inputDepth} values times the
 * [outputDepth][inputDepth] weight matrix. Unlike the convolutions, TFLite 2.21's reference kernel
 * requantizes with a single rounding ({@code FixedPoint.multiplyByQuantizedMultiplierSingleRounding}).
 *
 * @param filterOffset     the negated weight zero point (0 for symmetric int8 weights)
 * @param outputMultiplier one multiplier (per-tensor weights) or one per output channel
 * @param bias             int32 per output channel, or null
 */
public record FullyConnectedParams(
        int batches, int inputDepth, int outputDepth,
        int inputOffset, int filterOffset, int outputOffset,
        byte[] filter, int[] bias, int[] outputMultiplier, int[] outputShift,
        int activationMin, int activationMax) implements RowShaped {

    public FullyConnectedParams {
        Checks.positive("fully connected shape", batches, inputDepth, outputDepth);
        Checks.length("fully connected filter", filter, (long) outputDepth * inputDepth);
        if (bias != null) {
            Checks.length("fully connected bias", bias, outputDepth);
        }
        Checks.multipliers(outputMultiplier, outputShift, outputDepth);
        Checks.range(activationMin, activationMax);
    }

    /** True when every output channel has its own multiplier. */
    public boolean perChannel() {
        return outputMultiplier.length == outputDepth && outputDepth > 1;
    }

    /** The units kernels compute and split: output channels. */
    @Override
    public int units() {
        return outputDepth;
    }

    @Override
    public int inputSize() {
        return batches * inputDepth;
    }

    @Override
    public int outputSize() {
        return batches * outputDepth;
    }

    @Override
    public long macs() {
        return (long) batches * inputDepth * outputDepth;
    }

    /** What {@code ember inspect} shows of this operator. */
    @Override
    public java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("rows", batches());
        m.put("depth", inputDepth());
        m.put("units", outputDepth());
        m.put("activation_min", activationMin());
        m.put("activation_max", activationMax());
        m.put("per_channel", outputMultiplier().length > 1);
        m.put("bias", bias() != null);
        m.put("input_offset", inputOffset());
        m.put("filter_offset", filterOffset());
        m.put("output_offset", outputOffset());
        return m;
    }
}
