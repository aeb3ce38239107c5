/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.svdf;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Full-integer SVDF: int8 input [batch, inputSize], int8 feature weights [filters, inputSize], int16 time
 * weights [filters, memory], optional int32 bias [units], int16 state [batch, memory * filters] (a
 * variable tensor, updated in place), int8 output [batch, units] with units = filters / rank.
 *
 * @param weightsFeature int8 [filters, inputSize]
 * @param weightsTime    int16 little-endian [filters, memory]
 * @param bias           int32 per unit, or null
 * @param scale1Multiplier multiplier (with {@code scale1Shift}) of input * feature weights to the state scale
 * @param scale2Multiplier multiplier (with {@code scale2Shift}) of state * time weights to the output scale
 */
public record SvdfParams(int batch, int inputSize, int filters, int rank, int memory, byte[] weightsFeature,
                         byte[] weightsTime, int[] bias, int scale1Multiplier, int scale1Shift, int scale2Multiplier,
                         int scale2Shift, int inputZeroPoint, int outputZeroPoint) implements OperatorParams {

    public int units() {
        return filters / rank;
    }

    @Override
    public long macs() {
        return (long) batch * filters * (inputSize + memory);
    }

    /** int32 scratch [batch, filters] and int32 output_temp [batch, units], as TFLite's temporaries. */
    @Override
    public int scratchBytes() {
        return 4 * batch * (filters + units());
    }
}
