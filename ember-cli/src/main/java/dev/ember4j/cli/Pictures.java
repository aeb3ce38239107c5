/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SVG (and DOT) pictures written as text, no library: the memory plan ({@code inspect --svg}), the
 * per-operator times ({@code bench --svg}) and the operator graph ({@code inspect --graph}). The layout
 * constants are package-visible so that tests can recompute every coordinate from the plan.
 */
final class Pictures {
    private Pictures() {}

    // ---- memory plan -------------------------------------------------------------------------------

    static final double PLAN_LEFT = 90;
    static final double PLAN_TOP = 60;
    static final double PLAN_HEIGHT = 480;

    /** Width of one operator step: the plot is 720 px wide, at least 16 px per step. */
    static double planStepWidth(int steps) {
        return Math.max(16.0, 720.0 / Math.max(1, steps));
    }

    /** Pixels per arena byte: the arena fills {@link #PLAN_HEIGHT}. */
    static double planByteScale(int arenaBytes) {
        return PLAN_HEIGHT / Math.max(1, arenaBytes);
    }

    /** A tensor's rectangle: x, y, width, height (height at least 1 px so that tiny tensors show). */
    static double[] planRect(int first, int last, int offset, int bytes, int steps, int arenaBytes) {
        double sw = planStepWidth(steps);
        double bs = planByteScale(arenaBytes);
        return new double[] {PLAN_LEFT + first * sw, PLAN_TOP + offset * bs, (last - first + 1) * sw,
                Math.max(1.0, bytes * bs)};
    }

    /**
     * The memory plan: x = operator step (0 .. ops-1), y = arena offset (0 at the top, growing down), one
     * rectangle per arena tensor from its first to its last use, the lower bound as a dashed line.
     */
    static String memoryPlanSvg(Models.Loaded loaded) {
        TfliteModel model = loaded.model();
        PreparedModel prepared = loaded.prepared();
        MemoryPlan plan = prepared.plan();
        int steps = prepared.ops().size();
        int arena = plan.arenaBytes();
        double sw = planStepWidth(steps);
        double bs = planByteScale(arena);
        double width = PLAN_LEFT + steps * sw + 40;
        double height = PLAN_TOP + PLAN_HEIGHT + 60;
        String title = loaded.fileName() + " memory plan: arena " + arena + " bytes, lower bound " + plan.lowerBound()
                + " bytes, " + steps + " operators";
        Svg s = new Svg(width, height, title);
        s.text(PLAN_LEFT, 24, "start", "title", title);
        // axes and step grid
        s.raw("<rect class=\"frame\" x=\"" + n(PLAN_LEFT) + "\" y=\"" + n(PLAN_TOP) + "\" width=\"" + n(steps * sw)
                + "\" height=\"" + n(PLAN_HEIGHT) + "\" fill=\"none\" stroke=\"#999\"/>\n");
        int labelEvery = Math.max(1, (int) Math.ceil(24 / sw));
        for (int k = 0; k < steps; k++) {
            if (k % labelEvery == 0) {
                s.text(PLAN_LEFT + (k + 0.5) * sw, PLAN_TOP + PLAN_HEIGHT + 16, "middle", "tick", Integer.toString(k));
            }
        }
        s.text(PLAN_LEFT + steps * sw / 2, PLAN_TOP + PLAN_HEIGHT + 36, "middle", "axis", "operator step");
        int ticks = 8;
        for (int i = 0; i <= ticks; i++) {
            long off = Math.round((double) arena * i / ticks);
            double y = PLAN_TOP + off * bs;
            s.raw("<line class=\"grid\" x1=\"" + n(PLAN_LEFT - 4) + "\" y1=\"" + n(y) + "\" x2=\"" + n(PLAN_LEFT + steps * sw)
                    + "\" y2=\"" + n(y) + "\" stroke=\"#eee\"/>\n");
            s.text(PLAN_LEFT - 6, y + 4, "end", "tick", Long.toString(off));
        }
        s.raw("<text class=\"axis\" transform=\"translate(16," + n(PLAN_TOP + PLAN_HEIGHT / 2)
                + ") rotate(-90)\" text-anchor=\"middle\">arena offset (bytes)</text>\n");
        for (int id = 0; id < plan.offsets().length; id++) {
            if (!plan.inArena(id)) {
                continue;
            }
            TensorDef t = model.tensor(id);
            int first = plan.firstUse()[id];
            int last = plan.lastUse()[id];
            double[] r = planRect(first, last, plan.offset(id), t.byteSize(), steps, arena);
            String tip = "tensor " + id + " " + t.name() + "\n" + t.type() + " " + InspectCommand.shape(t.shape()) + ", "
                    + t.byteSize() + " bytes\noffset " + plan.offset(id) + ".." + (plan.offset(id) + t.byteSize())
                    + ", operators " + first + ".." + last;
            s.raw("<rect class=\"tensor\" data-id=\"" + id + "\" x=\"" + n(r[0]) + "\" y=\"" + n(r[1]) + "\" width=\""
                    + n(r[2]) + "\" height=\"" + n(r[3]) + "\" fill=\"" + color(id) + "\" fill-opacity=\"0.75\""
                    + " stroke=\"#333\" stroke-width=\"0.5\"><title>" + Svg.escape(tip) + "</title></rect>\n");
        }
        double ly = PLAN_TOP + plan.lowerBound() * bs;
        s.raw("<line class=\"lower-bound\" x1=\"" + n(PLAN_LEFT) + "\" y1=\"" + n(ly) + "\" x2=\"" + n(PLAN_LEFT + steps * sw)
                + "\" y2=\"" + n(ly) + "\" stroke=\"#c00\" stroke-dasharray=\"6 4\"><title>lower bound " + plan.lowerBound()
                + " bytes</title></line>\n");
        s.text(PLAN_LEFT + steps * sw, ly - 4, "end", "note", "lower bound " + plan.lowerBound() + " B");
        return s.end();
    }

    // ---- bench ---------------------------------------------------------------------------------------

    static final double BENCH_LEFT = 250;
    static final double BENCH_TOP = 60;
    static final double BENCH_ROW = 22;
    static final double BENCH_BAR = 16;
    static final double BENCH_WIDTH = 500;

    /** Bar width of an operator's median time: the slowest operator gets {@link #BENCH_WIDTH}. */
    static double benchBarWidth(double medianNanos, double maxNanos) {
        return maxNanos <= 0 ? 0 : medianNanos / maxNanos * BENCH_WIDTH;
    }

    /** Per-operator median times as horizontal bars, one row per operator in execution order. */
    static String benchSvg(String modelName, String backend, List<PreparedOp> ops, double[] medianNanos, long[] macs) {
        double max = Arrays.stream(medianNanos).max().orElse(0);
        double total = Arrays.stream(medianNanos).sum();
        long totalMacs = Arrays.stream(macs).sum();
        String title = modelName + ": median time per operator (" + backend + "), total " + us(total) + " us, "
                + totalMacs + " MACs, " + gmacs(totalMacs, total) + " GMAC/s";
        double height = BENCH_TOP + ops.size() * BENCH_ROW + 40;
        Svg s = new Svg(BENCH_LEFT + BENCH_WIDTH + 260, height, title);
        s.text(10, 24, "start", "title", title);
        s.text(BENCH_LEFT, BENCH_TOP - 10, "start", "axis", "median us per inference (bar), MACs, GMAC/s");
        for (int k = 0; k < ops.size(); k++) {
            PreparedOp op = ops.get(k);
            double y = BENCH_TOP + k * BENCH_ROW;
            double w = benchBarWidth(medianNanos[k], max);
            String stats = us(medianNanos[k]) + " us, " + macs[k] + " MACs"
                    + (macs[k] == 0 ? "" : ", " + gmacs(macs[k], medianNanos[k]) + " GMAC/s");
            s.text(BENCH_LEFT - 8, y + BENCH_BAR - 4, "end", "label", "#" + op.index() + " " + op.name());
            s.raw("<rect class=\"op\" data-index=\"" + op.index() + "\" x=\"" + n(BENCH_LEFT) + "\" y=\"" + n(y)
                    + "\" width=\"" + n(w) + "\" height=\"" + n(BENCH_BAR) + "\" fill=\"" + color(op.op().ordinal())
                    + "\"><title>" + Svg.escape("operator " + op.index() + " " + op.name() + "\n" + stats)
                    + "</title></rect>\n");
            s.text(BENCH_LEFT + w + 6, y + BENCH_BAR - 4, "start", "value", stats);
        }
        return s.end();
    }

    // ---- operator graph ------------------------------------------------------------------------------

    static final double GRAPH_TOP = 50;
    static final double GRAPH_LAYER = 90;
    static final double GRAPH_NODE_W = 170;
    static final double GRAPH_NODE_H = 34;
    static final double GRAPH_GAP = 40;
    static final double GRAPH_MARGIN = 30;

    /** A node: an operator (op >= 0) or a model input/output (op = -1), its layer and place in the layer. */
    record Node(String key, String label, String kind, int opIndex, int layer, int slot) {}

    /** An edge: a tensor from one node to another, labelled with its shape. */
    record Edge(String from, String to, int tensor, String label) {}

    record Graph(List<Node> nodes, List<Edge> edges, int[] layerSizes) {}

    /**
     * The operator graph: operators, model inputs and outputs as nodes; each non-constant tensor an
     * edge from its producer to each consumer. Layers: inputs at 0, an operator one below the lowest of
     * its producers (longest path), each output below its producer.
     */
    static Graph graph(Models.Loaded loaded) {
        TfliteModel model = loaded.model();
        PreparedModel prepared = loaded.prepared();
        Map<Integer, String> producer = new HashMap<>();
        Map<String, Integer> layer = new HashMap<>();
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        List<Integer> layerFill = new ArrayList<>();
        int[] inputs = model.inputs();
        for (int i = 0; i < inputs.length; i++) {
            String key = "in" + i;
            producer.put(inputs[i], key);
            layer.put(key, 0);
            nodes.add(new Node(key, "input " + i + " " + model.tensor(inputs[i]).name(), "input", -1, 0, take(layerFill, 0)));
        }
        for (PreparedOp op : prepared.ops()) {
            var def = model.operators().get(op.index());
            String key = "op" + op.index();
            int l = 1;
            for (int t : def.inputs()) {
                if (t >= 0 && producer.containsKey(t)) {
                    l = Math.max(l, layer.get(producer.get(t)) + 1);
                }
            }
            layer.put(key, l);
            nodes.add(new Node(key, "#" + op.index() + " " + op.name(), "op", op.index(), l, take(layerFill, l)));
            for (int t : def.inputs()) {
                if (t >= 0 && producer.containsKey(t)) {
                    edges.add(new Edge(producer.get(t), key, t, shapeLabel(model.tensor(t))));
                }
            }
            for (int t : def.outputs()) {
                if (t >= 0) {
                    producer.put(t, key);
                }
            }
        }
        int[] outputs = model.outputs();
        for (int o = 0; o < outputs.length; o++) {
            String key = "out" + o;
            String from = producer.get(outputs[o]);
            int l = from == null ? 1 : layer.get(from) + 1;
            nodes.add(new Node(key, "output " + o + " " + model.tensor(outputs[o]).name(), "output", -1, l, take(layerFill, l)));
            if (from != null) {
                edges.add(new Edge(from, key, outputs[o], shapeLabel(model.tensor(outputs[o]))));
            }
        }
        return new Graph(nodes, edges, layerFill.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int take(List<Integer> fill, int layer) {
        while (fill.size() <= layer) {
            fill.add(0);
        }
        int slot = fill.get(layer);
        fill.set(layer, slot + 1);
        return slot;
    }

    private static String shapeLabel(TensorDef t) {
        return t.type() + " " + InspectCommand.shape(t.shape());
    }

    /** A node's top-left corner: layers top to bottom, each layer's nodes side by side, centered. */
    static double[] graphNodeXY(Graph g, Node node) {
        int widest = Arrays.stream(g.layerSizes()).max().orElse(1);
        double total = widest * GRAPH_NODE_W + (widest - 1) * GRAPH_GAP;
        int inLayer = g.layerSizes()[node.layer()];
        double row = inLayer * GRAPH_NODE_W + (inLayer - 1) * GRAPH_GAP;
        double x = GRAPH_MARGIN + (total - row) / 2 + node.slot() * (GRAPH_NODE_W + GRAPH_GAP);
        return new double[] {x, GRAPH_TOP + node.layer() * GRAPH_LAYER};
    }

    static String graphSvg(Models.Loaded loaded) {
        Graph g = graph(loaded);
        int widest = Arrays.stream(g.layerSizes()).max().orElse(1);
        String title = loaded.fileName() + " operator graph: " + loaded.prepared().ops().size() + " operators";
        // wide enough for the nodes and for the title (about 8 px per character at the title's size)
        double width = Math.max(2 * GRAPH_MARGIN + widest * GRAPH_NODE_W + (widest - 1) * GRAPH_GAP + 120,
                2 * GRAPH_MARGIN + 8.5 * title.length());
        double height = GRAPH_TOP + g.layerSizes().length * GRAPH_LAYER + 20;
        Svg s = new Svg(width, height, title);
        s.text(GRAPH_MARGIN, 24, "start", "title", title);
        s.raw("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\""
                + " markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/>"
                + "</marker></defs>\n");
        Map<String, Node> byKey = new HashMap<>();
        for (Node node : g.nodes()) {
            byKey.put(node.key(), node);
        }
        for (Edge e : g.edges()) {
            double[] a = graphNodeXY(g, byKey.get(e.from()));
            double[] b = graphNodeXY(g, byKey.get(e.to()));
            double x1 = a[0] + GRAPH_NODE_W / 2;
            double y1 = a[1] + GRAPH_NODE_H;
            double x2 = b[0] + GRAPH_NODE_W / 2;
            double y2 = b[1];
            s.raw("<g class=\"edge\" data-tensor=\"" + e.tensor() + "\" data-from=\"" + e.from() + "\" data-to=\"" + e.to()
                    + "\"><title>" + Svg.escape("tensor " + e.tensor() + " " + loaded.model().tensor(e.tensor()).name()
                    + "\n" + e.label()) + "</title><line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2)
                    + "\" y2=\"" + n(y2) + "\" stroke=\"#555\" marker-end=\"url(#arrow)\"/>");
            s.raw("<text x=\"" + n((x1 + x2) / 2 + 6) + "\" y=\"" + n((y1 + y2) / 2 + 4) + "\" class=\"shape\">"
                    + Svg.escape(e.label()) + "</text></g>\n");
        }
        for (Node node : g.nodes()) {
            double[] p = graphNodeXY(g, node);
            String fill = node.kind().equals("op") ? "#dbe8f6" : "#f3e3c3";
            s.raw("<rect class=\"" + node.kind() + "\"" + (node.opIndex() >= 0 ? " data-index=\"" + node.opIndex() + "\"" : "")
                    + " data-key=\"" + node.key() + "\" x=\"" + n(p[0]) + "\" y=\"" + n(p[1]) + "\" width=\"" + n(GRAPH_NODE_W)
                    + "\" height=\"" + n(GRAPH_NODE_H) + "\" rx=\"6\" fill=\"" + fill + "\" stroke=\"#345\"><title>"
                    + Svg.escape(node.label()) + "</title></rect>\n");
            s.text(p[0] + GRAPH_NODE_W / 2, p[1] + GRAPH_NODE_H / 2 + 4, "middle", "node", shorten(node.label(), 26));
        }
        return s.end();
    }

    /** The same graph in Graphviz DOT. */
    static String graphDot(Models.Loaded loaded) {
        Graph g = graph(loaded);
        StringBuilder sb = new StringBuilder("digraph \"" + dotEscape(loaded.fileName()) + "\" {\n");
        sb.append("  rankdir=TB;\n  node [shape=box, style=\"rounded,filled\", fillcolor=\"#dbe8f6\", fontname=\"sans-serif\"];\n");
        sb.append("  edge [fontname=\"sans-serif\", fontsize=10];\n");
        for (Node node : g.nodes()) {
            sb.append("  ").append(node.key()).append(" [label=\"").append(dotEscape(node.label())).append('"');
            if (!node.kind().equals("op")) {
                sb.append(", shape=ellipse, fillcolor=\"#f3e3c3\"");
            }
            sb.append("];\n");
        }
        for (Edge e : g.edges()) {
            sb.append("  ").append(e.from()).append(" -> ").append(e.to()).append(" [label=\"")
                    .append(dotEscape(e.label())).append("\"];\n");
        }
        return sb.append("}\n").toString();
    }

    // ---- helpers -------------------------------------------------------------------------------------

    static void write(Path file, String text, String what) {
        Models.writeFile(file, text.getBytes(StandardCharsets.UTF_8), what);
    }

    /** Coordinates with two decimals, locale-independent. */
    static String n(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.endsWith(".00") ? s.substring(0, s.length() - 3) : s;
    }

    private static String us(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    private static String gmacs(long macs, double nanos) {
        return nanos <= 0 || macs == 0 ? "-" : String.format(Locale.ROOT, "%.3f", macs / nanos);
    }

    private static String color(int i) {
        float hue = (i * 0.618034f) % 1f;
        int rgb = java.awt.Color.HSBtoRGB(hue, 0.45f, 0.92f) & 0xffffff;
        return String.format("#%06x", rgb);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
    }

    private static String dotEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** A minimal SVG document builder. */
    static final class Svg {
        private final StringBuilder sb = new StringBuilder();

        Svg(double width, double height, String title) {
            sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"")
                    .append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                    .append("\" font-family=\"sans-serif\" font-size=\"11\">\n");
            sb.append("<title>").append(escape(title)).append("</title>\n");
            sb.append("<style>.title{font-size:14px;font-weight:bold}.axis{font-size:12px}.tick{fill:#555}"
                    + ".shape{fill:#444;font-size:10px}.note{fill:#c00}</style>\n");
            sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        }

        void raw(String s) {
            sb.append(s);
        }

        void text(double x, double y, String anchor, String cls, String text) {
            sb.append("<text class=\"").append(cls).append("\" x=\"").append(n(x)).append("\" y=\"").append(n(y))
                    .append("\" text-anchor=\"").append(anchor).append("\">").append(escape(text)).append("</text>\n");
        }

        String end() {
            return sb.append("</svg>\n").toString();
        }

        static String escape(String s) {
            StringBuilder out = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c < 0x20 && c != '\n' && c != '\t') {
                            out.append(' '); // not allowed in XML 1.0
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }
    }
}
