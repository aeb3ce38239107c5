/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.ops.add.AddOp;
import dev.ember4j.ops.conv2d.Conv2DOp;
import dev.ember4j.ops.fullyconnected.FullyConnectedOp;
import dev.ember4j.ops.logistic.LogisticOp;
import dev.ember4j.ops.softmax.SoftmaxOp;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float32 operators at load: well-formed ones take their float kernels; a float input next to a tensor
 * of another type (TFLite's Prepare fails) is a ModelFormatException, quantized weights with a float
 * input (TFLite's hybrid path) an UnsupportedOperatorException, each naming the operator and tensor.
 */
class FloatPrepareTest {
    private static final TensorType F = TensorType.FLOAT32;

    /** CONV_2D [1,4,4,2] * [3,3,3,2] SAME, stride 1, with the given weights, bias and output types. */
    private static Prepared conv(TensorType weights, TensorType bias, TensorType output, int activation) {
        OpFixture f = new OpFixture();
        int in = f.unquantized(F, 1, 4, 4, 2);
        Quantization q = weights == F ? null : new Quantization(new float[] {0.1f}, new long[] {0}, 0);
        int w = f.constant(weights, q, new byte[3 * 3 * 3 * 2 * weights.bytes()], 3, 3, 3, 2);
        int b = bias == null ? -1 : f.constant(bias, null, new byte[3 * bias.bytes()], 3);
        int out = output == F ? f.unquantized(F, 1, 4, 4, 3) : f.tensor(output, 0.1f, 0, 1, 4, 4, 3);
        return new Conv2DOp().prepare(f.context(BuiltinOperator.CONV_2D, new int[] {in, w, b}, new int[] {out}, 1,
                OpFixture.options(0, 1, 1, activation)));
    }

    private static void refused(Class<? extends EmberException> type, String operator, String fragment,
                                Executable prepare) {
        EmberException e = assertThrows(type, prepare);
        assertTrue(e.getMessage().startsWith("operator 0 (" + operator + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void floatConvolutionTakesTheFloatKernel() {
        assertSame(dev.ember4j.ops.conv2d.Conv2DFloatKernel.KERNEL, conv(F, F, F, 1).kernel());
        assertSame(dev.ember4j.ops.conv2d.Conv2DFloatKernel.KERNEL, conv(F, null, F, 3).kernel());
    }

    @Test
    void quantizedWeightsWithFloatInputAreHybridAndUnsupported() {
        refused(UnsupportedOperatorException.class, "CONV_2D", "hybrid", () -> conv(TensorType.INT8, F, F, 0));
    }

    @Test
    void mismatchedTypesAreMalformed() {
        refused(ModelFormatException.class, "CONV_2D", "output", () -> conv(F, F, TensorType.INT8, 0));
        refused(ModelFormatException.class, "CONV_2D", "bias", () -> conv(F, TensorType.INT32, F, 0));
        refused(ModelFormatException.class, "CONV_2D", "weights", () -> conv(TensorType.INT32, F, F, 0));
    }

    @Test
    void unsupportedFusedActivationIsNamed() {
        refused(UnsupportedOperatorException.class, "CONV_2D", "TANH", () -> conv(F, F, F, 4));
        refused(ModelFormatException.class, "CONV_2D", "fused activation 9", () -> conv(F, F, F, 9));
    }

    @Test
    void fullyConnectedBiasMustMatchTheOutputs() {
        OpFixture f = new OpFixture();
        int in = f.unquantized(F, 2, 4);
        int w = f.constant(F, null, new byte[4 * 3 * 4], 3, 4);
        int b = f.constant(F, null, new byte[4 * 2], 2);
        int out = f.unquantized(F, 2, 3);
        refused(ModelFormatException.class, "FULLY_CONNECTED", "bias", () -> new FullyConnectedOp().prepare(
                f.context(BuiltinOperator.FULLY_CONNECTED, new int[] {in, w, b}, new int[] {out}, 8,
                        OpFixture.options(0))));
    }

    @Test
    void addOfFloatAndInt8IsMalformed() {
        OpFixture f = new OpFixture();
        int a = f.unquantized(F, 2, 3);
        int b = f.tensor(TensorType.INT8, 0.5f, 0, 2, 3);
        int out = f.unquantized(F, 2, 3);
        refused(ModelFormatException.class, "ADD", "input 2", () -> new AddOp().prepare(
                f.context(BuiltinOperator.ADD, new int[] {a, b}, new int[] {out}, 11, OpFixture.options(0))));
    }

    @Test
    void floatActivationsNeedFloatOutputs() {
        OpFixture f = new OpFixture();
        int in = f.unquantized(F, 2, 5);
        int out = f.tensor(TensorType.INT8, 1f / 256, -128, 2, 5);
        refused(ModelFormatException.class, "SOFTMAX", "output", () -> new SoftmaxOp().prepare(
                f.context(BuiltinOperator.SOFTMAX, new int[] {in}, new int[] {out}, 0, null)));
        refused(EmberException.class, "LOGISTIC", "output", () -> new LogisticOp().prepare(
                f.context(BuiltinOperator.LOGISTIC, new int[] {in}, new int[] {out}, 0, null)));
    }
}
