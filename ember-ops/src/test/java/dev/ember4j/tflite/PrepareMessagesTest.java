/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.FbWriter.Table;
import org.junit.jupiter.api.Test;

import static dev.ember4j.tflite.ModelFormatMessagesTest.formatError;
import static dev.ember4j.tflite.ModelFormatMessagesTest.message;
import static dev.ember4j.tflite.ModelFormatMessagesTest.prepare;

/**
 * Preparation rejects parameters a kernel could not run with ModelFormatException (malformed or
 * inconsistent) or UnsupportedOperatorException (valid but unsupported), naming operator and tensor;
 * never with the parameter records' IllegalArgumentException.
 */
class PrepareMessagesTest {

    private static String unsupported(byte[] model, String... fragments) {
        return message(UnsupportedOperatorException.class, () -> prepare(model), fragments);
    }

    @Test
    void weightsBufferSizeMismatch() {
        TestModel m = TestModel.fullyConnected();
        m.buffers.set(1, new byte[7]);
        formatError(m.build(), "operator 0 (FULLY_CONNECTED): weights tensor 1 't1' shape [2, 4] needs 8 bytes, "
                + "its buffer 1 has 7");
    }

    @Test
    void biasLengthMismatch() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(2).shape = new int[] {3};
        m.buffers.set(2, TestModel.int32s(1, 2, 3));
        formatError(m.build(), "operator 0 (FULLY_CONNECTED)", "bias tensor 2 't2' has 3 values for 2 output channels");
    }

    @Test
    void optionsTypeMismatch() {
        TestModel m = TestModel.fullyConnected();
        m.ops.get(0).optionsType = 1;
        formatError(m.build(), "operator 0 (FULLY_CONNECTED)", "builtin options type 1 does not match "
                + "FullyConnectedOptions (8)");
    }

    @Test
    void zeroPointOutOfInt8Range() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(3).zeroPoint = new long[] {200};
        formatError(m.build(), "operator 0 (FULLY_CONNECTED)", "tensor 3 't3' zero point 200 is outside the int8 range");
    }

    /** input 0.5 x weights 0.25 / output 1e-30: a multiplier of 2^98 that no int32 requantization can hold. */
    @Test
    void effectiveScaleOutOfRange() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(3).scale = new float[] {1e-30f};
        unsupported(m.build(), "operator 0 (FULLY_CONNECTED)", "output multiplier", "out of range");
        TestModel d = TestModel.depthwise(2);
        d.tensors.get(2).scale = new float[] {1e-30f};
        unsupported(d.build(), "operator 0 (DEPTHWISE_CONV_2D)", "output multiplier", "out of range");
    }

    /** Tiny scales keep the multiplier sane, but 6 / scale no longer fits an int: the clamp range must not wrap. */
    @Test
    void activationRangeOverflow() {
        for (int activation : new int[] {1, 2, 3}) { // RELU, RELU_N1_TO_1, RELU6
            TestModel m = TestModel.averagePool(TestModel.poolOptions(1, 2, 2, activation));
            for (TestModel.Tensor t : m.tensors) {
                t.quant(1e-12f, activation == 2 ? -5 : 5);
            }
            try {
                prepare(m.build());
            } catch (UnsupportedOperatorException | ModelFormatException expected) {
                // either is fine, as long as nothing else escapes
            }
        }
        TestModel m = TestModel.averagePool(TestModel.poolOptions(1, 2, 2, 3));
        for (TestModel.Tensor t : m.tensors) {
            t.quant(1e-12f, 5);
        }
        unsupported(m.build(), "operator 0 (AVERAGE_POOL_2D)", "RELU6", "activation range");
    }

    @Test
    void strideFilterAndDilationMustBePositive() {
        formatError(TestModel.averagePool(TestModel.poolOptions(1, 0, 2, 0)).build(),
                "operator 0 (AVERAGE_POOL_2D)", "stride 0", "must all be positive");
        formatError(TestModel.averagePool(TestModel.poolOptions(1, 2, -3, 0)).build(),
                "operator 0 (AVERAGE_POOL_2D)", "filter size -3", "must all be positive");
        formatError(TestModel.averagePool(TestModel.poolOptions(7, 2, 2, 0)).build(),
                "operator 0 (AVERAGE_POOL_2D)", "unknown padding type 7");
        formatError(TestModel.averagePool(TestModel.poolOptions(1, 2, 2, 9)).build(),
                "operator 0 (AVERAGE_POOL_2D)", "unknown fused activation 9");
    }

    /** A 2x2 depthwise filter with dilation 2^31-1 spans 2^31 input rows: padding and tap offsets would wrap. */
    @Test
    void dilatedFilterBeyondIntRange() {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 1, 4, 4, 1).quant(0.5f, 0);
        TestModel.Tensor w = m.constant(TensorType.INT8, new byte[] {1, 2, 3, 4}, 1, 2, 2, 1).quant(0.25f, 0);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 1, 4, 4, 1).quant(1f, 0);
        Table o = new Table().u8(0, 0).i32(1, 1).i32(2, 1).i32(3, 1).i32(5, Integer.MAX_VALUE).i32(6, Integer.MAX_VALUE);
        m.op(BuiltinOperator.DEPTHWISE_CONV_2D, 2, o, new int[] {m.index(in), m.index(w), -1},
                new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        formatError(m.build(), "operator 0 (DEPTHWISE_CONV_2D)", "filter size 2 with dilation 2147483647",
                "beyond the int range");
        o.i32(5, 3).i32(6, 3); // a sane dilation: the same model prepares
        prepare(m.build());
    }

    @Test
    void depthMultiplierMismatch() {
        formatError(TestModel.depthwise(3).build(), "operator 0 (DEPTHWISE_CONV_2D)", "depth_multiplier 3 does not match");
    }

    @Test
    void emptyTensorsAreUnsupported() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(0).shape = new int[] {0, 4};
        m.tensors.get(3).shape = new int[] {0, 2};
        unsupported(m.build(), "operator 0 (FULLY_CONNECTED)", "tensor 0 't0'", "empty");

        TestModel p = TestModel.averagePool(TestModel.poolOptions(1, 2, 2, 0));
        p.tensors.get(0).shape = new int[] {0, 4, 4, 1};
        p.tensors.get(1).shape = new int[] {0, 2, 2, 1};
        unsupported(p.build(), "operator 0 (AVERAGE_POOL_2D)", "empty");
    }

    /**
     * 65537 rows x 65537 output channels is 2^32 + 131073 elements: an int product would wrap to 131073
     * and match a small output tensor, letting the kernel write far past it.
     */
    @Test
    void fullyConnectedOutputSizeDoesNotWrap() {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.INT8, 65537, 1).quant(0.5f, 0);
        TestModel.Tensor w = m.constant(TensorType.INT8, new byte[65537], 65537, 1).quant(0.25f, 0);
        TestModel.Tensor out = m.tensor(TensorType.INT8, 131073).quant(1f, 0);
        m.op(BuiltinOperator.FULLY_CONNECTED, 0, null, new int[] {0, 1}, new int[] {2});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        formatError(m.build(), "operator 0 (FULLY_CONNECTED)", "output tensor 2 't2'", "[65537, 65537]");
    }

    /** Three model inputs of 2^26 complex128 values: 3 GiB of arena, refused instead of overflowing the plan. */
    @Test
    void arenaBeyondTwoGigabytes() {
        TestModel m = new TestModel();
        for (int i = 0; i < 3; i++) {
            m.tensor(TensorType.COMPLEX128, 1 << 26);
        }
        m.inputs = new int[] {0, 1, 2};
        m.outputs = new int[] {0};
        formatError(m.build(), "arena", "2 GiB");
    }

    @Test
    void unsupportedOperatorIsNamed() {
        TestModel m = TestModel.fullyConnected();
        m.op(BuiltinOperator.HASHTABLE_LOOKUP, 0, (Table) null, new int[] {3}, new int[] {0});
        unsupported(m.build(), "operator 1 (HASHTABLE_LOOKUP) is not supported", "HASHTABLE_LOOKUP x1");
    }
}
