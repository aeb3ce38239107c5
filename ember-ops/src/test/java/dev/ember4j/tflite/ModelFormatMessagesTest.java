/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader's ModelFormatException messages name the item and the problem, on precise malformed models. */
class ModelFormatMessagesTest {

    static PreparedModel prepare(byte[] model) {
        return ModelPreparer.prepare(ByteBuffer.wrap(model));
    }

    static <T extends Throwable> String message(Class<T> type, Executable run, String... fragments) {
        T e = assertThrows(type, run);
        String m = e.getMessage();
        for (String f : fragments) {
            assertTrue(m.contains(f), "message '" + m + "' lacks '" + f + "'");
        }
        return m;
    }

    static String formatError(byte[] model, String... fragments) {
        return message(ModelFormatException.class, () -> prepare(model), fragments);
    }

    @Test
    void builtModelsAreValid() {
        PreparedModel p = prepare(TestModel.fullyConnected().build());
        assertEquals(1, p.ops().size());
        assertEquals(6, p.plan().arenaBytes());
        prepare(TestModel.averagePool(TestModel.poolOptions(1, 2, 2, 0)).build());
        prepare(TestModel.depthwise(2).build());
    }

    @Test
    void bufferIndexOutOfRange() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(1).buffer = 7;
        formatError(m.build(), "tensor 1 't1'", "buffer 7 out of range", "3 buffers");
    }

    @Test
    void opcodeIndexOutOfRange() {
        TestModel m = TestModel.fullyConnected();
        m.ops.get(0).opcodeIndex = 5;
        formatError(m.build(), "operator 0", "opcode index 5 out of range", "1 operator codes");
    }

    @Test
    void operatorInputIndexOutOfRange() {
        TestModel m = TestModel.fullyConnected();
        m.ops.get(0).inputs = new int[] {0, -2, 2};
        formatError(m.build(), "operator 0 (FULLY_CONNECTED) input -2 out of range", "4 tensors");
        m.ops.get(0).inputs = new int[] {0, 1, 4};
        formatError(m.build(), "operator 0 (FULLY_CONNECTED) input 4 out of range");
    }

    @Test
    void negativeAndHugeDimensions() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(3).shape = new int[] {1, -2};
        formatError(m.build(), "tensor 3 't3'", "negative dimension -2");
        m.tensors.get(3).shape = new int[] {1 << 20, 1 << 20};
        formatError(m.build(), "tensor 3 't3'", "more than 67108864 elements");
    }

    @Test
    void rankIsCheckedBeforeTheShapeIsRead() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(0).shape = new int[100_000];
        Arrays.fill(m.tensors.get(0).shape, 1);
        formatError(m.build(), "tensor 0 't0'", "rank 100000 is not supported");
    }

    @Test
    void unknownTensorType() {
        TestModel m = TestModel.fullyConnected();
        m.tensors.get(3).type = 200;
        formatError(m.build(), "tensor 3 't3'", "unknown tensor type 200");
    }

    @Test
    void invalidQuantizationScale() {
        for (float bad : new float[] {0f, -1f, Float.NaN, Float.POSITIVE_INFINITY}) {
            TestModel m = TestModel.fullyConnected();
            m.tensors.get(0).scale = new float[] {bad};
            formatError(m.build(), "tensor 0 't0'", "invalid quantization scale " + bad);
        }
    }

    @Test
    void truncatedFile() {
        byte[] model = TestModel.fullyConnected().build();
        formatError(Arrays.copyOf(model, model.length / 2), "-byte file");
        formatError(Arrays.copyOf(model, 5), "too short");
    }

    @Test
    void wrongIdentifierAndVersion() {
        byte[] model = TestModel.fullyConnected().build();
        model[4] = 'X';
        formatError(model, "not a TensorFlow Lite model", "'XFL3'");
        TestModel m = TestModel.fullyConnected();
        m.version = 2;
        formatError(m.build(), "unsupported schema version 2");
    }

    /**
     * Thousands of buffer entries sharing one large data vector: copying each would need gigabytes
     * from a 1 MiB file. The reader must refuse instead of running out of memory.
     */
    @Test
    void sharedDataIsNotMaterializedOverAndOver() {
        TestModel m = TestModel.fullyConnected();
        m.sharedBufferData = new byte[1 << 20];
        m.sharedBufferCount = 20_000;
        formatError(m.build(), "more than", "bytes");
    }

    @Test
    void externalBufferLocationOverflowIsRejected() {
        // buffers stored after the flatbuffer: offset + size must not overflow past the check
        long[][] hostile = {{Long.MAX_VALUE - 4, 100}, {8, Long.MAX_VALUE}, {(1L << 32) + 8, 4}, {8, -1}};
        for (long[] h : hostile) {
            TestModel m = TestModel.fullyConnected();
            m.rawBuffers.put(1, new FbWriter.Table().i64(1, h[0]).i64(2, h[1]));
            formatError(m.build(), "buffer 1", "external data", "outside the");
        }
    }

    @Test
    void typeWithoutFixedSizeIsUnsupported() {
        TestModel m = new TestModel();
        TestModel.Tensor in = m.tensor(TensorType.STRING, 4);
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(in)};
        message(UnsupportedOperatorException.class, () -> prepare(m.build()), "tensor 0 't0'", "STRING");
    }
}
