/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resource variables (TFLite 2.21 var_handle.cc, read_variable.cc, assign_variable.cc,
 * experimental/resource/resource_variable.cc), resolved on the flat graph before preparation.
 *
 * <p>A VAR_HANDLE names a variable by (container, shared_name), the same one in every subgraph; it only
 * produces the variable's id, so it is resolved here and does not run. Each variable gets a storage
 * tensor: a variable tensor (persistent, after the planned arena, see {@link Variables}) of the type and
 * shape its ASSIGN_VARIABLEs give it. READ_VARIABLE and ASSIGN_VARIABLE are rewritten to read that tensor
 * instead of the resource id: {@code READ(storage) -> output}, {@code ASSIGN(storage, value)}, and their
 * kernels copy bytes as TFLite's do.
 *
 * <p>TFLite allocates a variable on its first ASSIGN and fails an invocation that reads it earlier; it
 * reallocates on an ASSIGN of another shape or type. Here the first access of every variable, in the
 * order of the first invocation (CALL_ONCE blocks inlined), must be an ASSIGN (else
 * {@link ModelFormatException}), and all its ASSIGNs must agree in type and shape (else
 * {@link UnsupportedOperatorException}): state with one static layout.
 */
final class ResourceVariables {
    private static final int OPTIONS = 111; // BuiltinOptions.VarHandleOptions

    private ResourceVariables() {}

    /** One variable: its name and, once assigned, its storage tensor and the first ASSIGN. */
    private static final class Variable {
        final String name;
        int storage = -1;
        String assignedBy;

        Variable(String name) {
            this.name = name;
        }
    }

    static FlatGraph resolve(FlatGraph flat) {
        TfliteModel m = flat.model();
        if (m.operators().stream().noneMatch(d -> d.op() == BuiltinOperator.VAR_HANDLE
                || d.op() == BuiltinOperator.READ_VARIABLE || d.op() == BuiltinOperator.ASSIGN_VARIABLE)) {
            return flat;
        }
        List<TensorDef> tensors = new ArrayList<>(m.tensors());
        List<byte[]> buffers = new ArrayList<>(m.buffers());
        int empty = FlatGraph.emptyBuffer(buffers);
        Map<String, Variable> byKey = new LinkedHashMap<>();
        Map<Integer, Variable> handles = new HashMap<>(); // VAR_HANDLE output tensor -> its variable
        Set<Integer> written = new HashSet<>();
        for (int id : m.inputs()) {
            written.add(id);
        }
        List<OperatorDef> ops = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        int n = m.operators().size();
        int[] newPosition = new int[n + 1];
        for (int i = 0; i < n; i++) {
            newPosition[i] = ops.size();
            OperatorDef def = m.operators().get(i);
            String where = flat.origins().get(i);
            int[] inputs = def.inputs();
            switch (def.op()) {
                case VAR_HANDLE -> {
                    varHandle(m, def, where, byKey, handles, written);
                    continue;
                }
                case READ_VARIABLE -> {
                    arity(def, where, 1, 1);
                    Variable v = variable(m, def, where, handles);
                    if (v.storage < 0) {
                        throw new ModelFormatException(where + ": reads resource variable '" + v.name
                                + "' before any ASSIGN_VARIABLE gives it a value (TFLite fails the first invocation)");
                    }
                    inputs = new int[] {v.storage};
                }
                case ASSIGN_VARIABLE -> {
                    arity(def, where, 2, 0);
                    Variable v = variable(m, def, where, handles);
                    if (def.inputs()[1] < 0) {
                        throw new ModelFormatException(where + ": the value input is missing");
                    }
                    TensorDef value = m.tensor(def.inputs()[1]);
                    if (v.storage < 0) {
                        v.storage = tensors.size();
                        v.assignedBy = where;
                        tensors.add(new TensorDef(v.storage, "resource variable '" + v.name + "'", value.type(),
                                value.shape(), empty, value.quantization(), true));
                    } else {
                        TensorDef s = tensors.get(v.storage);
                        if (s.type() != value.type() || !Arrays.equals(s.shape(), value.shape())) {
                            throw new UnsupportedOperatorException(where + ": assigns " + value.type()
                                    + value.shapeString() + " to resource variable '" + v.name + "', which "
                                    + v.assignedBy + " assigned " + s.type() + s.shapeString() + "; Ember4j keeps one"
                                    + " type and shape per variable (TFLite reallocates it)");
                        }
                    }
                    inputs = new int[] {v.storage, def.inputs()[1]};
                }
                default -> {
                    for (int id : inputs) {
                        if (handles.containsKey(id)) {
                            throw new UnsupportedOperatorException(where + " takes resource " + m.tensor(id).label()
                                    + "; only READ_VARIABLE and ASSIGN_VARIABLE take resource variables");
                        }
                    }
                }
            }
            for (int id : def.outputs()) {
                if (handles.containsKey(id)) {
                    throw new ModelFormatException(where + ": writes " + m.tensor(id).label()
                            + ", the resource id a VAR_HANDLE writes");
                }
                written.add(id);
            }
            ops.add(new OperatorDef(ops.size(), def.op(), def.version(), inputs, def.outputs(), def.optionsType(),
                    def.options()));
            origins.add(where);
        }
        newPosition[n] = ops.size();
        for (int id : m.outputs()) {
            if (handles.containsKey(id)) {
                throw new UnsupportedOperatorException("model output " + m.tensor(id).label()
                        + " is a resource id; only tensors can be model outputs");
            }
        }
        List<OnceBlock> blocks = new ArrayList<>();
        for (OnceBlock b : flat.once()) {
            int from = newPosition[b.from()];
            int to = newPosition[b.to()];
            if (to > from) { // a block of VAR_HANDLEs only has nothing left to run
                blocks.add(new OnceBlock(from, to, b.flagTensor(), b.subgraph()));
            }
        }
        TfliteModel out = new TfliteModel(m.version(), m.description(), List.copyOf(tensors), List.copyOf(ops),
                m.inputs(), m.outputs(), List.copyOf(buffers), m.subgraphs());
        return new FlatGraph(out, List.copyOf(blocks), List.copyOf(origins));
    }

    private static void varHandle(TfliteModel m, OperatorDef def, String where, Map<String, Variable> byKey,
                                  Map<Integer, Variable> handles, Set<Integer> written) {
        arity(def, where, 0, 1);
        if (def.optionsType() != 0 && def.optionsType() != OPTIONS) {
            throw new ModelFormatException(where + ": builtin options type " + def.optionsType()
                    + " does not match VarHandleOptions (" + OPTIONS + ")");
        }
        String container = def.options() == null ? null : def.options().string(0, "container");
        String sharedName = def.options() == null ? null : def.options().string(1, "shared_name");
        if (sharedName == null || sharedName.isEmpty()) {
            // TFLite would key every such handle ("", ""), one variable for all; a converter always names them
            throw new ModelFormatException(where + ": VarHandleOptions has no shared_name naming the variable");
        }
        int out = def.outputs()[0];
        TensorDef t = m.tensor(out);
        if (t.type() != TensorType.RESOURCE && t.type() != TensorType.INT32) {
            throw new ModelFormatException(where + ": output " + t.label() + " has type " + t.type()
                    + ", a resource id is RESOURCE or INT32");
        }
        if (!written.add(out)) {
            throw new ModelFormatException(where + ": writes " + t.label() + ", which is already written"
                    + " (by the caller or an earlier operator)");
        }
        String key = (container == null ? "" : container) + '\0' + sharedName;
        handles.put(out, byKey.computeIfAbsent(key, k -> new Variable(sharedName)));
    }

    /** The variable input 0 names: the output of an earlier VAR_HANDLE. */
    private static Variable variable(TfliteModel m, OperatorDef def, String where, Map<Integer, Variable> handles) {
        int id = def.inputs()[0];
        if (id < 0) {
            throw new ModelFormatException(where + ": the resource input is missing");
        }
        Variable v = handles.get(id);
        if (v == null && m.tensor(id).type() == TensorType.RESOURCE) {
            throw new ModelFormatException(where + ": resource input " + m.tensor(id).label()
                    + " is not written by an earlier VAR_HANDLE");
        }
        if (v == null) {
            throw new UnsupportedOperatorException(where + ": resource id input " + m.tensor(id).label() + " "
                    + m.tensor(id).type() + " is not a VAR_HANDLE's output; other resource ids are not supported");
        }
        return v;
    }

    private static void arity(OperatorDef def, String where, int inputs, int outputs) {
        if (def.inputs().length != inputs || def.outputs().length != outputs) {
            throw new ModelFormatException(where + ": has " + def.inputs().length + " inputs and "
                    + def.outputs().length + " outputs, expected " + inputs + " and " + outputs);
        }
    }
}
