/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.svdf;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVDF's options and tensors: a well-formed operator prepares, every malformed variant is refused at load. */
class SvdfPrepareTest {
    private static final int BATCH = 2;
    private static final int INPUT = 3;
    private static final int FILTERS = 4;
    private static final int MEMORY = 5;

    /** One SVDF operator's parts; tests change fields, then {@link #prepare}. */
    static final class Spec {
        TensorType inputType = TensorType.INT8;
        int rank = 2;
        int activation = 1; // RELU
        int inputCount = 5;
        int featureColumns = INPUT;
        int timeRows = FILTERS;
        TensorType timeType = TensorType.INT16;
        boolean stateVariable = true;
        int[] stateShape = {BATCH, MEMORY * FILTERS};
        int[] outputShape;
        int biasLength = -1; // -1: units
        boolean withBias = true;
    }

    static Prepared prepare(Consumer<Spec> change) {
        Spec s = new Spec();
        change.accept(s);
        int units = FILTERS / Math.max(1, s.rank);
        OpFixture f = new OpFixture();
        int[] in = new int[s.inputCount];
        java.util.Arrays.fill(in, -1);
        in[0] = f.tensor(s.inputType, 1f / 64, 3, BATCH, INPUT);
        if (s.inputCount > 1) {
            in[1] = f.constant(TensorType.INT8, q(1f / 100), new byte[FILTERS * s.featureColumns], FILTERS,
                    s.featureColumns);
        }
        if (s.inputCount > 2) {
            in[2] = f.constant(s.timeType, q(1f / 1000), new byte[s.timeRows * MEMORY * s.timeType.bytes()],
                    s.timeRows, MEMORY);
        }
        if (s.inputCount > 3 && s.withBias) {
            int n = s.biasLength < 0 ? units : s.biasLength;
            in[3] = f.int32Constant(new int[n], n);
        }
        if (s.inputCount > 4) {
            in[4] = s.stateVariable ? f.variable(TensorType.INT16, 1f / 512, 0, s.stateShape)
                    : f.tensor(TensorType.INT16, 1f / 512, 0, s.stateShape);
        }
        int[] outShape = s.outputShape != null ? s.outputShape : new int[] {BATCH, units};
        int out = f.tensor(TensorType.INT8, 1f / 32, -2, outShape);
        return new SvdfOp().prepare(f.context(BuiltinOperator.SVDF, in, new int[] {out}, 6,
                OpFixture.options(s.rank, s.activation)));
    }

    private static Quantization q(float scale) {
        return new Quantization(new float[] {scale}, new long[] {0}, 0);
    }

    private static void refused(Class<? extends EmberException> type, String fragment, Consumer<Spec> change) {
        EmberException e = assertThrows(type, () -> prepare(change));
        assertTrue(e.getMessage().startsWith("operator 0 (SVDF)"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void wellFormedOperatorPrepares() {
        SvdfParams p = (SvdfParams) prepare(s -> { }).params();
        assertEquals(BATCH, p.batch());
        assertEquals(INPUT, p.inputSize());
        assertEquals(FILTERS, p.filters());
        assertEquals(2, p.rank());
        assertEquals(MEMORY, p.memory());
        SvdfParams noBias = (SvdfParams) prepare(s -> s.withBias = false).params();
        assertEquals(null, noBias.bias());
    }

    @Test
    void malformedOptionsAndTensorsAreRefusedAtLoad() {
        refused(ModelFormatException.class, "rank 0", s -> s.rank = 0);
        refused(ModelFormatException.class, "rank -3", s -> s.rank = -3);
        refused(ModelFormatException.class, "not a multiple of rank 3", s -> s.rank = 3);
        refused(UnsupportedOperatorException.class, "fused activation 0", s -> s.activation = 0);
        refused(UnsupportedOperatorException.class, "fused activation 3", s -> s.activation = 3);
        refused(UnsupportedOperatorException.class, "FLOAT32", s -> s.inputType = TensorType.FLOAT32);
        refused(ModelFormatException.class, "weights_feature", s -> s.featureColumns = INPUT + 1);
        refused(ModelFormatException.class, "weights_time", s -> s.timeRows = FILTERS + 1);
        refused(UnsupportedOperatorException.class, "weights_time", s -> s.timeType = TensorType.INT8);
        refused(ModelFormatException.class, "not a variable tensor", s -> s.stateVariable = false);
        refused(ModelFormatException.class, "state", s -> s.stateShape = new int[] {BATCH, MEMORY * FILTERS + 1});
        refused(ModelFormatException.class, "state", s -> s.stateShape = new int[] {BATCH + 1, MEMORY * FILTERS});
        refused(ModelFormatException.class, "output", s -> s.outputShape = new int[] {BATCH, 3});
        refused(ModelFormatException.class, "bias", s -> s.biasLength = 3);
        refused(ModelFormatException.class, "input", s -> s.inputCount = 4);
    }
}
