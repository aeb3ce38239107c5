/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.fb.FlatBuffer;
import dev.ember4j.tflite.fb.Table;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the OpContext of a one-operator model with any number of inputs, constant tensors and a
 * builtin options table, for prepare tests: add tensors in order (their index is their position),
 * then call {@link #context}.
 */
public final class OpFixture {
    private final List<TensorDef> tensors = new ArrayList<>();
    private final List<byte[]> buffers = new ArrayList<>(List.of(new byte[0]));

    /** A quantized activation tensor; returns its index. */
    public int tensor(TensorType type, float scale, int zeroPoint, int... shape) {
        Quantization q = new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
        tensors.add(new TensorDef(tensors.size(), "t" + tensors.size(), type, shape, 0, q));
        return tensors.size() - 1;
    }

    /** A variable tensor (is_variable: operator state); returns its index. */
    public int variable(TensorType type, float scale, int zeroPoint, int... shape) {
        Quantization q = new Quantization(new float[] {scale}, new long[] {zeroPoint}, 0);
        tensors.add(new TensorDef(tensors.size(), "v" + tensors.size(), type, shape, 0, q, true));
        return tensors.size() - 1;
    }

    /** A tensor without quantization parameters and without data; returns its index. */
    public int unquantized(TensorType type, int... shape) {
        tensors.add(new TensorDef(tensors.size(), "u" + tensors.size(), type, shape, 0, null));
        return tensors.size() - 1;
    }

    /** A constant tensor with the given quantization (null for none); returns its index. */
    public int constant(TensorType type, Quantization q, byte[] data, int... shape) {
        buffers.add(data);
        tensors.add(new TensorDef(tensors.size(), "c" + tensors.size(), type, shape, buffers.size() - 1, q));
        return tensors.size() - 1;
    }

    public int int32Constant(int[] values, int... shape) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return constant(TensorType.INT32, null, b.array(), shape);
    }

    public OpContext context(BuiltinOperator op, int[] inputs, int[] outputs, int optionsType, Table options) {
        return context(op, inputs, outputs, optionsType, options, new int[0]);
    }

    /** The context of an operator with intermediates (tensor indices, -1 for an omitted one). */
    public OpContext context(BuiltinOperator op, int[] inputs, int[] outputs, int optionsType, Table options,
                             int[] intermediates) {
        OperatorDef def = new OperatorDef(0, op, 1, inputs, outputs, optionsType, options, intermediates);
        TfliteModel model = new TfliteModel(3, "test", List.copyOf(tensors), List.of(def), inputs, outputs,
                List.copyOf(buffers));
        return new OpContext(model, def);
    }

    /**
     * A flatbuffer table whose field {@code i} holds {@code fields[i]} as a 4-byte little-endian value
     * (read back by i32, or through its low byte by u8 / bool); null entries are absent fields.
     */
    public static Table options(Integer... fields) {
        int n = fields.length;
        int vsize = 4 + 2 * n;
        int tablePos = (4 + vsize + 3) & ~3;
        ByteBuffer b = ByteBuffer.allocate(tablePos + 4 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, tablePos);
        b.putShort(4, (short) vsize);
        b.putShort(6, (short) (4 + 4 * n));
        for (int i = 0; i < n; i++) {
            b.putShort(8 + 2 * i, (short) (fields[i] == null ? 0 : 4 + 4 * i));
            if (fields[i] != null) {
                b.putInt(tablePos + 4 + 4 * i, fields[i]);
            }
        }
        b.putInt(tablePos, tablePos - 4);
        return new FlatBuffer(b).root();
    }
}
