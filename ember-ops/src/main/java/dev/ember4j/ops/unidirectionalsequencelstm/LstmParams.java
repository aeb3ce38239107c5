/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Integer (8x8_16) UNIDIRECTIONAL_SEQUENCE_LSTM, as TFLite 2.21's EvalInteger8x8_16 runs it: int8 input
 * [time, batch, input] (time major) or [batch, time, input], int8 weights, int16 cell state and int8
 * output state (variable tensors, updated in place), int8 output.
 *
 * @param slots          kernel slot of each operator input position (0..23), -1 when absent; slot 0 is the
 *                       input, 1 the output state, 2 the cell state, the constant weights follow
 * @param multipliers    quantized multipliers, indexed by {@link #INPUT_TO}, {@link #RECURRENT_TO},
 *                       {@link #CELL_TO}, {@link #LAYER_NORM} (+ gate), {@link #PROJECTION}, {@link #HIDDEN}
 * @param shifts         their shifts, same indices
 * @param varianceGuard  per gate: layer norm variance used when the computed one is below 1
 * @param inputBias      per gate and cell: bias minus input zero point times the weight row sum (TFLite's
 *                       input_to_*_effective_bias; the gate bias is left out with layer norm)
 * @param recurrentBias  per gate and cell: minus output state zero point times the recurrent row sum
 * @param layerNormBias  per gate and cell: the gate biases, which layer norm adds; null without layer norm
 * @param projectionBias per output: projection bias minus hidden zero point times the row sum; null without
 *                       projection
 * @param cellScale      log2 of the cell state scale (in [-15, -9])
 * @param cellClip       quantized cell clip, 0 for none
 * @param projClip       quantized projection clip, 0 for none
 */
public record LstmParams(int batch, int time, int inputSize, int cells, int outputSize, boolean timeMajor,
                         boolean cifg, boolean peephole, boolean layerNorm, boolean projection, int[] slots,
                         int[] multipliers, int[] shifts, int[] varianceGuard, int[] inputBias, int[] recurrentBias,
                         int[] layerNormBias, int[] projectionBias, int cellScale, int cellClip, int projClip,
                         int hiddenZeroPoint, int outputStateZeroPoint) implements OperatorParams {

    /** Gates, in TFLite's order of the weight inputs. */
    static final int INPUT_GATE = 0;
    static final int FORGET_GATE = 1;
    static final int CELL_GATE = 2;
    static final int OUTPUT_GATE = 3;

    static final int INPUT_TO = 0;
    static final int RECURRENT_TO = 4;
    static final int CELL_TO = 8;
    static final int LAYER_NORM = 12;
    static final int PROJECTION = 16;
    static final int HIDDEN = 17;
    static final int MULTIPLIERS = 18;

    /** Rows processed by one step: the whole batch when time major, else one sequence at a time. */
    int stepBatch() {
        return timeMajor ? batch : 1;
    }

    @Override
    public long macs() {
        int gates = cifg ? 3 : 4;
        long perStep = (long) gates * cells * (inputSize + outputSize) + (projection ? (long) cells * outputSize : 0);
        return perStep * batch * time;
    }

    /** Four int16 gate buffers and one int8 hidden buffer of stepBatch * cells, as TFLite's scratch 0-4. */
    @Override
    public int scratchBytes() {
        return 9 * stepBatch() * cells;
    }
}
