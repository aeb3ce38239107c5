/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Int16Sigmoid;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, TFLite 2.21's integer 8x8_16 path (unidirectional_sequence_lstm.cc with
 * an int8 input): int8 input and weights, int32 gate biases, optional CIFG, peephole (int16), layer norm
 * (int16 coefficients) and projection (int8 weights, int32 bias), int8 output state and int16 cell state
 * in variable tensors, five intermediates carrying the gate and hidden quantization. The float and hybrid
 * paths are refused. Everything TFLite's Prepare checks is checked here, plus what its kernel would
 * read out of bounds.
 */
public final class UnidirectionalSequenceLstmOp implements OperatorSpec {
    private static final int OPTIONS = 71; // BuiltinOptions.UnidirectionalSequenceLSTMOptions
    private static final String[] GATE = {"input", "forget", "cell", "output"};
    private static final int FORGET_BIAS = 12; // input, forget, cell, output gate biases at 12..15
    private static final int PROJECTION_BIAS = 17;
    private static final int OUTPUT_STATE = 18;
    private static final int CELL_STATE = 19;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        int inputs = ctx.inputCount();
        if (inputs != 20 && inputs != 24) {
            throw ctx.error("has " + inputs + " inputs, TFLite's LSTM takes 20 or 24");
        }
        ctx.expectOutputs(1);
        Table o = ctx.options(OPTIONS, "UnidirectionalSequenceLSTMOptions");
        float cellClip = OpContext.f32(o, 1, 0f);
        float projClip = OpContext.f32(o, 2, 0f);
        boolean timeMajor = OpContext.bool(o, 3, false);
        if (OpContext.bool(o, 5, false)) {
            throw ctx.unsupported("diagonal_recurrent_tensors is not supported");
        }
        if (!(cellClip >= 0) || !(projClip >= 0)) {
            throw ctx.error("cell_clip " + cellClip + " and proj_clip " + projClip + " must be >= 0");
        }

        TensorDef in = ctx.input(0);
        if (in.type() != TensorType.INT8) {
            throw ctx.unsupported("input " + in.label() + " has type " + in.type()
                    + "; only the integer 8x8_16 LSTM (int8 input) is supported, not the float or hybrid ones");
        }
        ctx.quantized(in, "input", TensorType.INT8);
        if (in.shape().length != 3) {
            throw ctx.unsupported("input " + in.label() + " has shape " + in.shapeString()
                    + "; TFLite's LSTM reads a rank-3 input");
        }
        int time = timeMajor ? in.shape()[0] : in.shape()[1];
        int batch = timeMajor ? in.shape()[1] : in.shape()[0];
        int nInput = in.shape()[2];

        TensorDef[] inputWeights = new TensorDef[4];
        TensorDef[] recurrentWeights = new TensorDef[4];
        for (int g = 0; g < 4; g++) {
            inputWeights[g] = weight(ctx, LstmKernel.INPUT_TO_WEIGHTS + g, "input_to_" + GATE[g] + "_weights", g == 0);
            recurrentWeights[g] = weight(ctx, LstmKernel.RECURRENT_TO_WEIGHTS + g,
                    "recurrent_to_" + GATE[g] + "_weights", g == 0);
        }
        boolean cifg = inputWeights[0] == null;
        if (cifg != (recurrentWeights[0] == null)) {
            throw ctx.error("input_to_input_weights and recurrent_to_input_weights must be both present or both absent");
        }
        ctx.requireRank(inputWeights[3], 2, "input_to_output_weights");
        ctx.requireRank(recurrentWeights[3], 2, "recurrent_to_output_weights");
        int nCell = inputWeights[3].shape()[0];
        int nOutput = recurrentWeights[3].shape()[1];
        for (int g = cifg ? 1 : 0; g < 4; g++) {
            ctx.requireShape(inputWeights[g], new int[] {nCell, nInput}, "input_to_" + GATE[g] + "_weights");
            ctx.requireShape(recurrentWeights[g], new int[] {nCell, nOutput}, "recurrent_to_" + GATE[g] + "_weights");
        }

        // Peephole: cell_to_input (9, absent with CIFG), cell_to_forget (10), cell_to_output (11), int16 [n_cell].
        TensorDef[] cellWeights = new TensorDef[4];
        int[] peepholeGate = {0, 1, 3};
        for (int k = 0; k < 3; k++) {
            TensorDef t = ctx.optionalInput(LstmKernel.CELL_TO_WEIGHTS + k);
            if (t != null) {
                vector(ctx, t, nCell, TensorType.INT16, "cell_to_" + GATE[peepholeGate[k]] + "_weights");
            }
            cellWeights[peepholeGate[k]] = t;
        }
        boolean peephole = cellWeights[3] != null;
        boolean allPeephole = (cellWeights[0] != null || cifg) && cellWeights[1] != null && cellWeights[3] != null;
        boolean noPeephole = cellWeights[0] == null && cellWeights[1] == null && cellWeights[3] == null;
        if (!allPeephole && !noPeephole) {
            throw ctx.error("peephole weights (inputs 9-11) must be all present or all absent");
        }
        if (peephole && nOutput > nCell) {
            // TFLite's peephole loop runs over n_output elements of the n_cell weights
            throw ctx.unsupported("peephole with n_output " + nOutput + " > n_cell " + nCell
                    + ": TFLite's kernel reads past the peephole weights");
        }

        TensorDef[] bias = new TensorDef[4];
        for (int g = 0; g < 4; g++) {
            bias[g] = ctx.optionalInput(FORGET_BIAS + g);
            if (g == 0 && cifg) {
                if (bias[0] != null) {
                    throw ctx.error("input_gate_bias must be absent without input weights (CIFG)");
                }
                continue;
            }
            if (bias[g] == null) {
                throw ctx.error("required input " + (FORGET_BIAS + g) + " (" + GATE[g] + "_gate_bias) is missing");
            }
            vector(ctx, bias[g], nCell, TensorType.INT32, GATE[g] + "_gate_bias");
        }

        TensorDef projectionWeights = weight(ctx, LstmKernel.PROJECTION_WEIGHTS, "projection_weights", true);
        TensorDef projectionBias = ctx.optionalInput(PROJECTION_BIAS);
        boolean projection = projectionWeights != null;
        if (projection) {
            ctx.requireShape(projectionWeights, new int[] {nOutput, nCell}, "projection_weights");
        } else if (projectionBias != null) {
            throw ctx.error("projection_bias without projection_weights");
        } else if (nOutput > nCell) {
            throw ctx.unsupported("n_output " + nOutput + " > n_cell " + nCell + " without projection: TFLite's "
                    + "kernel copies past its hidden buffer");
        }
        if (projectionBias != null) {
            vector(ctx, projectionBias, nOutput, TensorType.INT32, "projection_bias");
        }

        // Layer norm when input 21 (forget coefficients) is present in a 24-input operator.
        boolean layerNorm = inputs == 24 && ctx.optionalInput(LstmKernel.LAYER_NORM_WEIGHTS + 1) != null;
        TensorDef[] layerNormWeights = new TensorDef[4];
        if (layerNorm) {
            for (int g = 0; g < 4; g++) {
                TensorDef t = ctx.optionalInput(LstmKernel.LAYER_NORM_WEIGHTS + g);
                String role = GATE[g] + "_layer_norm_coefficients";
                if (g == 0 && cifg) {
                    if (t != null) {
                        throw ctx.error(role + " must be absent with CIFG");
                    }
                    continue;
                }
                if (t == null) {
                    throw ctx.error("required input " + (LstmKernel.LAYER_NORM_WEIGHTS + g) + " (" + role + ") is missing");
                }
                vector(ctx, t, nCell, TensorType.INT16, role);
                layerNormWeights[g] = t;
            }
        }

        TensorDef outputState = state(ctx, OUTPUT_STATE, "output_state", TensorType.INT8, (long) batch * nOutput);
        TensorDef cellState = state(ctx, CELL_STATE, "cell_state", TensorType.INT16, (long) batch * nCell);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        ctx.requireShape(out, new int[] {in.shape()[0], in.shape()[1], nOutput}, "output");

        if (ctx.intermediateCount() != 5) {
            throw ctx.error("has " + ctx.intermediateCount() + " intermediates, the integer LSTM needs 5 (gate "
                    + "scales and the hidden state quantization)");
        }
        float[] intermediateScale = new float[5];
        for (int i = 0; i < 5; i++) {
            if (i < 4 && !layerNorm) {
                intermediateScale[i] = (float) Math.pow(2, -12); // Q3.12 for the activations
                continue;
            }
            intermediateScale[i] = intermediateQuantization(ctx, i).scale(0);
        }
        int hiddenZeroPoint = intermediateQuantization(ctx, 4).zeroPoint(0);
        if (hiddenZeroPoint < -128 || hiddenZeroPoint > 127) {
            throw ctx.error("hidden intermediate zero point " + hiddenZeroPoint + " is outside the int8 range");
        }

        int[] log2 = Int16Sigmoid.checkedLog2(ctx.scale(cellState));
        if (log2 == null) {
            throw ctx.unsupported("cell_state " + cellState.label() + " scale " + ctx.scale(cellState)
                    + " is not a power of two (TFLite's CheckedLog2)");
        }
        int cellScale = log2[0];
        if (cellScale < -15 || cellScale > -9) {
            // tanh of the cell state runs with 15 + cell_scale integer bits, which TFLite supports up to 6
            throw ctx.unsupported("cell_state scale 2^" + cellScale + " is outside 2^-15 .. 2^-9");
        }

        float[] inputWeightScale = new float[4];
        float[] recurrentWeightScale = new float[4];
        float[] cellWeightScale = new float[4];
        float[] layerNormScale = new float[4];
        Arrays.fill(cellWeightScale, 1.0f);
        Arrays.fill(layerNormScale, 1.0f);
        for (int g = cifg ? 1 : 0; g < 4; g++) {
            inputWeightScale[g] = ctx.scale(inputWeights[g]);
            recurrentWeightScale[g] = ctx.scale(recurrentWeights[g]);
            if (peephole && cellWeights[g] != null) {
                cellWeightScale[g] = scaleOf(ctx, cellWeights[g], "cell_to_" + GATE[g] + "_weights");
            }
            if (layerNorm) {
                layerNormScale[g] = scaleOf(ctx, layerNormWeights[g], GATE[g] + "_layer_norm_coefficients");
            }
        }
        if (cifg) {
            inputWeightScale[0] = 1.0f;
            recurrentWeightScale[0] = 1.0f;
        }
        float projectionScale = projection ? ctx.scale(projectionWeights) : 1.0f;
        LstmQuantization.Scales scales = new LstmQuantization.Scales(ctx.scale(in), ctx.scale(outputState),
                inputWeightScale, recurrentWeightScale, cellWeightScale, layerNormScale, projectionScale,
                intermediateScale, cellScale);
        int[][] ms = LstmQuantization.multipliers(scales, cifg, peephole);

        // Folded biases: minus each zero point times the weight row sums (the goldens confirm the hidden one too).
        int inputZeroPoint = ctx.zeroPoint(in);
        int outputStateZeroPoint = ctx.zeroPoint(outputState);
        int[] inputBias = new int[4 * nCell];
        int[] recurrentBias = new int[4 * nCell];
        int[] layerNormBias = layerNorm ? new int[4 * nCell] : null;
        for (int g = cifg ? 1 : 0; g < 4; g++) {
            int[] b = ctx.int32Constant(bias[g], GATE[g] + "_gate_bias");
            if (layerNorm) {
                System.arraycopy(b, 0, layerNormBias, g * nCell, nCell);
            }
            LstmQuantization.foldZeroPoint(-inputZeroPoint, ctx.constant(inputWeights[g], "input weights"), nCell,
                    nInput, layerNorm ? null : b, inputBias, g * nCell);
            LstmQuantization.foldZeroPoint(-outputStateZeroPoint, ctx.constant(recurrentWeights[g], "recurrent weights"),
                    nCell, nOutput, null, recurrentBias, g * nCell);
        }
        int[] projectionBiasValues = null;
        if (projection) {
            projectionBiasValues = new int[nOutput];
            LstmQuantization.foldZeroPoint(-hiddenZeroPoint, ctx.constant(projectionWeights, "projection_weights"),
                    nOutput, nCell, projectionBias == null ? null : ctx.int32Constant(projectionBias, "projection_bias"),
                    projectionBiasValues, 0);
        }

        // Kernel slots: input, output state, cell state, then every constant weight tensor present.
        int[] slots = new int[24];
        Arrays.fill(slots, -1);
        List<Integer> dataInputs = new ArrayList<>(List.of(0, OUTPUT_STATE, CELL_STATE));
        slots[0] = 0;
        slots[OUTPUT_STATE] = 1;
        slots[CELL_STATE] = 2;
        for (int position : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 16, 20, 21, 22, 23}) {
            if (position >= 20 && !layerNorm) {
                break;
            }
            TensorDef t = ctx.optionalInput(position);
            if (t != null) {
                ctx.constant(t, "weights input " + position);
                slots[position] = dataInputs.size();
                dataInputs.add(position);
            }
        }
        long scratch = 9L * (timeMajor ? batch : 1) * nCell;
        if (scratch > Integer.MAX_VALUE / 2) {
            throw ctx.unsupported("scratch of " + scratch + " bytes is too large");
        }
        LstmParams p = new LstmParams(batch, time, nInput, nCell, nOutput, timeMajor, cifg, peephole, layerNorm,
                projection, slots, ms[0], ms[1], LstmQuantization.varianceGuards(layerNormScale), inputBias,
                recurrentBias, layerNormBias, projectionBiasValues, cellScale,
                LstmQuantization.cellClip(cellClip, ctx.scale(cellState)), LstmQuantization.projClip(projClip, ctx.scale(out)),
                hiddenZeroPoint, outputStateZeroPoint);
        return Prepared.of(p, LstmKernel.KERNEL, dataInputs.stream().mapToInt(Integer::intValue).toArray());
    }

    /** An int8 weight matrix with one scale (its zero point must be 0: TFLite ignores it), or null if optional and absent. */
    private static TensorDef weight(OpContext ctx, int position, String role, boolean optional) {
        TensorDef t = optional ? ctx.optionalInput(position) : ctx.input(position);
        if (t == null) {
            return null;
        }
        ctx.quantized(t, role, TensorType.INT8);
        ctx.requireRank(t, 2, role);
        singleScale(ctx, t, role);
        if (ctx.zeroPoint(t) != 0) {
            throw ctx.unsupported(role + " " + t.label() + " has zero point " + ctx.zeroPoint(t)
                    + "; TFLite's integer LSTM takes symmetric weights (it ignores the zero point)");
        }
        ctx.constant(t, role);
        return t;
    }

    /** A constant [n] vector of the given type (biases, peephole and layer norm weights). */
    private static void vector(OpContext ctx, TensorDef t, int n, TensorType type, String role) {
        ctx.requireType(t, type, role);
        ctx.requireShape(t, new int[] {n}, role);
        ctx.constant(t, role);
    }

    private static float scaleOf(OpContext ctx, TensorDef t, String role) {
        ctx.quantized(t, role, t.type());
        singleScale(ctx, t, role);
        return ctx.scale(t);
    }

    private static void singleScale(OpContext ctx, TensorDef t, String role) {
        if (t.quantization() != null && t.quantization().perChannel()) {
            throw ctx.unsupported(role + " " + t.label() + " is quantized per channel; TFLite's LSTM reads one scale");
        }
    }

    private static TensorDef state(OpContext ctx, int position, String role, TensorType type, long elements) {
        TensorDef t = ctx.input(position);
        ctx.quantized(t, role, type);
        singleScale(ctx, t, role);
        if (!t.isVariable()) {
            throw ctx.error(role + " " + t.label() + " is not a variable tensor");
        }
        if (t.elementCount() != elements) {
            throw ctx.error(role + " " + t.label() + " has shape " + t.shapeString() + ", " + elements
                    + " elements expected");
        }
        return t;
    }

    private static Quantization intermediateQuantization(OpContext ctx, int i) {
        TensorDef t = ctx.intermediate(i);
        Quantization q = t.quantization();
        if (q == null) {
            throw ctx.error("intermediate " + i + " " + t.label() + " has no quantization");
        }
        return q;
    }
}
