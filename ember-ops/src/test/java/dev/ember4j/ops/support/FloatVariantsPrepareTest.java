/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.ops.batchmatmul.BatchMatMulOp;
import dev.ember4j.ops.l2normalization.L2NormalizationOp;
import dev.ember4j.ops.logsoftmax.LogSoftmaxOp;
import dev.ember4j.ops.prelu.PreluOp;
import dev.ember4j.ops.reduce.ExtremeOps;
import dev.ember4j.ops.reducemax.ReduceMaxOp;
import dev.ember4j.ops.resizebilinear.ResizeBilinearOp;
import dev.ember4j.ops.squareddifference.SquaredDifferenceOp;
import dev.ember4j.ops.sum.SumOp;
import dev.ember4j.ops.transposeconv.TransposeConvOp;
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
 * The float32 variants of TRANSPOSE_CONV, PRELU, RESIZE_BILINEAR, SUM, REDUCE_MAX/MIN,
 * SQUARED_DIFFERENCE, BATCH_MATMUL, L2_NORMALIZATION and LOG_SOFTMAX at load: well-formed ones take the
 * float kernel; a float input next to a tensor of another type is refused naming the operator and the
 * tensor's role (quantized weights with float data, TFLite's hybrid path, as unsupported).
 */
class FloatVariantsPrepareTest {
    private static final TensorType F = TensorType.FLOAT32;
    private static final TensorType I8 = TensorType.INT8;

    private static void refused(Class<? extends EmberException> type, String operator, String fragment,
                                Executable prepare) {
        EmberException e = assertThrows(type, prepare);
        assertTrue(e.getMessage().startsWith("operator 0 (" + operator + ")"), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Output shape [1,6,6,2], weights [2,3,3,3], input [1,3,3,3], stride 2, SAME. */
    private static Prepared transposeConv(TensorType weights, TensorType bias, TensorType output) {
        OpFixture f = new OpFixture();
        int shape = f.int32Constant(new int[] {1, 6, 6, 2}, 4);
        Quantization q = weights == F ? null : new Quantization(new float[] {0.1f}, new long[] {0}, 0);
        int w = f.constant(weights, q, new byte[2 * 3 * 3 * 3 * weights.bytes()], 2, 3, 3, 3);
        int x = f.unquantized(F, 1, 3, 3, 3);
        int b = bias == null ? -1 : f.constant(bias, null, new byte[2 * bias.bytes()], 2);
        int y = output == F ? f.unquantized(F, 1, 6, 6, 2) : f.tensor(output, 0.1f, 0, 1, 6, 6, 2);
        return new TransposeConvOp().prepare(f.context(BuiltinOperator.TRANSPOSE_CONV, new int[] {shape, w, x, b},
                new int[] {y}, 49, OpFixture.options(0, 2, 2, 1)));
    }

    @Test
    void transposeConv() {
        assertSame(dev.ember4j.ops.transposeconv.TransposeConvFloatKernel.KERNEL, transposeConv(F, F, F).kernel());
        assertSame(dev.ember4j.ops.transposeconv.TransposeConvFloatKernel.KERNEL, transposeConv(F, null, F).kernel());
        refused(UnsupportedOperatorException.class, "TRANSPOSE_CONV", "hybrid", () -> transposeConv(I8, F, F));
        refused(ModelFormatException.class, "TRANSPOSE_CONV", "bias", () -> transposeConv(F, TensorType.INT32, F));
        refused(ModelFormatException.class, "TRANSPOSE_CONV", "output", () -> transposeConv(F, F, I8));
    }

    private static Prepared prelu(TensorType alpha, TensorType output) {
        OpFixture f = new OpFixture();
        int x = f.unquantized(F, 1, 2, 3);
        int a = alpha == F ? f.unquantized(F, 1, 1, 3) : f.tensor(alpha, 0.1f, 0, 1, 1, 3);
        int y = output == F ? f.unquantized(F, 1, 2, 3) : f.tensor(output, 0.1f, 0, 1, 2, 3);
        return new PreluOp().prepare(f.context(BuiltinOperator.PRELU, new int[] {x, a}, new int[] {y}, 0, null));
    }

    @Test
    void prelu() {
        assertSame(dev.ember4j.ops.prelu.PreluFloatKernel.KERNEL, prelu(F, F).kernel());
        refused(ModelFormatException.class, "PRELU", "alpha", () -> prelu(I8, F));
        refused(ModelFormatException.class, "PRELU", "output", () -> prelu(F, I8));
    }

    private static Prepared resize(TensorType output) {
        OpFixture f = new OpFixture();
        int x = f.unquantized(F, 1, 2, 3, 2);
        int size = f.int32Constant(new int[] {4, 5}, 2);
        int y = output == F ? f.unquantized(F, 1, 4, 5, 2) : f.tensor(output, 0.1f, 0, 1, 4, 5, 2);
        return new ResizeBilinearOp().prepare(f.context(BuiltinOperator.RESIZE_BILINEAR, new int[] {x, size},
                new int[] {y}, 15, OpFixture.options(0, 0, 0, 1)));
    }

    @Test
    void resizeBilinear() {
        assertSame(dev.ember4j.ops.resizebilinear.ResizeBilinearFloatKernel.KERNEL, resize(F).kernel());
        refused(ModelFormatException.class, "RESIZE_BILINEAR", "output", () -> resize(I8));
    }

    private static Prepared reduce(BuiltinOperator op, TensorType output) {
        OpFixture f = new OpFixture();
        int x = f.unquantized(F, 2, 3, 4);
        int axis = f.int32Constant(new int[] {1}, 1);
        int y = output == F ? f.unquantized(F, 2, 4) : f.tensor(output, 0.1f, 0, 2, 4);
        var ctx = f.context(op, new int[] {x, axis}, new int[] {y}, 27, OpFixture.options(0));
        return op == BuiltinOperator.SUM ? new SumOp().prepare(ctx) : new ReduceMaxOp().prepare(ctx);
    }

    @Test
    void sumAndReduceMax() {
        assertSame(ExtremeOps.KERNEL_FLOAT, reduce(BuiltinOperator.SUM, F).kernel());
        assertSame(ExtremeOps.KERNEL_FLOAT, reduce(BuiltinOperator.REDUCE_MAX, F).kernel());
        refused(EmberException.class, "SUM", "output", () -> reduce(BuiltinOperator.SUM, I8));
        refused(EmberException.class, "REDUCE_MAX", "output", () -> reduce(BuiltinOperator.REDUCE_MAX, I8));
    }

    private static Prepared squaredDifference(TensorType second) {
        OpFixture f = new OpFixture();
        int a = f.unquantized(F, 2, 3);
        int b = second == F ? f.unquantized(F, 2, 3) : f.tensor(second, 0.1f, 0, 2, 3);
        int y = f.unquantized(F, 2, 3);
        return new SquaredDifferenceOp().prepare(f.context(BuiltinOperator.SQUARED_DIFFERENCE, new int[] {a, b},
                new int[] {y}, 0, null));
    }

    @Test
    void squaredDifference() {
        assertSame(dev.ember4j.ops.squareddifference.SquaredDifferenceFloatKernel.KERNEL, squaredDifference(F).kernel());
        refused(ModelFormatException.class, "SQUARED_DIFFERENCE", "input 2", () -> squaredDifference(I8));
    }

    private static Prepared batchMatMul(TensorType rhs, TensorType output) {
        OpFixture f = new OpFixture();
        int a = f.unquantized(F, 2, 3, 4);
        Quantization q = rhs == F ? null : new Quantization(new float[] {0.1f}, new long[] {0}, 0);
        int b = f.constant(rhs, q, new byte[2 * 4 * 5 * rhs.bytes()], 2, 4, 5);
        int y = output == F ? f.unquantized(F, 2, 3, 5) : f.tensor(output, 0.1f, 0, 2, 3, 5);
        return new BatchMatMulOp().prepare(f.context(BuiltinOperator.BATCH_MATMUL, new int[] {a, b}, new int[] {y},
                101, OpFixture.options(0, 0)));
    }

    @Test
    void batchMatMul() {
        assertSame(dev.ember4j.ops.batchmatmul.BatchMatMulFloatKernel.KERNEL, batchMatMul(F, F).kernel());
        refused(UnsupportedOperatorException.class, "BATCH_MATMUL", "hybrid", () -> batchMatMul(I8, F));
        refused(ModelFormatException.class, "BATCH_MATMUL", "rhs", () -> batchMatMul(TensorType.INT32, F));
        refused(ModelFormatException.class, "BATCH_MATMUL", "output", () -> batchMatMul(F, I8));
    }

    private static Prepared lastAxis(BuiltinOperator op, TensorType output) {
        OpFixture f = new OpFixture();
        int x = f.unquantized(F, 3, 8);
        int y = output == F ? f.unquantized(F, 3, 8) : f.tensor(output, 1f / 128, 0, 3, 8);
        if (op == BuiltinOperator.L2_NORMALIZATION) {
            return new L2NormalizationOp().prepare(f.context(op, new int[] {x}, new int[] {y}, 12,
                    OpFixture.options(0)));
        }
        return new LogSoftmaxOp().prepare(f.context(op, new int[] {x}, new int[] {y}, 0, null));
    }

    @Test
    void l2NormalizationAndLogSoftmax() {
        assertSame(dev.ember4j.ops.l2normalization.L2NormalizationFloatKernel.KERNEL, lastAxis(BuiltinOperator.L2_NORMALIZATION, F).kernel());
        assertSame(dev.ember4j.ops.logsoftmax.LogSoftmaxFloatKernel.KERNEL, lastAxis(BuiltinOperator.LOG_SOFTMAX, F).kernel());
        refused(ModelFormatException.class, "L2_NORMALIZATION", "output",
                () -> lastAxis(BuiltinOperator.L2_NORMALIZATION, I8));
        refused(ModelFormatException.class, "LOG_SOFTMAX", "output", () -> lastAxis(BuiltinOperator.LOG_SOFTMAX, I8));
    }
}
