/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.FbWriter.Table;

/**
 * Hostile variants of tiny valid models, one field set to what a fuzzing campaign found (issue 13: huge
 * strides and dilations, constant data shorter than its shape). Public for other modules' tests
 * (test-jar), which load them and assert a typed error at load or a clean invoke.
 */
public final class HostileModels {
    private HostileModels() {}

    /**
     * DEPTHWISE_CONV_2D 2x2 (multiplier 1), input int8 [1,H,W,2], SAME padding, the given strides and
     * dilations; the output shape is whatever TFLite's padding rule gives, so the model is consistent.
     */
    public static byte[] depthwise(int height, int width, int strideH, int strideW, int dilationH, int dilationW) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 1, height, width, 2).quant(0.5f, 0);
        TestModel.Tensor w = m.constant(TensorType.INT8, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, 1, 2, 2, 2)
                .quant(0.25f, 0);
        int outH = (int) ((height + (long) strideH - 1) / strideH);
        int outW = (int) ((width + (long) strideW - 1) / strideW);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 1, outH, outW, 2).quant(1f, 0);
        Table o = new Table().u8(0, 0).i32(1, strideW).i32(2, strideH).i32(3, 1).i32(5, dilationW).i32(6, dilationH);
        m.op(BuiltinOperator.DEPTHWISE_CONV_2D, 2, o, new int[] {m.index(in), m.index(w), -1},
                new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m.build();
    }

    /** CONV_2D 1x1 with the given strides and dilations on input [1,H,W,1], SAME padding. */
    public static byte[] conv(int height, int width, int strideH, int strideW, int dilationH, int dilationW) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 1, height, width, 1).quant(0.5f, 0);
        TestModel.Tensor w = m.constant(TensorType.INT8, new byte[] {3, -2, 1, 5}, 1, 2, 2, 1).quant(0.25f, 0);
        int outH = (int) ((height + (long) strideH - 1) / strideH);
        int outW = (int) ((width + (long) strideW - 1) / strideW);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 1, outH, outW, 1).quant(1f, 0);
        Table o = new Table().u8(0, 0).i32(1, strideW).i32(2, strideH).u8(3, 0).i32(4, dilationW).i32(5, dilationH);
        m.op(BuiltinOperator.CONV_2D, 1, o, new int[] {m.index(in), m.index(w), -1}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m.build();
    }

    /** ADD of the model input [1,8] and a constant operand [1,8] whose buffer holds only {@code bytes} bytes. */
    public static byte[] addWithShortConstant(int bytes) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 1, 8).quant(0.5f, 0);
        TestModel.Tensor c = m.constant(TensorType.INT8, new byte[bytes], 1, 8).quant(0.5f, 0);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 1, 8).quant(1f, 0);
        m.op(BuiltinOperator.ADD, 11, new Table().u8(0, 0), new int[] {m.index(c), m.index(in)},
                new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m.build();
    }

    /**
     * Two outputs: the FULLY_CONNECTED result, and a RESHAPE of a constant [2,4] (whose buffer holds only
     * {@code bytes} bytes) to [8] as model output 1, read out by the caller as a constant.
     */
    public static byte[] reshapedShortConstantOutput(int bytes) {
        TestModel m = TestModel.fullyConnected();
        TestModel.Tensor c = m.constant(TensorType.INT8, new byte[bytes], 2, 4).quant(0.5f, 0);
        TestModel.Tensor r = m.tensor(TensorType.INT8, 8).quant(0.5f, 0);
        m.op(BuiltinOperator.RESHAPE, 0, (Table) null, new int[] {m.index(c)}, new int[] {m.index(r)});
        m.outputs = new int[] {3, m.index(r)};
        return m.build();
    }

    /**
     * No operators: {@code count} INT64 model inputs of {@code elements} values each, which are also the
     * outputs, so the arena holds them all (8 x count x elements bytes) in a file of a few hundred bytes.
     */
    public static byte[] identity(int count, int elements) {
        TestModel m = new TestModel();
        int[] ids = new int[count];
        for (int i = 0; i < count; i++) {
            ids[i] = m.index(m.tensor(TensorType.INT64, 1, elements));
        }
        m.inputs = ids;
        m.outputs = ids.clone();
        return m.build();
    }
}
