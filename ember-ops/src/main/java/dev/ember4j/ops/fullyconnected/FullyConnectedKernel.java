/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.fullyconnected;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.common.RowKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * FULLY_CONNECTED, int8, as TFLite 2.21's reference kernel: one multiplier (per-tensor weights) or
 * one per output channel, requantized with a single rounding (unlike CONV_2D's double rounding).
 */
public final class FullyConnectedKernel {
    private FullyConnectedKernel() {}

    /** The reference kernel of int8 FULLY_CONNECTED; a one-batch operator splits by output channels for threads. */
    public static final OpKernel<FullyConnectedParams> KERNEL = new Reference();

    private static final class Reference extends RowKernel<FullyConnectedParams> {
        /** Output channels of a one-batch operator; 0 (whole runs only) for several batches. */
        @Override
        public int rows(FullyConnectedParams p) {
            return p.batches() == 1 ? p.outputDepth() : 0;
        }

        @Override
        protected void compute(FullyConnectedParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                               int from, int to) {
            fullyConnected(p, input, inputOffset, output, outputOffset, from, to);
        }
    }

    static void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset) {
        fullyConnected(p, input, inputOffset, output, outputOffset, 0, p.outputDepth());
    }

    /** Output channels [cFrom, cTo) of every batch (a part of a multi-threaded run when cFrom > 0 or cTo < depth). */
    static void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset, int cFrom, int cTo) {
        final int batches = p.batches();
        final int inputDepth = p.inputDepth();
        final int outputDepth = p.outputDepth();
        final int inputZeroOffset = p.inputOffset();
        final int filterZeroOffset = p.filterOffset();
        final int outputZeroOffset = p.outputOffset();
        final byte[] filter = p.filter();
        final int[] bias = p.bias();
        final int[] multiplier = p.outputMultiplier();
        final int[] shift = p.outputShift();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();
        // One multiplier per channel, or the single per-tensor one for every channel.
        final int multiplierStride = multiplier.length == outputDepth ? 1 : 0;

        for (int b = 0; b < batches; b++) {
            final int in = inputOffset + b * inputDepth;
            int out = outputOffset + b * outputDepth + cFrom;
            for (int outC = cFrom; outC < cTo; outC++) {
                final int f = outC * inputDepth;
                int acc = 0;
                for (int d = 0; d < inputDepth; d++) {
                    acc += (filter[f + d] + filterZeroOffset) * (input[in + d] + inputZeroOffset);
                }
                if (bias != null) {
                    acc += bias[outC];
                }
                final int q = outC * multiplierStride;
                acc = FixedPoint.multiplyByQuantizedMultiplierSingleRounding(acc, multiplier[q], shift[q]);
                acc += outputZeroOffset;
                output[out++] = (byte) Math.min(Math.max(acc, activationMin), activationMax);
            }
        }
    }
}
