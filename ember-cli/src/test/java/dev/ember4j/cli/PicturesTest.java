/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** `inspect --svg`, `inspect --graph` (SVG and DOT) and `bench --svg`: valid XML, one shape per tensor/operator, right coordinates. */
class PicturesTest {
    @TempDir
    Path tmp;

    static Document parse(Path svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertEquals("svg", d.getDocumentElement().getTagName());
        return d;
    }

    static List<Element> rects(Document d, String cls) {
        List<Element> out = new ArrayList<>();
        NodeList all = d.getElementsByTagName("rect");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class"))) out.add(e);
        }
        return out;
    }

    static double num(Element e, String attr) {
        return Double.parseDouble(e.getAttribute(attr));
    }

    static String title(Element e) {
        NodeList t = e.getElementsByTagName("title");
        assertEquals(1, t.getLength(), "one <title> in " + e.getAttribute("class"));
        return t.item(0).getTextContent();
    }

    static String documentTitle(Document d) {
        Element first = (Element) d.getDocumentElement().getElementsByTagName("title").item(0);
        assertNotNull(first);
        return first.getTextContent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"person_detect.tflite", "speech.tflite", "sine.tflite"})
    @SuppressWarnings("unchecked")
    void memoryPlanHasOneRectanglePerArenaTensorAtItsPlace(String name) throws Exception {
        String model = SharedData.model(name).toString();
        Path svg = tmp.resolve("plan.svg");
        Cli.Result r = Cli.run("inspect", model, "--json", "--svg", svg.toString());
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> report = (Map<String, Object>) MiniJson.parse(r.out());
        Map<String, Object> arena = (Map<String, Object>) report.get("arena");
        int arenaBytes = ((Number) arena.get("arena_bytes")).intValue();
        int lowerBound = ((Number) arena.get("lower_bound")).intValue();
        int steps = ((List<Object>) report.get("operators")).size();
        List<Object> placed = (List<Object>) arena.get("tensors");

        Document d = parse(svg);
        assertTrue(documentTitle(d).contains("arena " + arenaBytes + " bytes"), documentTitle(d));
        List<Element> rects = rects(d, "tensor");
        assertEquals(placed.size(), rects.size());
        Map<Integer, Element> byId = new HashMap<>();
        for (Element e : rects) byId.put(Integer.parseInt(e.getAttribute("data-id")), e);
        double sw = Pictures.planStepWidth(steps);
        double bs = Pictures.PLAN_HEIGHT / arenaBytes;
        for (Object o : placed) {
            Map<String, Object> t = (Map<String, Object>) o;
            int id = ((Number) t.get("id")).intValue();
            int offset = ((Number) t.get("offset")).intValue();
            int bytes = ((Number) t.get("bytes")).intValue();
            int first = ((Number) t.get("first_use")).intValue();
            int last = ((Number) t.get("last_use")).intValue();
            Element e = byId.get(id);
            assertNotNull(e, "rect for tensor " + id);
            assertEquals(Pictures.PLAN_LEFT + first * sw, num(e, "x"), 0.006, "x of " + id);
            assertEquals(Pictures.PLAN_TOP + offset * bs, num(e, "y"), 0.006, "y of " + id);
            assertEquals((last - first + 1) * sw, num(e, "width"), 0.006, "width of " + id);
            assertEquals(Math.max(1.0, bytes * bs), num(e, "height"), 0.006, "height of " + id);
            String tip = title(e);
            assertTrue(tip.contains((String) t.get("name")) && tip.contains(bytes + " bytes"), tip);
            assertTrue(tip.contains("["), "shape in " + tip);
        }
        NodeList lines = d.getElementsByTagName("line");
        boolean found = false;
        for (int i = 0; i < lines.getLength(); i++) {
            Element l = (Element) lines.item(i);
            if ("lower-bound".equals(l.getAttribute("class"))) {
                found = true;
                assertEquals(Pictures.PLAN_TOP + lowerBound * bs, num(l, "y1"), 0.006);
            }
        }
        assertTrue(found, "lower bound line");
    }

    @Test
    void graphSvgAndDot() throws Exception {
        String model = SharedData.model("person_detect.tflite").toString();
        Path svg = tmp.resolve("graph.svg");
        Path dot = tmp.resolve("graph.dot");
        assertEquals(0, Cli.run("inspect", model, "--graph", svg.toString()).code());
        assertEquals(0, Cli.run("inspect", model, "--graph", dot.toString()).code());
        Models.Loaded loaded = Models.load(SharedData.model("person_detect.tflite"));
        Pictures.Graph g = Pictures.graph(loaded);
        Document d = parse(svg);
        List<Element> ops = rects(d, "op");
        assertEquals(loaded.prepared().ops().size(), ops.size());
        assertEquals(1, rects(d, "input").size());
        assertEquals(1, rects(d, "output").size());
        for (Pictures.Node n : g.nodes()) {
            Element e = null;
            for (Element x : rects(d, n.kind())) if (x.getAttribute("data-key").equals(n.key())) e = x;
            assertNotNull(e, n.key());
            double[] p = Pictures.graphNodeXY(g, n);
            assertEquals(p[0], num(e, "x"), 0.006);
            assertEquals(p[1], num(e, "y"), 0.006);
            assertEquals(n.label(), title(e));
        }
        // person_detect is a chain: 31 operators, 32 edges (input -> op 0 ... op 30 -> output), layers 0..32
        NodeList groups = d.getElementsByTagName("g");
        int edges = 0;
        for (int i = 0; i < groups.getLength(); i++) {
            Element e = (Element) groups.item(i);
            if ("edge".equals(e.getAttribute("class"))) {
                edges++;
                assertTrue(e.getTextContent().contains("INT8 ["), "shape label on edge");
            }
        }
        assertEquals(32, edges);
        assertEquals(32, g.edges().size());
        assertTrue(d.getDocumentElement().getTextContent().contains("INT8 [1,96,96,1]"));
        String dotText = Files.readString(dot);
        assertTrue(dotText.startsWith("digraph"), dotText);
        assertEquals(32, dotText.lines().filter(l -> l.contains(" -> ")).count());
        assertTrue(dotText.contains("in0 -> op0 [label=\"INT8 [1,96,96,1]\"]"), dotText);
    }

    @Test
    void benchSvgHasOneBarPerOperatorInExecutionOrder() throws Exception {
        Path svg = tmp.resolve("bench.svg");
        Cli.Result r = Cli.run("bench", SharedData.model("speech.tflite").toString(), "--warmup", "2", "--iterations",
                "5", "--svg", svg.toString());
        assertEquals(0, r.code(), r::toString);
        Document d = parse(svg);
        List<Element> bars = rects(d, "op");
        Models.Loaded loaded = Models.load(SharedData.model("speech.tflite"));
        var ops = loaded.prepared().ops();
        assertEquals(ops.size(), bars.size());
        double widest = 0;
        for (int k = 0; k < ops.size(); k++) {
            Element b = bars.get(k);
            assertEquals(ops.get(k).index(), Integer.parseInt(b.getAttribute("data-index")));
            assertEquals(Pictures.BENCH_TOP + k * Pictures.BENCH_ROW, num(b, "y"), 0.006);
            assertEquals(Pictures.BENCH_LEFT, num(b, "x"), 0.006);
            widest = Math.max(widest, num(b, "width"));
            String tip = title(b);
            long macs = ops.get(k).params() == null ? 0 : ops.get(k).params().macs();
            assertTrue(tip.contains(ops.get(k).op().name()) && tip.contains(macs + " MACs"), tip);
            if (macs > 0) assertTrue(tip.contains("GMAC/s"), tip);
        }
        assertEquals(Pictures.BENCH_WIDTH, widest, 0.006);
        assertTrue(documentTitle(d).contains("GMAC/s"));
    }
}
