/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.CELL_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.CELL_TO;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.FORGET_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.HIDDEN;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.INPUT_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.INPUT_TO;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.LAYER_NORM;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.OUTPUT_GATE;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.PROJECTION;
import static dev.ember4j.ops.unidirectionalsequencelstm.LstmParams.RECURRENT_TO;

/**
 * TFLite 2.21's EvalInteger8x8_16 / LstmStepInteger8x8_16: per step, each gate is the requantized int8
 * matmuls of input and output state (int16, saturating), plus the peephole, optionally layer-normalized,
 * then sigmoid (tanh for the cell gate) in gemmlowp int16 fixed point; the cell state is
 * forget * cell + input * cell gate (CIFG: (1 - forget) * cell gate), clipped; the output state is
 * output gate * tanh(cell) requantized to int8, optionally projected and clipped, and copied to the output.
 * Time major runs the whole batch per step; batch major runs each sequence on its own, as TFLite does.
 */
public final class LstmKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<LstmParams> KERNEL = LstmKernel::run;

    private LstmKernel() {}

    /** Operator input positions of the weights (TFLite's lstm::full tensor indices). */
    static final int INPUT_TO_WEIGHTS = 1;
    static final int RECURRENT_TO_WEIGHTS = 5;
    static final int CELL_TO_WEIGHTS = 9; // input, forget, output only (no cell-to-cell)
    static final int PROJECTION_WEIGHTS = 16;
    static final int LAYER_NORM_WEIGHTS = 20;

    public static void run(LstmParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        int nIn = p.inputSize();
        int nOut = p.outputSize();
        int nb = p.stepBatch();
        int inStart = in[0].start();
        int outStart = out[0].start();
        if (p.timeMajor()) {
            for (int t = 0; t < p.time(); t++) {
                step(p, in, arena, scratch, nb, inStart + t * nb * nIn, 0, 0, out[0], outStart + t * nb * nOut);
            }
        } else {
            for (int b = 0; b < p.batch(); b++) {
                for (int t = 0; t < p.time(); t++) {
                    int row = b * p.time() + t;
                    step(p, in, arena, scratch, 1, inStart + row * nIn, b * nOut, 2 * b * p.cells(), out[0],
                            outStart + row * nOut);
                }
            }
        }
    }

    /**
     * One LstmStepInteger8x8_16 over {@code nb} rows: input at byte {@code xs}, state rows starting
     * {@code stateOffset} / {@code cellOffset} bytes into the state tensors, output written at {@code ys}.
     */
    private static void step(LstmParams p, Slot[] in, byte[] arena, byte[] scratch, int nb, int xs, int stateOffset,
                             int cellOffset, Slot out, int ys) {
        int nCell = p.cells();
        int count = nb * nCell;
        byte[] state = in[1].array(arena);
        int ss = in[1].start() + stateOffset;
        byte[] cell = in[2].array(arena);
        int cs = in[2].start() + cellOffset;
        int inputGate = gateStart(INPUT_GATE, count);
        int forgetGate = gateStart(FORGET_GATE, count);
        int cellGate = gateStart(CELL_GATE, count);
        int outputGate = gateStart(OUTPUT_GATE, count);
        int hidden = 8 * count;

        if (!p.cifg()) {
            gate(p, in, arena, INPUT_GATE, nb, xs, ss, cs, scratch, inputGate);
        }
        gate(p, in, arena, FORGET_GATE, nb, xs, ss, cs, scratch, forgetGate);
        gate(p, in, arena, CELL_GATE, nb, xs, ss, cs, scratch, cellGate);

        // cell = forget * cell + input * cell gate; the forget buffer then holds the second product
        int cellScale = p.cellScale();
        LstmTensorUtils.cwiseMul(scratch, forgetGate, cell, cs, count, 15, cell, cs);
        if (p.cifg()) {
            LstmTensorUtils.sub1(scratch, forgetGate, count);
            LstmTensorUtils.cwiseMul(scratch, forgetGate, scratch, cellGate, count, 30 + cellScale, scratch, forgetGate);
        } else {
            LstmTensorUtils.cwiseMul(scratch, inputGate, scratch, cellGate, count, 30 + cellScale, scratch, forgetGate);
        }
        LstmTensorUtils.cwiseAdd(cell, cs, scratch, forgetGate, count);
        if (p.cellClip() > 0) {
            LstmTensorUtils.clip16(cell, cs, count, p.cellClip());
        }

        gate(p, in, arena, OUTPUT_GATE, nb, xs, ss, cs, scratch, outputGate);

        // hidden = output gate * tanh(cell), int8; tanh(cell) goes to the input gate's buffer (TFLite's scratch0)
        LstmTensorUtils.tanh(15 + cellScale, cell, cs, count, scratch, inputGate);
        LstmTensorUtils.cwiseMul8(scratch, outputGate, scratch, inputGate, count, p.multipliers()[HIDDEN],
                p.shifts()[HIDDEN], p.hiddenZeroPoint(), scratch, hidden);
        int nOut = p.outputSize();
        if (p.projection()) {
            java.util.Arrays.fill(state, ss, ss + nb * nOut, (byte) 0);
            Slot w = in[p.slots()[PROJECTION_WEIGHTS]];
            LstmTensorUtils.matMulAccumulate8(scratch, hidden, w.array(arena), w.start(), p.projectionBias(),
                    p.multipliers()[PROJECTION], p.shifts()[PROJECTION], nb, nCell, nOut, p.outputStateZeroPoint(),
                    state, ss);
            if (p.projClip() > 0) {
                LstmTensorUtils.clip8(state, ss, nb * nOut, p.projClip());
            }
        } else {
            System.arraycopy(scratch, hidden, state, ss, nb * nOut);
        }
        System.arraycopy(state, ss, out.array(arena), ys, nb * nOut);
    }

    private static int gateStart(int gate, int count) {
        return 2 * gate * count;
    }

    /** CalculateLstmGateInteger8x8_16 into the int16 buffer at {@code gs} of the scratch. */
    private static void gate(LstmParams p, Slot[] in, byte[] arena, int g, int nb, int xs, int ss, int cs,
                             byte[] scratch, int gs) {
        int nCell = p.cells();
        int count = nb * nCell;
        java.util.Arrays.fill(scratch, gs, gs + 2 * count, (byte) 0);
        int[] m = p.multipliers();
        int[] s = p.shifts();
        Slot wi = in[p.slots()[INPUT_TO_WEIGHTS + g]];
        LstmTensorUtils.matMulAccumulate16(in[0].array(arena), xs, wi.array(arena), wi.start(), p.inputBias(),
                g * nCell, m[INPUT_TO + g], s[INPUT_TO + g], nb, p.inputSize(), nCell, scratch, gs);
        Slot wr = in[p.slots()[RECURRENT_TO_WEIGHTS + g]];
        LstmTensorUtils.matMulAccumulate16(in[1].array(arena), ss, wr.array(arena), wr.start(), p.recurrentBias(),
                g * nCell, m[RECURRENT_TO + g], s[RECURRENT_TO + g], nb, p.outputSize(), nCell, scratch, gs);
        if (p.peephole() && g != CELL_GATE) {
            // TFLite passes n_output as the vector size here (equal to n_cell without projection)
            Slot wc = in[p.slots()[CELL_TO_WEIGHTS + (g == OUTPUT_GATE ? 2 : g)]];
            LstmTensorUtils.vectorBatchProductAccumulate(wc.array(arena), wc.start(), p.outputSize(),
                    in[2].array(arena), cs, nb, m[CELL_TO + g], s[CELL_TO + g], scratch, gs);
        }
        if (p.layerNorm()) {
            Slot wn = in[p.slots()[LAYER_NORM_WEIGHTS + g]];
            LstmTensorUtils.layerNorm(scratch, gs, wn.array(arena), wn.start(), p.layerNormBias(), g * nCell,
                    m[LAYER_NORM + g], s[LAYER_NORM + g], p.varianceGuard()[g], nb, nCell);
        }
        if (g == CELL_GATE) {
            LstmTensorUtils.tanh(3, scratch, gs, count, scratch, gs);
        } else {
            LstmTensorUtils.sigmoid(scratch, gs, count);
        }
    }
}
