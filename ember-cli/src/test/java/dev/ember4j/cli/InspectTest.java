/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InspectTest {

    private static final Path PERSON = SharedData.model("person_detect.tflite");

    private static PreparedModel prepare(Path model) {
        return ModelPreparer.prepare(ByteBuffer.wrap(SharedData.read(model)));
    }

    @Test
    void textShowsPlanOperatorsAndTensors() {
        PreparedModel prepared = prepare(PERSON);
        MemoryPlan plan = prepared.plan();
        Cli.Result r = Cli.run("inspect", PERSON.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        String out = r.out();

        Matcher m = Pattern.compile("(?m)^Arena plan: (\\d+) bytes, lower bound (\\d+) bytes$").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(plan.arenaBytes(), Integer.parseInt(m.group(1)));
        assertEquals(plan.lowerBound(), Integer.parseInt(m.group(2)));
        assertTrue(out.contains(" " + prepared.macs() + " MACs"), "total MACs in the totals line");

        for (PreparedOp op : prepared.ops()) {
            Pattern row = Pattern.compile("(?m)^\\s+" + op.index() + "\\s+" + op.op() + "\\s+(.*)$");
            Matcher rm = row.matcher(out);
            assertTrue(rm.find(), () -> "no row for " + op.label() + "\n" + out);
            String rest = rm.group(1) + continuation(out, rm);
            switch (op.op()) {
                case CONV_2D, DEPTHWISE_CONV_2D -> {
                    for (String key : new String[] {"filter=", "stride=", "dilation=", "pad_top=", "pad_left=",
                            "act=[", "per_channel=", "bias=", " " + op.params().macs() + " "}) {
                        assertTrue(rest.contains(key), () -> op.label() + " row lacks '" + key + "': " + rest);
                    }
                    if (op.op() == dev.ember4j.tflite.BuiltinOperator.DEPTHWISE_CONV_2D) {
                        assertTrue(rest.contains("depth_multiplier="), rest);
                    }
                }
                case AVERAGE_POOL_2D -> assertTrue(rest.contains("filter=") && rest.contains("stride="), rest);
                case SOFTMAX -> assertTrue(rest.contains("beta_multiplier=") && rest.contains("beta_left_shift=")
                        && rest.contains("diff_min="), rest);
                default -> { }
            }
        }
        // Every arena tensor's offset appears in the plan table: "offset end bytes life id name".
        for (int id = 0; id < plan.offsets().length; id++) {
            if (plan.inArena(id)) {
                String name = prepared.tensor(id).name();
                Pattern p = Pattern.compile("(?m)^\\s+" + plan.offset(id) + "\\s+\\d+\\s+\\d+\\s+"
                        + plan.firstUse()[id] + "\\.\\." + plan.lastUse()[id] + "\\s+" + id + "\\s+(\\S.*)$");
                Matcher pm = p.matcher(out);
                assertTrue(pm.find(), "plan row for tensor " + id);
                String shown = pm.group(1) + continuation(out, pm);
                assertEquals(name.replace(" ", ""), shown.replace(" ", ""), "tensor " + id + "'s name, wrapped");
            }
        }
    }

    /** Lines longer than a terminal are wrapped: operand lists, parameters and names continue below. */
    @Test
    void linesStayWithin120Columns() {
        for (String model : new String[] {"person_detect.tflite", "speech.tflite"}) {
            Cli.Result r = Cli.run("inspect", SharedData.model(model).toString());
            assertEquals(0, r.code(), r::toString);
            for (String line : r.out().split("\n")) {
                assertTrue(line.length() <= 120, model + ": " + line.length() + " columns: " + line);
            }
        }
    }

    /**
     * The text of the continuation lines after the table row {@code m} matched (group 1 = the row's
     * wrapped cells), joined by spaces: lines blank up to at least group 1's column.
     */
    private static String continuation(String out, Matcher m) {
        int column = m.start(1) - (out.lastIndexOf('\n', m.start(1)) + 1);
        StringBuilder sb = new StringBuilder();
        for (String line : out.substring(Math.min(out.length(), m.end() + 1)).split("\n")) {
            int lead = line.length() - line.stripLeading().length();
            if (line.isBlank() || lead < column) {
                break;
            }
            sb.append(' ').append(line.trim());
        }
        return sb.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonHasSameContent() {
        PreparedModel prepared = prepare(PERSON);
        MemoryPlan plan = prepared.plan();
        Cli.Result r = Cli.run("inspect", PERSON.toString(), "--json");
        assertEquals(0, r.code(), r::toString);
        assertBalanced(r.out());
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(r.out());
        for (String key : new String[] {"model", "file_bytes", "backend", "inputs", "outputs", "operators", "tensors", "totals",
                "arena"}) {
            assertTrue(root.containsKey(key), "missing key " + key);
        }
        Map<String, Object> arena = (Map<String, Object>) root.get("arena");
        assertEquals(plan.arenaBytes(), num(arena.get("arena_bytes")));
        assertEquals(plan.lowerBound(), num(arena.get("lower_bound")));
        Map<String, Object> totals = (Map<String, Object>) root.get("totals");
        assertEquals(prepared.macs(), num(totals.get("macs")));
        assertTrue(num(totals.get("weight_bytes")) > 200_000, "person_detect has ~220 KB of weights");

        List<Object> ops = (List<Object>) root.get("operators");
        assertEquals(prepared.ops().size(), ops.size());
        long macSum = 0;
        long weightSum = 0;
        for (int k = 0; k < ops.size(); k++) {
            Map<String, Object> o = (Map<String, Object>) ops.get(k);
            PreparedOp op = prepared.ops().get(k);
            assertEquals(op.index(), num(o.get("index")));
            assertEquals(op.op().name(), o.get("op"));
            assertEquals(op.isAlias() ? "(alias)" : "ref/reference", o.get("kernel"), "the default backend is ref");
            assertEquals(op.output(), num(((List<Object>) o.get("outputs")).get(0)));
            assertEquals(op.inputs()[0], num(((List<Object>) o.get("inputs")).get(0)));
            macSum += num(o.get("macs"));
            weightSum += num(o.get("weight_bytes"));
            Map<String, Object> params = (Map<String, Object>) o.get("params");
            if (op.op().name().endsWith("CONV_2D")) {
                for (String key : new String[] {"filter_height", "filter_width", "stride_height", "stride_width",
                        "dilation_height", "dilation_width", "pad_top", "pad_left", "activation_min", "activation_max",
                        "per_channel", "bias"}) {
                    assertTrue(params.containsKey(key), op.label() + " lacks " + key);
                }
                assertEquals(Boolean.TRUE, params.get("per_channel"), "person_detect weights are per-channel");
                assertEquals(Boolean.TRUE, params.get("bias"));
            }
        }
        assertEquals(prepared.macs(), macSum);
        assertEquals(num(totals.get("weight_bytes")), weightSum, "no weight tensor is shared between operators here");

        List<Object> tensors = (List<Object>) root.get("tensors");
        assertEquals(plan.offsets().length, tensors.size());
        int arenaTensors = 0;
        for (Object o : tensors) {
            Map<String, Object> t = (Map<String, Object>) o;
            int id = (int) num(t.get("id"));
            if (plan.inArena(id)) {
                arenaTensors++;
                assertEquals("arena", t.get("storage"));
                assertEquals(plan.offset(id), num(t.get("offset")));
                assertEquals(plan.firstUse()[id], num(t.get("first_use")));
                assertEquals(plan.lastUse()[id], num(t.get("last_use")));
            } else {
                assertTrue(t.get("storage").equals("constant") || t.get("storage").equals("unused"), t.toString());
            }
        }
        assertEquals(arenaTensors, ((List<Object>) arena.get("tensors")).size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void addBroadcastFlagAndPoolParams() {
        assertEquals(Boolean.TRUE, firstParams("add_broadcast_c8_relu").get("broadcast"));
        assertEquals(Boolean.FALSE, firstParams("add_same_shape_two_inputs").get("broadcast"));
        Map<String, Object> pool = firstParams("avgpool_3x3_s2_same_c3");
        assertEquals(3L, num(pool.get("filter_height")));
        assertEquals(2L, num(pool.get("stride_width")));
        Map<String, Object> fc = firstParams("fc_rank2_batch3_20to7_nobias");
        assertEquals(3L, num(fc.get("rows")));
        assertEquals(20L, num(fc.get("depth")));
        assertEquals(7L, num(fc.get("units")));
        assertEquals(Boolean.FALSE, fc.get("bias"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstParams(String conformanceCase) {
        Cli.Result r = Cli.run("inspect", "--json",
                SharedData.conformance(conformanceCase).resolve("model.tflite").toString());
        assertEquals(0, r.code(), r::toString);
        Map<String, Object> root = (Map<String, Object>) MiniJson.parse(r.out());
        for (Object o : (List<Object>) root.get("operators")) {
            Map<String, Object> op = (Map<String, Object>) o;
            if (!"RESHAPE".equals(op.get("op"))) {
                return (Map<String, Object>) op.get("params");
            }
        }
        throw new AssertionError("no operator in " + conformanceCase);
    }

    private static long num(Object o) {
        double d = (Double) o;
        assertEquals(Math.rint(d), d, "integral number expected");
        return (long) d;
    }

    /** Braces and brackets outside strings balance and never go negative. */
    private static void assertBalanced(String json) {
        int braces = 0;
        int brackets = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> inString = true;
                case '{' -> braces++;
                case '}' -> braces--;
                case '[' -> brackets++;
                case ']' -> brackets--;
                default -> { }
            }
            assertTrue(braces >= 0 && brackets >= 0, "unbalanced at " + i);
        }
        assertEquals(0, braces);
        assertEquals(0, brackets);
        assertTrue(json.startsWith("{") && json.strip().endsWith("}"));
    }

    @Test
    void unsupportedOperatorsAreAllListedAndTheRestIsShown(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path model = SharedData.unsupportedOperatorModel(dir);
        Cli.Result r = Cli.run("inspect", model.toString());
        assertEquals(ExitCodes.UNSUPPORTED_OPERATOR, r.code(), r::toString);
        assertTrue(r.err().contains("unsupported operators: HASHTABLE_LOOKUP x1"), r.err());
        assertTrue(r.out().contains("Unsupported: HASHTABLE_LOOKUP x1"), r.out());
        assertTrue(r.out().matches("(?s).*\\n\\s+0\\s+HASHTABLE_LOOKUP\\s+\\d+\\s+0,1\\s+2\\s+NO\\n.*"), r.out());
        assertTrue(r.out().contains("Tensors:"), r.out());
        Cli.Result j = Cli.run("inspect", model.toString(), "--json");
        assertEquals(ExitCodes.UNSUPPORTED_OPERATOR, j.code(), j::toString);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> doc = (java.util.Map<String, Object>) MiniJson.parse(j.out());
        assertEquals(java.util.Map.of("HASHTABLE_LOOKUP", 1.0), doc.get("unsupported_operators"));
    }

    /** Custom operators are shown by name: a supported one with its parameters, an unknown one as unsupported. */
    @Test
    void customOperatorsAreNamed(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        Path detect = SharedData.generated().stream().filter(c -> c.getFileName().toString().equals("detection_postprocess_fast_f32"))
                .findFirst().orElseThrow().resolve("model.tflite");
        Cli.Result r = Cli.run("inspect", detect.toString());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().matches("(?s).*\\n\\s+0\\s+CUSTOM\\(TFLite_Detection_PostProcess\\)\\s+ref/reference\\s+0,1,2\\s+3,4,5,6\\s.*"
                + "max_detections=5.*"), r.out());
        byte[] bytes = SharedData.read(detect);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = text.indexOf("TFLite_Detection_PostProcess");
        bytes[at + "TFLite_Detection_PostProcess".length() - 1] = 'X'; // an unknown custom code of the same length
        Path unknown = java.nio.file.Files.write(dir.resolve("unknown_custom.tflite"), bytes);
        Cli.Result u = Cli.run("inspect", unknown.toString());
        assertEquals(ExitCodes.UNSUPPORTED_OPERATOR, u.code(), u::toString);
        assertTrue(u.err().contains("unsupported operators: CUSTOM(TFLite_Detection_PostProcesX) x1"), u.err());
        assertTrue(u.out().matches("(?s).*\\n\\s+0\\s+CUSTOM\\(TFLite_Detection_PostProcesX\\)\\s+\\d+\\s+0,1,2\\s+3,4,5,6\\s+NO\\n.*"),
                u.out());
    }
}
