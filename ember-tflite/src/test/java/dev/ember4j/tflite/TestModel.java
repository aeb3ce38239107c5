/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.FbWriter.Table;
import dev.ember4j.tflite.FbWriter.Vec;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds small TensorFlow Lite models for tests, one field at a time, so a test can break exactly one
 * thing. Field numbers follow tensorflow/lite/schema/schema.fbs. Buffer 0 is the empty sentinel.
 */
final class TestModel {
    /** A tensor; set fields directly before {@link #build()}. */
    static final class Tensor {
        int[] shape;
        int type = TensorType.INT8.code();
        int buffer;
        String name;
        float[] scale;
        long[] zeroPoint;

        Tensor quant(float scale, long zeroPoint) {
            this.scale = new float[] {scale};
            this.zeroPoint = new long[] {zeroPoint};
            return this;
        }
    }

    /** An operator; {@code options} is the builtin options table of union type {@code optionsType}. */
    static final class Op {
        int opcodeIndex;
        int[] inputs;
        int[] outputs;
        int optionsType;
        Table options;
        /** Schema field 8, written when set. */
        int[] intermediates;
        /** Schema field 5 (custom_options), written when set. */
        byte[] customOptions;
        /** Schema field 6 (custom_options_format), written when non-zero. */
        int customOptionsFormat;
        /** Schema fields 9 and 10 (large_custom_options_offset / size), written when the offset is non-zero. */
        long largeCustomOptionsOffset;
        long largeCustomOptionsSize;
    }

    final List<Tensor> tensors = new ArrayList<>();
    final List<byte[]> buffers = new ArrayList<>();
    final List<Integer> opcodes = new ArrayList<>();
    /** custom_code of each operator code (null for builtins, and for a CUSTOM code written without one). */
    final List<String> customCodes = new ArrayList<>();
    final List<Op> ops = new ArrayList<>();
    int[] inputs = {};
    int[] outputs = {};
    int version = 3;
    /** When set, every entry of the buffers vector is this one shared Buffer table, {@code count} times. */
    byte[] sharedBufferData;
    int sharedBufferCount;
    /** Hand-made Buffer tables replacing the generated ones, by buffer index. */
    final java.util.Map<Integer, Table> rawBuffers = new java.util.HashMap<>();

    TestModel() {
        buffers.add(new byte[0]);
    }

    Tensor tensor(TensorType type, int... shape) {
        Tensor t = new Tensor();
        t.type = type.code();
        t.shape = shape;
        t.name = "t" + tensors.size();
        tensors.add(t);
        return t;
    }

    /** A constant tensor with its own buffer. */
    Tensor constant(TensorType type, byte[] data, int... shape) {
        Tensor t = tensor(type, shape);
        t.buffer = buffers.size();
        buffers.add(data);
        return t;
    }

    int index(Tensor t) {
        return tensors.indexOf(t);
    }

    Op op(BuiltinOperator builtin, int optionsType, Table options, int[] inputs, int[] outputs) {
        int code = opcodes.indexOf(builtin.code());
        if (code < 0 || customCodes.get(code) != null) {
            code = opcodes.size();
            opcodes.add(builtin.code());
            customCodes.add(null);
        }
        return op(code, optionsType, options, inputs, outputs);
    }

    /** A CUSTOM operator with this custom code (null: an operator code without custom_code) and options. */
    Op custom(String customCode, byte[] customOptions, int[] inputs, int[] outputs) {
        int code = customCode == null ? -1 : customCodes.indexOf(customCode);
        if (code < 0) {
            code = opcodes.size();
            opcodes.add(BuiltinOperator.CUSTOM.code());
            customCodes.add(customCode);
        }
        Op op = op(code, 0, null, inputs, outputs);
        op.customOptions = customOptions;
        return op;
    }

    private Op op(int code, int optionsType, Table options, int[] inputs, int[] outputs) {
        Op op = new Op();
        op.opcodeIndex = code;
        op.inputs = inputs;
        op.outputs = outputs;
        op.optionsType = optionsType;
        op.options = options;
        ops.add(op);
        return op;
    }

    static byte[] int32s(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    byte[] build() {
        List<Table> tensorTables = new ArrayList<>();
        for (Tensor t : tensors) {
            Table tt = new Table().ints(0, t.shape).u8(1, t.type).i32(2, t.buffer);
            if (t.name != null) {
                tt.string(3, t.name);
            }
            if (t.scale != null) {
                Table q = new Table().vector(2, Vec.floats(t.scale));
                if (t.zeroPoint != null) {
                    q.vector(3, Vec.longs(t.zeroPoint));
                }
                tt.table(4, q);
            }
            tensorTables.add(tt);
        }
        List<Table> opTables = new ArrayList<>();
        for (Op op : ops) {
            Table ot = new Table().i32(0, op.opcodeIndex).ints(1, op.inputs).ints(2, op.outputs);
            if (op.optionsType != 0) {
                ot.u8(3, op.optionsType);
            }
            if (op.options != null) {
                ot.table(4, op.options);
            }
            if (op.intermediates != null) {
                ot.ints(8, op.intermediates);
            }
            if (op.customOptions != null) {
                ot.vector(5, Vec.bytes(op.customOptions, false));
            }
            if (op.customOptionsFormat != 0) {
                ot.u8(6, op.customOptionsFormat);
            }
            if (op.largeCustomOptionsOffset != 0) {
                ot.i64(9, op.largeCustomOptionsOffset).i64(10, op.largeCustomOptionsSize);
            }
            opTables.add(ot);
        }
        Table subgraph = new Table().vector(0, Vec.tables(tensorTables)).ints(1, inputs).ints(2, outputs)
                .vector(3, Vec.tables(opTables));
        List<Table> codeTables = new ArrayList<>();
        for (int i = 0; i < opcodes.size(); i++) {
            int code = opcodes.get(i);
            Table ct = new Table().u8(0, Math.min(code, 127)).i32(2, 1).i32(3, code);
            if (customCodes.get(i) != null) {
                ct.string(1, customCodes.get(i));
            }
            codeTables.add(ct);
        }
        List<Table> bufferTables = new ArrayList<>();
        if (sharedBufferData != null) {
            Table shared = new Table().vector(0, Vec.bytes(sharedBufferData, false));
            for (int i = 0; i < sharedBufferCount; i++) {
                bufferTables.add(shared);
            }
        } else {
            for (int i = 0; i < buffers.size(); i++) {
                byte[] b = buffers.get(i);
                bufferTables.add(rawBuffers.containsKey(i) ? rawBuffers.get(i)
                        : b.length == 0 ? new Table() : new Table().vector(0, Vec.bytes(b, false)));
            }
        }
        Table model = new Table().i32(0, version).vector(1, Vec.tables(codeTables))
                .vector(2, Vec.tables(List.of(subgraph))).string(3, "test model").vector(4, Vec.tables(bufferTables));
        return FbWriter.finish(model, "TFL3");
    }

    // ---- ready-made valid models ----

    /**
     * FULLY_CONNECTED: input int8 [1,4] (scale 0.5), weights int8 [2,4] (scale 0.25), bias int32 [2],
     * output int8 [1,2] (scale 1). Tensors 0 input, 1 weights, 2 bias, 3 output.
     */
    static TestModel fullyConnected() {
        TestModel m = new TestModel();
        Tensor in = m.tensor(TensorType.INT8, 1, 4).quant(0.5f, 0);
        Tensor w = m.constant(TensorType.INT8, new byte[] {1, 2, 3, 4, -1, -2, -3, -4}, 2, 4).quant(0.25f, 0);
        Tensor b = m.constant(TensorType.INT32, int32s(10, -10), 2).quant(0.125f, 0);
        Tensor out = m.tensor(TensorType.INT8, 1, 2).quant(1f, 0);
        m.op(BuiltinOperator.FULLY_CONNECTED, 8, new Table().u8(0, 0),
                new int[] {m.index(in), m.index(w), m.index(b)}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }

    /** AVERAGE_POOL_2D 2x2 stride 2 VALID on int8 [1,4,4,1] to [1,2,2,1]; options table exposed for edits. */
    static TestModel averagePool(Table options) {
        TestModel m = new TestModel();
        Tensor in = m.tensor(TensorType.INT8, 1, 4, 4, 1).quant(0.5f, 0);
        Tensor out = m.tensor(TensorType.INT8, 1, 2, 2, 1).quant(0.5f, 0);
        m.op(BuiltinOperator.AVERAGE_POOL_2D, 5, options, new int[] {m.index(in)}, new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }

    static Table poolOptions(int padding, int stride, int filter, int activation) {
        return new Table().u8(0, padding).i32(1, stride).i32(2, stride).i32(3, filter).i32(4, filter).u8(5, activation);
    }

    /**
     * DEPTHWISE_CONV_2D 1x1, input int8 [1,2,2,2], weights [1,1,1,4] (multiplier 2), output [1,2,2,4].
     */
    static TestModel depthwise(int declaredMultiplier) {
        TestModel m = new TestModel();
        Tensor in = m.tensor(TensorType.INT8, 1, 2, 2, 2).quant(0.5f, 0);
        Tensor w = m.constant(TensorType.INT8, new byte[] {1, 2, 3, 4}, 1, 1, 1, 4).quant(0.25f, 0);
        Tensor out = m.tensor(TensorType.INT8, 1, 2, 2, 4).quant(1f, 0);
        Table o = new Table().u8(0, 1).i32(1, 1).i32(2, 1).i32(3, declaredMultiplier);
        m.op(BuiltinOperator.DEPTHWISE_CONV_2D, 2, o, new int[] {m.index(in), m.index(w), -1},
                new int[] {m.index(out)});
        m.inputs = new int[] {m.index(in)};
        m.outputs = new int[] {m.index(out)};
        return m;
    }
}
