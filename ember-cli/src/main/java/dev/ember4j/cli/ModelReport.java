/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundOps;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import dev.ember4j.tflite.prepare.PreparedTensor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code ember inspect} reports, as one tree of maps and lists: {@code --json} serializes it as
 * is and the text view prints the same fields, so both always carry the same content.
 */
final class ModelReport {
    private ModelReport() {}

    /** The report with the kernel {@code backend} chooses for each operator. */
    static Map<String, Object> build(Models.Loaded loaded, KernelBackend backend) {
        TfliteModel model = loaded.model();
        PreparedModel prepared = loaded.prepared();
        BoundOps bound = prepared.bind(backend);
        MemoryPlan plan = prepared.plan();

        Map<String, Object> root = new LinkedHashMap<>();
        root.put("model", loaded.path().toString());
        root.put("file_bytes", loaded.bytes().length);
        root.put("description", model.description());
        root.put("backend", backend.description());
        root.put("inputs", model.inputs().clone());
        root.put("outputs", model.outputs().clone());

        List<Object> ops = new ArrayList<>();
        Set<Integer> weightTensors = new HashSet<>();
        long totalWeights = 0;
        for (int k = 0; k < prepared.ops().size(); k++) {
            PreparedOp op = prepared.ops().get(k);
            OperatorDef def = model.operators().get(op.index());
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", op.index());
            o.put("op", op.name());
            for (var block : prepared.once()) {
                if (block.contains(k)) {
                    o.put("call_once", block.subgraph()); // runs on the first invoke after creation or reset only
                }
            }
            o.put("kernel", bound.choice(k) == null ? "(alias)" : bound.choice(k).describe());
            o.put("version", def.version());
            o.put("inputs", def.inputs().clone());
            o.put("outputs", def.outputs().clone());
            o.put("macs", op.params() == null ? 0L : op.params().macs());
            long weights = 0;
            Set<Integer> seen = new HashSet<>();
            for (int w : weightInputs(def)) {
                byte[] data = model.constantData(model.tensor(w));
                if (data != null && seen.add(w)) {
                    weights += data.length;
                    if (weightTensors.add(w)) {
                        totalWeights += data.length;
                    }
                }
            }
            o.put("weight_bytes", weights);
            o.put("params", params(model, def, op));
            ops.add(o);
        }
        root.put("operators", ops);

        List<Object> tensors = new ArrayList<>();
        for (TensorDef t : model.tensors()) {
            tensors.add(tensor(model, prepared, plan, t));
        }
        root.put("tensors", tensors);

        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("operators", prepared.ops().size());
        totals.put("tensors", model.tensors().size());
        totals.put("macs", prepared.macs());
        totals.put("weight_bytes", totalWeights);
        totals.put("arena_bytes", plan.arenaBytes());
        root.put("totals", totals);

        Map<String, Object> arena = new LinkedHashMap<>();
        arena.put("arena_bytes", plan.arenaBytes());
        arena.put("lower_bound", plan.lowerBound());
        List<Integer> inArena = new ArrayList<>();
        for (int id = 0; id < plan.offsets().length; id++) {
            if (plan.inArena(id)) {
                inArena.add(id);
            }
        }
        inArena.sort(Comparator.<Integer>comparingInt(plan::offset).thenComparingInt(id -> id));
        List<Object> placements = new ArrayList<>();
        for (int id : inArena) {
            TensorDef t = model.tensor(id);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("id", id);
            a.put("name", t.name());
            a.put("offset", plan.offset(id));
            a.put("bytes", t.byteSize());
            a.put("first_use", plan.firstUse()[id]);
            a.put("last_use", plan.lastUse()[id]);
            placements.add(a);
        }
        arena.put("tensors", placements);
        root.put("arena", arena);
        return root;
    }

    /** Constant operands that count as weights: everything but RESHAPE's new-shape operand. */
    private static List<Integer> weightInputs(OperatorDef def) {
        List<Integer> ids = new ArrayList<>();
        int[] in = def.inputs();
        int n = def.op() == BuiltinOperator.RESHAPE ? Math.min(1, in.length) : in.length;
        for (int i = 0; i < n; i++) {
            if (in[i] >= 0) {
                ids.add(in[i]);
            }
        }
        return ids;
    }

    private static Map<String, Object> tensor(TfliteModel model, PreparedModel prepared, MemoryPlan plan, TensorDef t) {
        int id = t.index();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", t.name());
        m.put("type", t.type().name());
        m.put("shape", t.shape().clone());
        if (t.quantization() != null && t.quantization().scale().length > 0) {
            m.put("scale", t.quantization().scale(0));
            m.put("zero_point", t.quantization().zeroPoint().length > 0 ? t.quantization().zeroPoint(0) : 0);
            if (t.quantization().perChannel()) {
                m.put("channels", t.quantization().scale().length);
                m.put("quantized_dimension", t.quantization().quantizedDimension());
            }
        } else {
            m.put("scale", null);
            m.put("zero_point", null);
        }
        m.put("bytes", t.type().bytes() < 0 ? null : (long) t.elementCount() * t.type().bytes());
        String role = role(model, id);
        if (role != null) {
            m.put("role", role);
        }
        PreparedTensor p = id < prepared.tensors().size() ? prepared.tensor(id) : null;
        if (model.constantData(t) != null || (p != null && p.isConstant())) {
            m.put("storage", "constant");
        } else if (id < plan.offsets().length && plan.inArena(id)) {
            m.put("storage", "arena");
            m.put("offset", plan.offset(id));
            m.put("first_use", plan.firstUse()[id]);
            m.put("last_use", plan.lastUse()[id]);
        } else {
            m.put("storage", "unused");
        }
        return m;
    }

    private static String role(TfliteModel model, int id) {
        for (int i = 0; i < model.inputs().length; i++) {
            if (model.inputs()[i] == id) {
                return "input " + i;
            }
        }
        for (int i = 0; i < model.outputs().length; i++) {
            if (model.outputs()[i] == id) {
                return "output " + i;
            }
        }
        return null;
    }

    private static boolean perChannel(TfliteModel model, OperatorDef def, boolean guess) {
        if (def.inputs().length > 1 && def.inputs()[1] >= 0) {
            TensorDef filter = model.tensor(def.inputs()[1]);
            if (filter.quantization() != null) {
                return filter.quantization().perChannel();
            }
        }
        return guess;
    }

    static Map<String, Object> params(TfliteModel model, OperatorDef def, PreparedOp op) {
        Map<String, Object> m = new LinkedHashMap<>();
        OperatorParams params = op.params();
        Map<String, Object> described = params == null ? null : params.describe();
        if (described != null) {
            m.putAll(described);
            if (m.get("per_channel") instanceof Boolean guess) { // the record's guess; the weights' quantization decides
                m.put("per_channel", perChannel(model, def, guess));
            }
            m.putIfAbsent("output_shape", model.tensor(op.output()).shape().clone());
        } else if (op.op() == BuiltinOperator.RESHAPE || op.isAlias()) {
            m.put("new_shape", model.tensor(op.output()).shape().clone());
        } else if (params != null && params.getClass().isRecord()) {
            recordFields(params, m);
        }
        return m;
    }

    /** A registry operator's record: its scalar fields and short int arrays (shapes, strides, axes), by name. */
    private static void recordFields(OperatorParams params, Map<String, Object> m) {
        for (java.lang.reflect.RecordComponent c : params.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(params);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            String key = c.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
            if (v instanceof Integer || v instanceof Long || v instanceof Boolean) {
                m.put(key, v);
            } else if (v instanceof Float || v instanceof Double) {
                m.put(key, ((Number) v).doubleValue());
            } else if (v instanceof int[] a && a.length <= 8) {
                m.put(key, a.clone());
            }
        }
    }
}
