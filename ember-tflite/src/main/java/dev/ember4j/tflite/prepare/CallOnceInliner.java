/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.SubgraphDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * CALL_ONCE (TFLite 2.21 call_once.cc): runs its initialization subgraph on the first invocation and is a
 * no-op afterwards. Inlined here: the subgraph's operators take the CALL_ONCE's place in the main graph
 * (their tensors renumbered after the main graph's) and form a {@link OnceBlock} guarded by a one-byte
 * flag. A subgraph another CALL_ONCE already ran is not run again (TFLite keeps one initialization status
 * per subgraph); CALL_ONCEs inside an initialization subgraph are inlined into the same block, which
 * runs once as a whole.
 */
final class CallOnceInliner {
    private static final int OPTIONS = 103; // BuiltinOptions.CallOnceOptions

    private final TfliteModel model;
    private final List<TensorDef> tensors;
    private final List<OperatorDef> ops = new ArrayList<>();
    private final List<String> origins = new ArrayList<>();
    private final List<OnceBlock> blocks = new ArrayList<>();
    /** Subgraphs a CALL_ONCE has run (later CALL_ONCEs of them are no-ops). */
    private final Set<Integer> called = new HashSet<>();

    private CallOnceInliner(TfliteModel model) {
        this.model = model;
        this.tensors = new ArrayList<>(model.tensors());
    }

    /** The main graph with every CALL_ONCE replaced by its initialization subgraph's operators. */
    static FlatGraph inline(TfliteModel model) {
        if (model.operators().stream().noneMatch(d -> d.op() == BuiltinOperator.CALL_ONCE)) {
            return FlatGraph.of(model);
        }
        CallOnceInliner inliner = new CallOnceInliner(model);
        inliner.emit(model.subgraphs().get(0), 0, new ArrayList<>(List.of(0)));
        TfliteModel flat = new TfliteModel(model.version(), model.description(), List.copyOf(inliner.tensors),
                List.copyOf(inliner.ops), model.inputs(), model.outputs(), model.buffers(), model.subgraphs());
        return new FlatGraph(flat, List.copyOf(inliner.blocks), List.copyOf(inliner.origins));
    }

    /** Appends the operators of {@code graph}, whose tensors start at {@code base}; {@code path}: the calling chain. */
    private void emit(SubgraphDef graph, int base, List<Integer> path) {
        for (OperatorDef def : graph.operators()) {
            String where = origin(graph, def);
            if (def.op() != BuiltinOperator.CALL_ONCE) {
                ops.add(new OperatorDef(ops.size(), def.op(), def.version(), shift(def.inputs(), base),
                        shift(def.outputs(), base), def.optionsType(), def.options()));
                origins.add(where);
                continue;
            }
            int index = initSubgraph(def, where, path);
            if (!called.add(index)) {
                continue; // TFLite: already initialized, a no-op
            }
            SubgraphDef init = model.subgraphs().get(index);
            if (init.inputs().length != 0 || init.outputs().length != 0) {
                throw new ModelFormatException(where + ": initialization " + init.label() + " has "
                        + init.inputs().length + " inputs and " + init.outputs().length + " outputs, expected none");
            }
            int initBase = tensors.size();
            for (TensorDef t : init.tensors()) {
                tensors.add(new TensorDef(initBase + t.index(), t.name(), t.type(), t.shape(), t.buffer(),
                        t.quantization(), t.isVariable()));
            }
            int from = ops.size();
            path.add(index);
            emit(init, initBase, path);
            path.remove(path.size() - 1);
            if (path.size() == 1 && ops.size() > from) {
                blocks.add(new OnceBlock(from, ops.size(), -1, index)); // the flag comes with withFlags
            }
        }
    }

    /** CALL_ONCE's init_subgraph_index, checked as TFLite's Prepare does (and against cycles). */
    private int initSubgraph(OperatorDef def, String where, List<Integer> path) {
        if (def.inputs().length != 0 || def.outputs().length != 0) {
            throw new ModelFormatException(where + ": has " + def.inputs().length + " inputs and "
                    + def.outputs().length + " outputs, expected none");
        }
        if (def.optionsType() != 0 && def.optionsType() != OPTIONS) {
            throw new ModelFormatException(where + ": builtin options type " + def.optionsType()
                    + " does not match CallOnceOptions (" + OPTIONS + ")");
        }
        int index = OpContext.i32(def.options(), 0, 0);
        int count = model.subgraphs().size();
        if (index < 0 || index >= count) {
            throw new ModelFormatException(where + ": init_subgraph_index " + index + " out of range, the model has "
                    + count + " subgraph" + (count == 1 ? "" : "s"));
        }
        if (path.contains(index)) {
            List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(index), path.size()));
            cycle.add(index);
            throw new ModelFormatException(where + ": init_subgraph_index " + index + " calls a subgraph already being "
                    + "called, a recursion that never ends (subgraphs " + cycle.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(" -> ")) + ")");
        }
        return index;
    }

    /** Gives every block its flag: a one-byte variable tensor after all others, initially 0. */
    static FlatGraph withFlags(FlatGraph flat) {
        if (flat.once().isEmpty()) {
            return flat;
        }
        TfliteModel m = flat.model();
        List<TensorDef> tensors = new ArrayList<>(m.tensors());
        List<byte[]> buffers = new ArrayList<>(m.buffers());
        int empty = FlatGraph.emptyBuffer(buffers);
        List<OnceBlock> blocks = new ArrayList<>();
        for (OnceBlock b : flat.once()) {
            int id = tensors.size();
            tensors.add(new TensorDef(id, "CALL_ONCE subgraph " + b.subgraph() + " done", TensorType.UINT8,
                    new int[] {1}, empty, null, true));
            blocks.add(new OnceBlock(b.from(), b.to(), id, b.subgraph()));
        }
        TfliteModel out = new TfliteModel(m.version(), m.description(), List.copyOf(tensors), m.operators(),
                m.inputs(), m.outputs(), List.copyOf(buffers), m.subgraphs());
        return new FlatGraph(out, List.copyOf(blocks), flat.origins());
    }

    static String origin(SubgraphDef graph, OperatorDef def) {
        return graph.index() == 0 ? def.label() : "subgraph " + graph.index() + " " + def.label();
    }

    private static int[] shift(int[] ids, int base) {
        int[] out = ids.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = out[i] < 0 ? out[i] : out[i] + base;
        }
        return out;
    }
}
