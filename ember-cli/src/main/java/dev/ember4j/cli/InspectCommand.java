/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code ember inspect}: operators, parameters, tensors and the arena plan of a model. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {
            "Shows a model's operators, tensors and arena plan.",
            "Lists the prepared operators with their kernel parameters, MACs and weight bytes,",
            "every tensor (type, shape, quantization, constant or arena placement and lifetime),",
            "totals and the arena plan. Operator lifetimes are operator indices.",
        })
final class InspectCommand implements Callable<Integer> {
    /** Tables wrap their long cells to stay within this many columns (the widest fixed columns permitting). */
    static final int LINE_WIDTH = 120;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TensorFlow Lite model (.tflite)")
    Path model;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", defaultValue = "ref",
            description = "Kernel backend whose kernel choice per operator is shown (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = "--json", description = "Print a JSON document instead of text.")
    boolean json;

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also write the memory plan as an SVG picture: x = operator step, y = arena offset, one"
                    + " rectangle per arena tensor over its lifetime, the lower bound as a line.")
    Path svg;

    @Option(names = "--graph", paramLabel = "FILE",
            description = "Also write the operator graph with tensor shapes on the edges: Graphviz DOT if FILE ends"
                    + " in .dot or .gv, else SVG.")
    Path graph;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        var unsupported = Models.unsupportedOperators(model);
        if (unsupported != null) {
            // Still show what the file holds, then fail as run/generate would (exit code 5).
            Map<String, Object> partial = UnsupportedReport.build(model.toString(), unsupported.bytes(),
                    unsupported.model(), unsupported.operators());
            if (json) {
                out.print(Json.write(partial));
            } else {
                UnsupportedReport.printText(out, partial);
            }
            out.flush();
            throw new CliException(ExitCodes.UNSUPPORTED_OPERATOR, model + ": unsupported operators: "
                    + UnsupportedReport.summary(unsupported.operators()));
        }
        Models.Loaded loaded = Models.load(model);
        if (svg != null) {
            Pictures.write(svg, Pictures.memoryPlanSvg(loaded), "SVG file");
        }
        if (graph != null) {
            String name = graph.getFileName() == null ? "" : graph.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            boolean dot = name.endsWith(".dot") || name.endsWith(".gv");
            Pictures.write(graph, dot ? Pictures.graphDot(loaded) : Pictures.graphSvg(loaded), "graph file");
        }
        Map<String, Object> report = ModelReport.build(loaded, Backends.discover().select(backend));
        if (json) {
            out.print(Json.write(report));
        } else {
            printText(out, report);
        }
        out.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    static void printText(PrintWriter out, Map<String, Object> r) {
        Map<String, Object> totals = (Map<String, Object>) r.get("totals");
        Map<String, Object> arena = (Map<String, Object>) r.get("arena");
        List<Map<String, Object>> ops = (List<Map<String, Object>>) r.get("operators");
        List<Map<String, Object>> tensors = (List<Map<String, Object>>) r.get("tensors");

        out.println("Model:       " + r.get("model") + " (" + r.get("file_bytes") + " bytes)");
        Object description = r.get("description");
        if (description != null && !description.toString().isEmpty()) {
            out.println("Description: " + EmberCli.oneLine(description.toString()));
        }
        for (String io : new String[] {"inputs", "outputs"}) {
            int[] ids = (int[]) r.get(io);
            for (int i = 0; i < ids.length; i++) {
                Map<String, Object> t = tensors.get(ids[i]);
                String label = i == 0 ? (io.equals("inputs") ? "Inputs:" : "Outputs:") : "";
                out.printf("%-12s %d: tensor %s '%s' %s %s scale %s zero point %s%n", label, i, t.get("id"),
                        t.get("name"), t.get("type"), shape((int[]) t.get("shape")), t.get("scale"), t.get("zero_point"));
            }
        }
        out.println("Totals:      " + totals.get("operators") + " operators, " + totals.get("tensors") + " tensors, "
                + totals.get("macs") + " MACs, " + totals.get("weight_bytes") + " weight bytes, "
                + totals.get("arena_bytes") + " arena bytes");

        out.println();
        out.println("Operators (kernels of backend " + r.get("backend") + "):");
        TextTable opTable = new TextTable(">#", "op", "kernel", "inputs", "outputs", ">MACs", ">weight B", "parameters");
        for (Map<String, Object> o : ops) {
            Object name = o.containsKey("call_once") ? o.get("op") + " (once, subgraph " + o.get("call_once") + ")"
                    : o.get("op");
            opTable.row(o.get("index"), name, o.get("kernel"), ids((int[]) o.get("inputs")), ids((int[]) o.get("outputs")),
                    o.get("macs"), o.get("weight_bytes"), params((Map<String, Object>) o.get("params")));
        }
        opTable.wrap(2, 24).wrap(3, 12).fitLastColumn(LINE_WIDTH, 24, "  ").print(out, "  ");

        out.println();
        out.println("Tensors:");
        TextTable tTable = new TextTable(">id", "type", "shape", ">scale", ">zp", ">bytes", "storage", ">offset",
                "life", "role", "name");
        for (Map<String, Object> t : tensors) {
            Object scale = t.get("scale");
            String scaleText = scale == null ? "-" : scale.toString();
            if (t.containsKey("channels")) {
                scaleText = "per-channel(" + t.get("channels") + ")";
            }
            boolean inArena = "arena".equals(t.get("storage"));
            tTable.row(t.get("id"), t.get("type"), shape((int[]) t.get("shape")), scaleText,
                    t.get("zero_point") == null ? "-" : t.get("zero_point"), t.get("bytes"), t.get("storage"),
                    inArena ? t.get("offset") : "-", inArena ? t.get("first_use") + ".." + t.get("last_use") : "-",
                    t.containsKey("role") ? t.get("role") : "-", t.get("name"));
        }
        tTable.wrap(2, 20).fitLastColumn(LINE_WIDTH, 24, "  ").print(out, "  ");

        out.println();
        out.println("Arena plan: " + arena.get("arena_bytes") + " bytes, lower bound " + arena.get("lower_bound")
                + " bytes");
        TextTable aTable = new TextTable(">offset", ">end", ">bytes", "life", ">id", "name");
        for (Map<String, Object> a : (List<Map<String, Object>>) arena.get("tensors")) {
            int offset = ((Number) a.get("offset")).intValue();
            int bytes = ((Number) a.get("bytes")).intValue();
            aTable.row(offset, offset + bytes, bytes, a.get("first_use") + ".." + a.get("last_use"), a.get("id"),
                    a.get("name"));
        }
        aTable.fitLastColumn(LINE_WIDTH, 24, "  ").print(out, "  ");
    }

    static String shape(int[] s) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : ",").append(s[i]);
        }
        return sb.append(']').toString();
    }

    private static String ids(int[] ids) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            sb.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return sb.toString();
    }

    /**
     * "filter=3x3 stride=2x2 ... act=[-128,127] per_channel=yes bias=yes": _height/_width pairs become
     * HxW, the activation bounds one range, everything else key=value.
     */
    static String params(Map<String, Object> p) {
        StringBuilder sb = new StringBuilder();
        Iterator<Map.Entry<String, Object>> it = p.entrySet().iterator();
        Map.Entry<String, Object> pending = null;
        while (pending != null || it.hasNext()) {
            Map.Entry<String, Object> e = pending != null ? pending : it.next();
            pending = null;
            String key = e.getKey();
            String text;
            if (key.endsWith("_height") || key.equals("activation_min")) {
                Map.Entry<String, Object> next = it.hasNext() ? it.next() : null;
                String partner = key.equals("activation_min") ? "activation_max"
                        : key.substring(0, key.length() - "_height".length()) + "_width";
                if (next != null && next.getKey().equals(partner)) {
                    text = key.equals("activation_min")
                            ? "act=[" + e.getValue() + "," + next.getValue() + "]"
                            : partner.substring(0, partner.length() - "_width".length()) + "=" + e.getValue() + "x"
                                    + next.getValue();
                } else {
                    text = key + "=" + value(e.getValue());
                    pending = next;
                }
            } else {
                text = key + "=" + value(e.getValue());
            }
            sb.append(sb.length() == 0 ? "" : " ").append(text);
        }
        return sb.toString();
    }

    private static String value(Object v) {
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof int[] s) {
            return shape(s);
        }
        return String.valueOf(v);
    }
}
