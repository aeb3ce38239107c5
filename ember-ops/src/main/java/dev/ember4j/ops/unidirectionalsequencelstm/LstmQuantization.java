/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.quant.QuantizedMultiplier;

import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.CELL_TO;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.FORGET_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.HIDDEN;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.INPUT_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.INPUT_TO;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.LAYER_NORM;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.MULTIPLIERS;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.OUTPUT_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.PROJECTION;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.RECURRENT_TO;

/**
 * TFLite's PopulateQuantizedLstmParams8x8_16 and PopulatePrecomputedZPTimesWeightsWithBias: effective
 * scales formed with TFLite's exact float and double types, quantized multipliers, clips and the
 * zero points folded into the biases.
 */
final class LstmQuantization {
    private LstmQuantization() {}

    /** Scales TFLite reads; 1.0 (its default_scale) for absent tensors. */
    record Scales(float input, float outputState, float[] inputWeights, float[] recurrentWeights,
                  float[] cellWeights, float[] layerNorm, float projectionWeights, float[] intermediate,
                  int cellScale) {}

    /** multipliers and shifts, indexed as {@link LstmParams#multipliers()}. */
    static int[][] multipliers(Scales s, boolean cifg, boolean peephole) {
        // default_scale for every effective scale TFLite does not compute (absent gates)
        float[] effective = new float[MULTIPLIERS];
        java.util.Arrays.fill(effective, 1.0f);
        for (int g = 0; g < 4; g++) {
            if (g == INPUT_GATE && cifg) {
                continue;
            }
            // float products and quotients, as the C++ (all operands float)
            effective[INPUT_TO + g] = s.inputWeights()[g] * s.input() / s.intermediate()[g];
            effective[RECURRENT_TO + g] = s.recurrentWeights()[g] * s.outputState() / s.intermediate()[g];
        }
        // std::pow(2, -15) is a double: the quotient and product are double, stored to float
        effective[HIDDEN] = (float) (Math.pow(2, -15) / s.intermediate()[4] * Math.pow(2, -15));
        effective[PROJECTION] = s.projectionWeights() * s.intermediate()[4] / s.outputState();
        if (peephole) {
            for (int g : new int[] {INPUT_GATE, FORGET_GATE, OUTPUT_GATE}) {
                if (g == INPUT_GATE && cifg) {
                    continue;
                }
                effective[CELL_TO + g] = (float) (Math.pow(2, s.cellScale()) * s.cellWeights()[g] / s.intermediate()[g]);
            }
        }
        for (int g = 0; g < 4; g++) {
            effective[LAYER_NORM + g] = s.layerNorm()[g];
        }
        int[] multipliers = new int[MULTIPLIERS];
        int[] shifts = new int[MULTIPLIERS];
        for (int i = 0; i < MULTIPLIERS; i++) {
            QuantizedMultiplier q = QuantizedMultiplier.of(effective[i]);
            multipliers[i] = q.multiplier();
            shifts[i] = q.shift();
        }
        return new int[][] {multipliers, shifts};
    }

    /** std::max(1, static_cast<int32_t>(10000 * layer_norm_scale)) per gate (float product, truncated). */
    static int[] varianceGuards(float[] layerNormScales) {
        int[] guard = new int[4];
        for (int g = 0; g < 4; g++) {
            guard[g] = Math.max(1, (int) (10000 * layerNormScales[g]));
        }
        return guard;
    }

    /** static_cast<int16_t>(min(max(cell_clip / scale, -32768f), 32767f)), 0 when the clip is 0. */
    static int cellClip(float clip, float cellStateScale) {
        return clip > 0 ? (short) (int) Math.min(Math.max(clip / cellStateScale, -32768.0f), 32767.0f) : 0;
    }

    /** static_cast<int8_t>(min(max(proj_clip / scale, -128f), 127f)), 0 when the clip is 0. */
    static int projClip(float clip, float outputScale) {
        return clip > 0 ? (byte) (int) Math.min(Math.max(clip / outputScale, -128.0f), 127.0f) : 0;
    }

    /**
     * PrecomputeZeroPointTimesWeightWithBias into {@code out} at {@code start}: the bias (or 0) plus
     * {@code zeroPoint} times each weight row's sum, in wrapping int32.
     */
    static void foldZeroPoint(int zeroPoint, byte[] weights, int rows, int cols, int[] bias, int[] out, int start) {
        for (int r = 0; r < rows; r++) {
            int acc = bias == null ? 0 : bias[r];
            if (zeroPoint != 0) {
                int rowSum = 0;
                for (int c = 0; c < cols; c++) {
                    rowSum += weights[r * cols + c];
                }
                acc += rowSum * zeroPoint;
            }
            out[start + r] = acc;
        }
    }
}
