/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.ResourceLimitException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.FbWriter.Table;
import dev.ember4j.tflite.prepare.Limits;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.OnceBlock;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedTensor;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;

import static dev.ember4j.tflite.ModelFormatMessagesTest.formatError;
import static dev.ember4j.tflite.ModelFormatMessagesTest.message;
import static dev.ember4j.tflite.ModelFormatMessagesTest.prepare;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models with several subgraphs, CALL_ONCE and resource variables: how they are prepared, and precise
 * load-time errors for each way one can be malformed or beyond what Ember4j runs.
 */
class ResourceVariableModelsTest {

    static String unsupported(byte[] model, String... fragments) {
        return message(UnsupportedOperatorException.class, () -> prepare(model), fragments);
    }

    @Test
    void accumulatorIsInlinedAndResolved() {
        SubgraphModel m = SubgraphModel.accumulator();
        PreparedModel p = prepare(m.build());
        // init's ASSIGN, then READ, ADD_N, ASSIGN: the VAR_HANDLEs and the CALL_ONCE do not run
        assertEquals(List.of(BuiltinOperator.ASSIGN_VARIABLE, BuiltinOperator.READ_VARIABLE, BuiltinOperator.ADD_N,
                BuiltinOperator.ASSIGN_VARIABLE), p.ops().stream().map(o -> o.op()).toList());
        assertEquals(1, p.once().size());
        OnceBlock block = p.once().get(0);
        assertEquals(0, block.from());
        assertEquals(1, block.to());
        assertEquals(1, block.subgraph());
        List<PreparedTensor> vars = p.variables();
        assertEquals(2, vars.size(), "the variable's storage and the CALL_ONCE flag");
        PreparedTensor storage = p.tensor(p.ops().get(1).inputs()[0]);
        assertEquals(TensorType.FLOAT32, storage.type());
        assertArrayEquals(new int[] {1, 4}, storage.shape());
        assertEquals("resource variable 'acc'", storage.name());
        assertEquals(storage.index(), p.ops().get(0).inputs()[0], "both ASSIGNs write the same storage");
        assertEquals(storage.index(), p.ops().get(3).inputs()[0]);
        PreparedTensor flag = p.tensor(block.flagTensor());
        assertArrayEquals(new byte[] {0}, flag.initial());
        assertTrue(flag.arenaOffset() >= 0 && storage.arenaOffset() >= 0);
    }

    @Test
    void initSubgraphIndexOutOfRange() {
        for (int bad : new int[] {2, 7, -1}) {
            SubgraphModel m = SubgraphModel.accumulator();
            m.main.ops.get(0).options = new Table().i32(0, bad);
            formatError(m.build(), "operator 0 (CALL_ONCE)", "init_subgraph_index " + bad + " out of range",
                    "2 subgraphs");
        }
    }

    @Test
    void callOnceOfTheMainGraphOrACycleIsRefused() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.ops.get(0).options = new Table().i32(0, 0);
        formatError(m.build(), "operator 0 (CALL_ONCE)", "init_subgraph_index 0", "recursion", "subgraphs 0 -> 0");
        m = SubgraphModel.accumulator();
        m.main.ops.get(0).options = null; // the default index is 0 as well
        m.main.ops.get(0).optionsType = 0;
        formatError(m.build(), "init_subgraph_index 0", "recursion");

        m = SubgraphModel.accumulator();
        SubgraphModel.Graph other = m.graph("other");
        m.callOnce(other, 1);
        m.callOnce(m.init, 2);
        formatError(m.build(), "subgraph 2 operator 0 (CALL_ONCE)", "init_subgraph_index 1", "subgraphs 1 -> 2 -> 1");
        m = SubgraphModel.accumulator();
        m.callOnce(m.init, 1);
        formatError(m.build(), "subgraph 1 operator 2 (CALL_ONCE)", "subgraphs 1 -> 1");
    }

    @Test
    void callOnceAndItsSubgraphTakeNoTensors() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.ops.get(0).inputs = new int[] {0};
        formatError(m.build(), "operator 0 (CALL_ONCE)", "has 1 inputs and 0 outputs, expected none");
        m = SubgraphModel.accumulator();
        m.init.inputs = new int[] {1};
        formatError(m.build(), "operator 0 (CALL_ONCE)", "initialization subgraph 1 'init' has 1 inputs");
        m = SubgraphModel.accumulator();
        m.main.ops.get(0).optionsType = 5;
        formatError(m.build(), "operator 0 (CALL_ONCE)", "options type 5", "CallOnceOptions");
    }

    @Test
    void repeatedCallOnceRunsItsSubgraphOnce() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.callOnce(m.main, 1); // at the end: TFLite finds subgraph 1 initialized, a no-op
        PreparedModel p = prepare(m.build());
        assertEquals(4, p.ops().size());
        assertEquals(1, p.once().size());
    }

    @Test
    void varHandleNeedsASharedName() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.ops.get(1).options = new Table().string(0, "");
        formatError(m.build(), "operator 1 (VAR_HANDLE)", "no shared_name");
        m.main.ops.get(1).options = new Table().string(1, "");
        formatError(m.build(), "operator 1 (VAR_HANDLE)", "no shared_name");
        m.main.ops.get(1).options = null;
        m.main.ops.get(1).optionsType = 0;
        formatError(m.build(), "operator 1 (VAR_HANDLE)", "no shared_name");
    }

    @Test
    void readOfAVariableNoAssignGaveAValue() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.ops.get(1).options = new Table().string(0, "").string(1, "other"); // main reads 'other'
        formatError(m.build(), "operator 2 (READ_VARIABLE)", "reads resource variable 'other' before any ASSIGN_VARIABLE");
        m = SubgraphModel.accumulator();
        m.main.ops.get(1).options = new Table().string(0, "elsewhere").string(1, "acc"); // another container
        formatError(m.build(), "operator 2 (READ_VARIABLE)", "'acc' before any ASSIGN_VARIABLE");
        m = SubgraphModel.accumulator();
        m.main.ops.remove(0); // no CALL_ONCE: the first READ comes before the first ASSIGN
        formatError(m.build(), "operator 1 (READ_VARIABLE)", "'acc' before any ASSIGN_VARIABLE");
        m = SubgraphModel.accumulator();
        m.main.ops.add(m.main.ops.remove(0)); // CALL_ONCE after the READ: TFLite fails the first invoke
        formatError(m.build(), "operator 1 (READ_VARIABLE)", "'acc' before any ASSIGN_VARIABLE");
    }

    @Test
    void resourceInputMustComeFromAnEarlierVarHandle() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.ops.add(3, m.main.ops.remove(1)); // VAR_HANDLE after the READ
        formatError(m.build(), "operator 1 (READ_VARIABLE)", "resource input tensor 1 'acc_handle'",
                "not written by an earlier VAR_HANDLE");
        m = SubgraphModel.accumulator();
        m.mainRead.inputs = new int[] {0}; // a float tensor as the resource id
        unsupported(m.build(), "operator 2 (READ_VARIABLE)", "resource id input tensor 0 'x' FLOAT32");
        m = SubgraphModel.accumulator();
        m.mainRead.inputs = new int[] {-1};
        formatError(m.build(), "operator 2 (READ_VARIABLE)", "resource input is missing");
    }

    @Test
    void readTypeOrShapeDifferentFromTheVariable() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.main.tensors.set(2, new Table().ints(0, 1, 4).u8(1, TensorType.INT32.code()).i32(2, 0).string(3, "read"));
        formatError(m.build(), "operator 2 (READ_VARIABLE)", "output tensor 2 'read' has type INT32",
                "the variable holds FLOAT32");
        m = SubgraphModel.accumulator();
        m.main.tensors.set(2, new Table().ints(0, 4, 1).u8(1, TensorType.FLOAT32.code()).i32(2, 0).string(3, "read"));
        unsupported(m.build(), "operator 2 (READ_VARIABLE)", "shape [4, 1], the variable [1, 4]");
    }

    @Test
    void assignsOfAnotherTypeOrShapeAreRefused() {
        SubgraphModel m = SubgraphModel.accumulator();
        int v = m.tensor(m.init, "ints", TensorType.INT32, TestModel.int32s(1, 2, 3, 4), 1, 4);
        m.initAssign.inputs = new int[] {0, v};
        // the init subgraph now gives 'acc' INT32 values, the main graph FLOAT32 ones
        unsupported(m.build(), "operator 4 (ASSIGN_VARIABLE)", "assigns FLOAT32[1, 4] to resource variable 'acc'",
                "subgraph 1 operator 1 (ASSIGN_VARIABLE) assigned INT32[1, 4]", "one type and shape per variable");
        m = SubgraphModel.accumulator();
        int w = m.tensor(m.init, "wide", TensorType.FLOAT32, SubgraphModel.floats(1, 2, 3, 4, 5, 6, 7, 8), 2, 4);
        m.initAssign.inputs = new int[] {0, w};
        // main assigns [1,4] to the variable subgraph 1 assigned [2,4]
        unsupported(m.build(), "operator 4 (ASSIGN_VARIABLE)", "assigns FLOAT32[1, 4] to resource variable 'acc'",
                "subgraph 1 operator 1 (ASSIGN_VARIABLE) assigned FLOAT32[2, 4]");
    }

    @Test
    void assignArity() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.initAssign.outputs = new int[] {1};
        formatError(m.build(), "subgraph 1 operator 1 (ASSIGN_VARIABLE)", "has 2 inputs and 1 outputs, expected 2 and 0");
        m = SubgraphModel.accumulator();
        m.initAssign.inputs = new int[] {0, -1};
        formatError(m.build(), "subgraph 1 operator 1 (ASSIGN_VARIABLE)", "value input is missing");
    }

    @Test
    void resourceTensorsOnlyGoToVariableOperators() {
        SubgraphModel m = SubgraphModel.accumulator();
        int o = m.tensor(m.main, "bad", TensorType.FLOAT32, null, 1, 4);
        m.op(m.main, BuiltinOperator.ADD_N, new int[] {1, 0}, new int[] {o}, 0, null);
        unsupported(m.build(), "operator 5 (ADD_N) takes resource tensor 1 'acc_handle'");
        m = SubgraphModel.accumulator();
        m.main.outputs = new int[] {1};
        unsupported(m.build(), "model output tensor 1 'acc_handle' is a resource id");
    }

    @Test
    void subgraphErrorsNameTheSubgraph() {
        SubgraphModel m = SubgraphModel.accumulator();
        m.init.tensors.set(1, new Table().ints(0, 1, 4).u8(1, TensorType.FLOAT32.code()).i32(2, 99).string(3, "v"));
        formatError(m.build(), "subgraph 1: tensor 1 'v'", "buffer 99 out of range");
        m = SubgraphModel.accumulator();
        m.initAssign.inputs = new int[] {0, 5};
        formatError(m.build(), "subgraph 1: operator 1 (ASSIGN_VARIABLE) input 5 out of range", "2 tensors");
        // an unused subgraph is read, and checked, too (as TFLite does)
        m = SubgraphModel.accumulator();
        SubgraphModel.Graph unused = m.graph("unused");
        unused.outputs = new int[] {3};
        formatError(m.build(), "subgraph 2: subgraph output 3 out of range");
    }

    @Test
    void unsupportedOperatorsInAnInitSubgraphAreNamed() {
        SubgraphModel m = SubgraphModel.accumulator();
        int y = m.tensor(m.init, "y", TensorType.FLOAT32, null, 1, 4);
        m.op(m.init, BuiltinOperator.POW, new int[] {1, 1}, new int[] {y}, 0, null);
        unsupported(m.build(), "subgraph 1 operator 2 (POW) is not supported", "POW x1");
        byte[] ok = SubgraphModel.accumulator().build();
        var without = EnumSet.copyOf(ModelPreparer.SUPPORTED);
        without.remove(BuiltinOperator.CALL_ONCE);
        message(UnsupportedOperatorException.class,
                () -> ModelPreparer.prepare(ModelReader.read(ByteBuffer.wrap(ok)), without),
                "operator 0 (CALL_ONCE) is not registered in the op resolver");
        SubgraphModel withMax = SubgraphModel.accumulator();
        int z = withMax.tensor(withMax.init, "z", TensorType.FLOAT32, null, 1, 4);
        withMax.op(withMax.init, BuiltinOperator.MAXIMUM, new int[] {1, 1}, new int[] {z}, 0, null);
        byte[] max = withMax.build();
        prepare(max);
        var noMax = EnumSet.copyOf(ModelPreparer.SUPPORTED);
        noMax.remove(BuiltinOperator.MAXIMUM);
        message(UnsupportedOperatorException.class,
                () -> ModelPreparer.prepare(ModelReader.read(ByteBuffer.wrap(max)), noMax),
                "subgraph 1 operator 2 (MAXIMUM) is not registered in the op resolver");
    }

    @Test
    void limitsCountEverySubgraph() {
        byte[] model = SubgraphModel.accumulator().build();
        TfliteModel read = ModelReader.read(ByteBuffer.wrap(model));
        assertEquals(2, read.subgraphs().size());
        // 5 operators in main and 2 in the init subgraph, 4 + 2 tensors
        ModelPreparer.prepare(read, ModelPreparer.SUPPORTED, Limits.DEFAULT.withMaxOperators(7).withMaxTensors(6));
        ResourceLimitException e = assertThrows(ResourceLimitException.class,
                () -> ModelPreparer.prepare(read, ModelPreparer.SUPPORTED, Limits.DEFAULT.withMaxOperators(6)));
        assertEquals(7, e.required());
        e = assertThrows(ResourceLimitException.class,
                () -> ModelPreparer.prepare(read, ModelPreparer.SUPPORTED, Limits.DEFAULT.withMaxTensors(5)));
        assertEquals(6, e.required());
    }
}
