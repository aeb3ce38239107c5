/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.prepare.ModelPreparer;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code ember inspect} can still show of a model that uses operators Ember4j does not run: every
 * unsupported operator with its count, and the operators and tensors as the file declares them (no
 * kernel parameters or arena plan, which need a prepared model).
 */
final class UnsupportedReport {
    private UnsupportedReport() {}

    /** "PACK x4, SHAPE x1, CUSTOM(Foo) x1". */
    static String summary(Map<String, Integer> unsupported) {
        return unsupported.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    static Map<String, Object> build(String path, int fileBytes, TfliteModel model,
                                     Map<String, Integer> unsupported) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", path);
        r.put("file_bytes", fileBytes);
        r.put("description", model.description());
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.putAll(unsupported);
        r.put("unsupported_operators", counts);
        r.put("inputs", model.inputs().clone());
        r.put("outputs", model.outputs().clone());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (OperatorDef d : model.operators()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("index", d.index());
            o.put("op", d.name());
            o.put("version", d.version());
            o.put("supported", ModelPreparer.isSupported(d));
            o.put("inputs", d.inputs().clone());
            o.put("outputs", d.outputs().clone());
            ops.add(o);
        }
        r.put("operators", ops);
        List<Map<String, Object>> tensors = new ArrayList<>();
        for (TensorDef t : model.tensors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", t.index());
            m.put("name", t.name());
            m.put("type", t.type() == null ? "unknown" : t.type().name());
            m.put("shape", t.shape().clone());
            if (t.quantization() != null) {
                m.put("scale", (double) t.quantization().scale(0));
                m.put("zero_point", t.quantization().zeroPoint()[0]);
            }
            m.put("constant", model.constantData(t) != null);
            tensors.add(m);
        }
        r.put("tensors", tensors);
        return r;
    }

    @SuppressWarnings("unchecked")
    static void printText(PrintWriter out, Map<String, Object> r) {
        out.println("Model:       " + r.get("model") + " (" + r.get("file_bytes") + " bytes)");
        Object description = r.get("description");
        if (description != null && !description.toString().isEmpty()) {
            out.println("Description: " + EmberCli.oneLine(description.toString()));
        }
        Map<String, Object> counts = (Map<String, Object>) r.get("unsupported_operators");
        out.println("Unsupported: " + counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                .collect(Collectors.joining(", ")) + " (the model cannot run; kernel parameters and the arena plan"
                + " need every operator)");
        out.println();
        out.println("Operators (as declared in the file):");
        TextTable opTable = new TextTable(">#", "op", ">version", "inputs", "outputs", "supported");
        for (Map<String, Object> o : (List<Map<String, Object>>) r.get("operators")) {
            opTable.row(o.get("index"), o.get("op"), o.get("version"), ids((int[]) o.get("inputs")),
                    ids((int[]) o.get("outputs")), Boolean.TRUE.equals(o.get("supported")) ? "yes" : "NO");
        }
        opTable.print(out, "  ");
        out.println();
        out.println("Tensors:");
        TextTable tTable = new TextTable(">id", "type", "shape", ">scale", ">zp", "storage", "name");
        for (Map<String, Object> t : (List<Map<String, Object>>) r.get("tensors")) {
            tTable.row(t.get("id"), t.get("type"), InspectCommand.shape((int[]) t.get("shape")),
                    t.containsKey("scale") ? t.get("scale") : "-", t.containsKey("zero_point") ? t.get("zero_point") : "-",
                    Boolean.TRUE.equals(t.get("constant")) ? "constant" : "activation", t.get("name"));
        }
        tTable.print(out, "  ");
    }

    private static String ids(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return sb.toString();
    }
}
