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
 * Builds models with several subgraphs (CALL_ONCE, resource variables) for tests, one field at a time so
 * a test can break exactly one thing. Field numbers follow tensorflow/lite/schema/schema.fbs; buffer 0 is
 * the empty sentinel; operator codes and buffers are shared by all subgraphs, as in a converted model.
 */
final class SubgraphModel {
    static final int CALL_ONCE_OPTIONS = 103;
    static final int VAR_HANDLE_OPTIONS = 111;

    /** One subgraph; set fields directly before {@link #build()}. */
    static final class Graph {
        final List<Table> tensors = new ArrayList<>();
        final List<Op> ops = new ArrayList<>();
        int[] inputs = {};
        int[] outputs = {};
        String name;
    }

    /** An operator of a subgraph. */
    static final class Op {
        BuiltinOperator op;
        int[] inputs;
        int[] outputs;
        int optionsType;
        Table options;
    }

    final List<Graph> graphs = new ArrayList<>();
    final List<byte[]> buffers = new ArrayList<>(List.of(new byte[0]));

    Graph graph(String name) {
        Graph g = new Graph();
        g.name = name;
        graphs.add(g);
        return g;
    }

    /** A tensor of {@code g}, constant when {@code data} is not null; returns its index. */
    int tensor(Graph g, String name, TensorType type, byte[] data, int... shape) {
        int buffer = 0;
        if (data != null) {
            buffer = buffers.size();
            buffers.add(data);
        }
        g.tensors.add(new Table().ints(0, shape).u8(1, type.code()).i32(2, buffer).string(3, name));
        return g.tensors.size() - 1;
    }

    Op op(Graph g, BuiltinOperator builtin, int[] inputs, int[] outputs, int optionsType, Table options) {
        Op op = new Op();
        op.op = builtin;
        op.inputs = inputs;
        op.outputs = outputs;
        op.optionsType = optionsType;
        op.options = options;
        g.ops.add(op);
        return op;
    }

    Op callOnce(Graph g, int subgraph) {
        return op(g, BuiltinOperator.CALL_ONCE, new int[0], new int[0], CALL_ONCE_OPTIONS, new Table().i32(0, subgraph));
    }

    /** A VAR_HANDLE of variable {@code name} writing a new RESOURCE tensor; returns the tensor. */
    int varHandle(Graph g, String name) {
        int h = tensor(g, name + "_handle", TensorType.RESOURCE, null);
        op(g, BuiltinOperator.VAR_HANDLE, new int[0], new int[] {h}, VAR_HANDLE_OPTIONS,
                new Table().string(0, "").string(1, name));
        return h;
    }

    static byte[] floats(float... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    byte[] build() {
        List<Integer> codes = new ArrayList<>();
        List<Table> subgraphs = new ArrayList<>();
        for (Graph g : graphs) {
            List<Table> ops = new ArrayList<>();
            for (Op op : g.ops) {
                if (!codes.contains(op.op.code())) {
                    codes.add(op.op.code());
                }
                Table t = new Table().i32(0, codes.indexOf(op.op.code())).ints(1, op.inputs).ints(2, op.outputs);
                if (op.optionsType != 0) {
                    t.u8(3, op.optionsType);
                }
                if (op.options != null) {
                    t.table(4, op.options);
                }
                ops.add(t);
            }
            subgraphs.add(new Table().vector(0, Vec.tables(g.tensors)).ints(1, g.inputs).ints(2, g.outputs)
                    .vector(3, Vec.tables(ops)).string(4, g.name));
        }
        List<Table> codeTables = new ArrayList<>();
        for (int code : codes) {
            codeTables.add(new Table().u8(0, Math.min(code, 127)).i32(2, 1).i32(3, code));
        }
        List<Table> bufferTables = new ArrayList<>();
        for (byte[] b : buffers) {
            bufferTables.add(b.length == 0 ? new Table() : new Table().vector(0, Vec.bytes(b, false)));
        }
        Table model = new Table().i32(0, 3).vector(1, Vec.tables(codeTables)).vector(2, Vec.tables(subgraphs))
                .string(3, "test model").vector(4, Vec.tables(bufferTables));
        return FbWriter.finish(model, "TFL3");
    }

    // ---- a ready-made valid model, as the converter writes a tf.Variable accumulator ----

    /** Handles of {@link #accumulator()}'s parts, for tests that change one of them. */
    Graph main;
    Graph init;
    Op mainRead;
    Op mainAssign;
    Op initAssign;

    /**
     * main: CALL_ONCE(1); h = VAR_HANDLE 'acc'; r = READ(h); s = ADD_N(r, x); ASSIGN(h, s); output s.
     * subgraph 1: h1 = VAR_HANDLE 'acc'; ASSIGN(h1, [1, 2, 3, 4]). Float32 [1, 4] throughout.
     */
    static SubgraphModel accumulator() {
        SubgraphModel m = new SubgraphModel();
        Graph main = m.graph("main");
        Graph init = m.graph("init");
        m.main = main;
        m.init = init;
        int x = m.tensor(main, "x", TensorType.FLOAT32, null, 1, 4);
        main.inputs = new int[] {x};
        m.callOnce(main, 1);
        int h = m.varHandle(main, "acc");
        int r = m.tensor(main, "read", TensorType.FLOAT32, null, 1, 4);
        m.mainRead = m.op(main, BuiltinOperator.READ_VARIABLE, new int[] {h}, new int[] {r}, 0, null);
        int s = m.tensor(main, "sum", TensorType.FLOAT32, null, 1, 4);
        m.op(main, BuiltinOperator.ADD_N, new int[] {r, x}, new int[] {s}, 0, null);
        m.mainAssign = m.op(main, BuiltinOperator.ASSIGN_VARIABLE, new int[] {h, s}, new int[0], 0, null);
        main.outputs = new int[] {s};
        int h1 = m.varHandle(init, "acc");
        int v = m.tensor(init, "initial", TensorType.FLOAT32, floats(1, 2, 3, 4), 1, 4);
        m.initAssign = m.op(init, BuiltinOperator.ASSIGN_VARIABLE, new int[] {h1, v}, new int[0], 0, null);
        return m;
    }
}
