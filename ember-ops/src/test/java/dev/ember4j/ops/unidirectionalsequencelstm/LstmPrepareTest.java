/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Preparation of the integer LSTM: a well-formed operator's parameters, and every malformed or
 * unsupported variant refused at load with a message naming the operator and the offending item.
 */
class LstmPrepareTest {
    private static final int BATCH = 2;
    private static final int TIME = 3;
    private static final int INPUT = 4;
    private static final int CELLS = 4;

    /** The parts of one LSTM operator; tests change fields, then {@link #prepare}. */
    static final class Spec {
        TensorType inputType = TensorType.INT8;
        int[] inputShape = {BATCH, TIME, INPUT};
        int inputCount = 24;
        boolean cifg;
        boolean halfCifg;
        boolean peephole;
        boolean partialPeephole;
        boolean layerNorm;
        boolean projection;
        boolean projectionBiasOnly;
        int outputs = CELLS;
        int weightColumns = INPUT;
        int weightZeroPoint;
        TensorType cellStateType = TensorType.INT16;
        boolean cellStateVariable = true;
        int[] cellStateShape = {BATCH, CELLS};
        float cellStateScale = 1f / 2048;
        int[] outputShape;
        int intermediates = 5;
        boolean hiddenQuantized = true;
        float cellClip;
        float projClip;
        boolean timeMajor;
        boolean diagonal;
        boolean inputGateBiasWithCifg;
    }

    static Prepared prepare(Consumer<Spec> change) {
        Spec s = new Spec();
        change.accept(s);
        OpFixture f = new OpFixture();
        int[] in = new int[s.inputCount];
        Arrays.fill(in, -1);
        in[0] = f.tensor(s.inputType, 1f / 32, -3, s.inputShape);
        int nOut = s.outputs;
        for (int g = 0; g < 4; g++) {
            boolean inputGate = g == 0;
            if (!(inputGate && s.cifg)) {
                in[1 + g] = weights(f, CELLS, s.weightColumns, s.weightZeroPoint);
            }
            if (!(inputGate && (s.cifg || s.halfCifg))) {
                in[5 + g] = weights(f, CELLS, nOut, 0);
            }
            if (!(inputGate && s.cifg) || s.inputGateBiasWithCifg) {
                in[12 + g] = f.int32Constant(new int[CELLS], CELLS);
            }
        }
        if (s.peephole || s.partialPeephole) {
            for (int k = s.cifg ? 1 : 0; k < (s.partialPeephole ? 2 : 3); k++) {
                in[9 + k] = int16Vector(f, CELLS);
            }
        }
        if (s.projection) {
            in[16] = weights(f, nOut, CELLS, 0);
            in[17] = f.int32Constant(new int[nOut], nOut);
        } else if (s.projectionBiasOnly) {
            in[17] = f.int32Constant(new int[nOut], nOut);
        }
        int batch = s.timeMajor ? s.inputShape[1] : s.inputShape[0];
        in[18] = f.variable(TensorType.INT8, 1f / 128, 2, batch, nOut);
        in[19] = s.cellStateVariable ? f.variable(s.cellStateType, s.cellStateScale, 0, s.cellStateShape)
                : f.tensor(s.cellStateType, s.cellStateScale, 0, s.cellStateShape);
        if (s.layerNorm && s.inputCount == 24) {
            for (int g = s.cifg ? 1 : 0; g < 4; g++) {
                in[20 + g] = int16Vector(f, CELLS);
            }
        }
        int[] outShape = s.outputShape != null ? s.outputShape
                : new int[] {s.inputShape[0], s.inputShape[1], nOut};
        int out = f.tensor(TensorType.INT8, 1f / 128, 2, outShape);
        int[] intermediates = new int[s.intermediates];
        for (int i = 0; i < s.intermediates; i++) {
            boolean quantized = i == 4 ? s.hiddenQuantized : s.layerNorm;
            intermediates[i] = quantized ? f.tensor(i == 4 ? TensorType.INT8 : TensorType.INT16, 1f / 1000, 0, 0)
                    : f.unquantized(TensorType.FLOAT32, 0);
        }
        var options = OpFixture.options(4, Float.floatToIntBits(s.cellClip), Float.floatToIntBits(s.projClip),
                s.timeMajor ? 1 : 0, 0, s.diagonal ? 1 : 0);
        return new UnidirectionalSequenceLstmOp().prepare(f.context(BuiltinOperator.UNIDIRECTIONAL_SEQUENCE_LSTM, in,
                new int[] {out}, 71, options, intermediates));
    }

    private static int weights(OpFixture f, int rows, int cols, int zeroPoint) {
        byte[] data = new byte[rows * cols];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37 % 255 - 127);
        }
        return f.constant(TensorType.INT8, quantization(1f / 100, zeroPoint), data, rows, cols);
    }

    private static int int16Vector(OpFixture f, int n) {
        ByteBuffer b = ByteBuffer.allocate(2 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            b.putShort((short) (1000 * (i + 1)));
        }
        return f.constant(TensorType.INT16, quantization(1f / 16384, 0), b.array(), n);
    }

    private static Quantization quantization(float scale, int zeroPoint) {
        return new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
    }

    private static void refused(Class<? extends EmberException> type, String fragment, Consumer<Spec> change) {
        EmberException e = assertThrows(type, () -> prepare(change));
        assertTrue(e.getMessage().startsWith("operator 0 (UNIDIRECTIONAL_SEQUENCE_LSTM)"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void wellFormedOperatorPrepares() {
        LstmParams p = (LstmParams) prepare(s -> { }).params();
        assertEquals(BATCH, p.batch());
        assertEquals(TIME, p.time());
        assertEquals(CELLS, p.cells());
        assertEquals(-11, p.cellScale());
        assertFalse(p.cifg() || p.peephole() || p.layerNorm() || p.projection());
        assertEquals(9 * CELLS, p.scratchBytes()); // batch major: one sequence per step
        // input 0, both states, 8 weight matrices: the biases are folded into the parameters
        assertEquals(11, prepare(s -> { }).dataInputs().length);
        // bias 0 minus input zero point (-3) times the row sums
        int[] expected = new int[CELLS];
        for (int r = 0; r < CELLS; r++) {
            for (int c = 0; c < INPUT; c++) {
                expected[r] += 3 * (byte) ((r * INPUT + c) * 37 % 255 - 127);
            }
        }
        assertArrayEquals(expected, Arrays.copyOf(p.inputBias(), CELLS));
    }

    @Test
    void variantsPrepare() {
        LstmParams all = (LstmParams) prepare(s -> {
            s.cifg = true;
            s.peephole = true;
            s.layerNorm = true;
            s.projection = true;
            s.outputs = 3;
            s.cellClip = 1f;
            s.projClip = 0.5f;
            s.timeMajor = true;
            s.inputShape = new int[] {TIME, BATCH, INPUT};
            s.cellStateShape = new int[] {BATCH * CELLS};
        }).params();
        assertTrue(all.cifg() && all.peephole() && all.layerNorm() && all.projection() && all.timeMajor());
        assertEquals(2048, all.cellClip());
        assertEquals(64, all.projClip());
        assertEquals(9 * BATCH * CELLS, all.scratchBytes());
        assertFalse(((LstmParams) prepare(s -> s.inputCount = 20).params()).layerNorm());
    }

    @Test
    void malformedOperatorsAreModelFormatErrors() {
        refused(ModelFormatException.class, "20 or 24", s -> s.inputCount = 21);
        refused(ModelFormatException.class, "intermediates", s -> s.intermediates = 0);
        refused(ModelFormatException.class, "intermediates", s -> s.intermediates = 4);
        refused(ModelFormatException.class, "no quantization", s -> s.hiddenQuantized = false);
        refused(ModelFormatException.class, "not a variable", s -> s.cellStateVariable = false);
        refused(ModelFormatException.class, "elements expected", s -> s.cellStateShape = new int[] {BATCH, CELLS + 1});
        refused(ModelFormatException.class, "input_to_input_weights", s -> s.weightColumns = INPUT + 1);
        refused(ModelFormatException.class, "output", s -> s.outputShape = new int[] {BATCH, TIME, CELLS + 1});
        refused(ModelFormatException.class, "both present or both absent", s -> s.halfCifg = true);
        refused(ModelFormatException.class, "input_gate_bias", s -> {
            s.cifg = true;
            s.inputGateBiasWithCifg = true;
        });
        refused(ModelFormatException.class, "peephole", s -> s.partialPeephole = true);
        refused(ModelFormatException.class, "projection_bias", s -> s.projectionBiasOnly = true);
        refused(ModelFormatException.class, "cell_clip", s -> s.cellClip = -1f);
        refused(ModelFormatException.class, "cell_clip", s -> s.cellClip = Float.NaN);
    }

    @Test
    void unsupportedVariantsAreRefused() {
        refused(UnsupportedOperatorException.class, "FLOAT32", s -> s.inputType = TensorType.FLOAT32);
        refused(UnsupportedOperatorException.class, "cell_state", s -> s.cellStateType = TensorType.INT8);
        refused(UnsupportedOperatorException.class, "power of two", s -> s.cellStateScale = 1f / 2000);
        refused(UnsupportedOperatorException.class, "2^-15 .. 2^-9", s -> s.cellStateScale = 1f / 256);
        refused(UnsupportedOperatorException.class, "rank-3", s -> s.inputShape = new int[] {BATCH, INPUT});
        refused(UnsupportedOperatorException.class, "zero point", s -> s.weightZeroPoint = 1);
        refused(UnsupportedOperatorException.class, "diagonal", s -> s.diagonal = true);
        refused(UnsupportedOperatorException.class, "n_output", s -> s.outputs = CELLS + 1);
        refused(UnsupportedOperatorException.class, "peephole", s -> {
            s.peephole = true;
            s.projection = true;
            s.outputs = CELLS + 1;
        });
    }
}
