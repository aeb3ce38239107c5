/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.FbWriter.Table;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.ModelFormatMessagesTest.formatError;
import static dev.ember4j.tflite.ModelFormatMessagesTest.message;
import static dev.ember4j.tflite.ModelFormatMessagesTest.prepare;

/** uint8 pooling, LOGISTIC and CONCATENATION: what TFLite's uint8 kernels cannot run is refused at load, named. */
class Uint8PrepareMessagesTest {

    private static void unsupported(byte[] model, String... fragments) {
        message(UnsupportedOperatorException.class, () -> prepare(model), fragments);
    }

    private static TestModel pool(BuiltinOperator op, float outScale, int outZp, TensorType outType) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.UINT8, 1, 4, 4, 1).quant(0.5f, 128);
        TestModel.Tensor out = m.tensor(outType, 1, 2, 2, 1).quant(outScale, outZp);
        m.op(op, 5, TestModel.poolOptions(1, 2, 2, 0), new int[] {m.index(in)}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }

    @Test
    void uint8PoolsRun() {
        prepare(pool(BuiltinOperator.AVERAGE_POOL_2D, 0.5f, 128, TensorType.UINT8).build());
        prepare(pool(BuiltinOperator.MAX_POOL_2D, 0.5f, 128, TensorType.UINT8).build());
    }

    @Test
    void uint8PoolsRefuseRequantizationAndMixedTypes() {
        unsupported(pool(BuiltinOperator.AVERAGE_POOL_2D, 0.25f, 128, TensorType.UINT8).build(),
                "operator 0 (AVERAGE_POOL_2D)", "quantization differ", "does not requantize");
        unsupported(pool(BuiltinOperator.MAX_POOL_2D, 0.5f, 100, TensorType.UINT8).build(),
                "operator 0 (MAX_POOL_2D)", "zero point 128 vs 0.5 100");
        unsupported(pool(BuiltinOperator.MAX_POOL_2D, 0.5f, 0, TensorType.INT8).build(),
                "operator 0 (MAX_POOL_2D)", "output", "INT8");
    }

    private static TestModel logistic(float outScale) {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.UINT8, 1, 8).quant(0.1f, 128);
        TestModel.Tensor out = m.tensor(TensorType.UINT8, 1, 8).quant(outScale, 0);
        m.op(BuiltinOperator.LOGISTIC, 0, null, new int[] {m.index(in)}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }

    @Test
    void uint8LogisticNeedsOutputScaleOneOver256() {
        prepare(logistic(1f / 256).build());
        unsupported(logistic(1f / 128).build(), "operator 0 (LOGISTIC)", "output", "uint8 LOGISTIC needs the output "
                + "scale 1/256");
    }

    private static TestModel concat(TensorType second, int activation) {
        TestModel m = new TestModel();
        TestModel.Tensor a = m.tensor(TensorType.UINT8, 2, 3).quant(0.1f, 128);
        TestModel.Tensor b = m.tensor(second, 2, 2).quant(0.3f, 10);
        TestModel.Tensor out = m.tensor(TensorType.UINT8, 2, 5).quant(0.2f, 100);
        m.op(BuiltinOperator.CONCATENATION, 10, new Table().i32(0, 1).u8(1, activation),
                new int[] {m.index(a), m.index(b)}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(a), m.index(b)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }

    @Test
    void uint8ConcatenationRescalesButRefusesMixedTypesAndActivations() {
        prepare(concat(TensorType.UINT8, 0).build()); // differing quantization: rescaled, as TFLite
        unsupported(concat(TensorType.INT8, 0).build(), "operator 0 (CONCATENATION)", "input 1", "INT8");
        unsupported(concat(TensorType.UINT8, 1).build(), "operator 0 (CONCATENATION)", "fused activation 1");
        formatError(concat(TensorType.UINT8, 42).build(), "operator 0 (CONCATENATION)", "fused activation 42");
    }
}
