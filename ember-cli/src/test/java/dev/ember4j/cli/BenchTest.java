/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Output shape only: no timing assertions. */
class BenchTest {
    /** A kernel cell: backend/kernel, with " xN" when split over threads. */
    static final String KERNEL = "[\\w-]+/[\\w-]+(?: x\\d+)?";


    private static final String NUM = "\\d+\\.\\d";

    @Test
    void randomInputTableShape() {
        Path model = SharedData.model("speech.tflite");
        Cli.Result r = Cli.run("bench", model.toString(), "--warmup", "1", "--iterations", "3");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        checkReport(r.out(), model, "ref");
        assertTrue(r.out().contains("random (seed 1)"), r.out());
    }

    @Test
    void withInputFileAndBackend() {
        Path model = SharedData.model("person_detect.tflite");
        Cli.Result r = Cli.run("bench", model.toString(), "--warmup", "0", "--iterations", "1",
                "--input", SharedData.sample("person.input.bin").toString(), "--backend", "ref-copy");
        assertEquals(0, r.code(), r::toString);
        checkReport(r.out(), model, "ref-copy");
        assertTrue(r.out().contains("person.input.bin"), r.out());
    }

    @Test
    void defaultWarmUpSettlesAndReportsZeroAllocation() {
        Path model = SharedData.model("sine.tflite");
        Cli.Result r = Cli.run("bench", model.toString(), "--backend", "simd", "--iterations", "50");
        assertEquals(0, r.code(), r::toString);
        checkReport(r.out(), model, "simd");
        assertTrue(Pattern.compile("(?m)^Warmup: +auto: steady after \\d+\\.\\d s \\(\\d+ inferences; ").matcher(r.out()).find(),
                r.out());
        assertTrue(r.out().contains("Allocated:   0 B per inference in the timed loop, 0 B in the profiled loop"), r.out());
        assertTrue(r.err().startsWith("ember bench: warming up until the JIT has settled"), r.err());
    }

    /** The share column is each operator's median over the sum of the medians (the total row), row by row. */
    @Test
    void shareColumnIsTheMedianOverTheTotal() {
        Cli.Result r = Cli.run("bench", SharedData.model("speech.tflite").toString(), "--warmup", "20", "--iterations", "20");
        assertEquals(0, r.code(), r::toString);
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        double total = -1;
        for (String line : r.out().split("\\R")) {
            Matcher m = Pattern.compile("^\\s+\\d+\\s+\\w+\\s+" + KERNEL + "\\s+(" + NUM + ")\\s+(" + NUM + ")\\s").matcher(line);
            if (m.find()) {
                rows.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
            }
            Matcher t = Pattern.compile("^\\s+total\\s+(" + NUM + ")\\s").matcher(line);
            if (t.find()) {
                total = Double.parseDouble(t.group(1));
            }
        }
        assertTrue(total > 0 && rows.size() >= 3, r.out());
        for (double[] row : rows) {
            // medians and the total are printed to 0.1 us, shares to 0.1 %: allow for that rounding
            double expected = 100.0 * row[0] / total;
            assertEquals(expected, row[1], 0.06 + 100.0 * 0.06 / total, r.out());
        }
    }

    @Test
    void warmUpArgumentsChecked() {
        Path model = SharedData.model("sine.tflite");
        assertEquals(ExitCodes.USAGE, Cli.run("bench", model.toString(), "--warmup", "soon").code());
        assertEquals(ExitCodes.USAGE, Cli.run("bench", model.toString(), "--warmup", "-3").code());
        assertEquals(ExitCodes.USAGE, Cli.run("bench", model.toString(), "--max-warmup", "0").code());
    }

    @Test
    void warmUpRule() {
        java.util.List<double[]> w = new java.util.ArrayList<>();
        for (int i = 0; i < 2 * WarmUp.QUIET_WINDOWS; i++) {
            w.add(new double[] {1000, 0, 0});
        }
        assertEquals(null, WarmUp.unsettled(w, true));
        w.set(w.size() - 1, new double[] {1000, 64, 0});
        assertTrue(WarmUp.unsettled(w, true).contains("allocating"));
        w.set(w.size() - 1, new double[] {1000, 0, 3});
        assertEquals("JIT still compiling", WarmUp.unsettled(w, true));
        assertEquals(null, WarmUp.unsettled(w, false));
        for (int i = 0; i < WarmUp.QUIET_WINDOWS; i++) { // the last windows got 10% faster
            w.set(w.size() - 1 - i, new double[] {900, 0, 0});
        }
        assertEquals("latency still falling", WarmUp.unsettled(w, true));
        assertEquals("too few windows", WarmUp.unsettled(w.subList(0, 3), true));
    }

    @Test
    void inputSizeCheckedToo() {
        Cli.Result r = Cli.run("bench", SharedData.model("speech.tflite").toString(), "--iterations", "1",
                "--input", SharedData.sample("person.input.bin").toString());
        assertEquals(ExitCodes.INPUT_MISMATCH, r.code(), r::toString);
    }

    private static void checkReport(String out, Path model, String backend) {
        PreparedModel prepared = ModelPreparer.prepare(ByteBuffer.wrap(SharedData.read(model)));
        assertTrue(out.contains("Backend:     " + backend), out);
        assertTrue(out.contains("Warmup:      "), out);
        for (String stat : new String[] {"median", "p10", "p90", "min", "mean"}) {
            assertTrue(Pattern.compile("(?m)^  " + stat + " +" + NUM + "\\b").matcher(out).find(),
                    () -> "no " + stat + " line:\n" + out);
        }
        Matcher alloc = Pattern.compile("(?m)^Allocated: +(\\S+) B per inference in the timed loop, (\\S+) B in the profiled loop$")
                .matcher(out);
        assertTrue(alloc.find(), out);
        assertTrue(alloc.group(1).matches("\\d+(\\.\\d)?"), "allocation is measurable on HotSpot: " + alloc.group(1));

        // Operator table: header, one row per operator (index, op, kernel, median, share, MACs, GMAC/s), total.
        String[] lines = out.split("\\R");
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s+#\\s+op\\s+kernel\\s+median us\\s+share %\\s+MACs\\s+GMAC/s")) {
                header = i;
            }
        }
        assertTrue(header > 0, "operator table header:\n" + out);
        int n = prepared.ops().size();
        for (int k = 0; k < n; k++) {
            PreparedOp op = prepared.ops().get(k);
            String row = lines[header + 1 + k];
            String macs = Long.toString(op.params() == null ? 0 : op.params().macs());
            assertTrue(row.matches("\\s+" + op.index() + "\\s+" + op.op() + "\\s+" + (op.isAlias() ? "\\(alias\\)" : KERNEL)
                    + "\\s+" + NUM + "\\s+(" + NUM + "|-)\\s+"
                    + macs + "\\s+(\\d+\\.\\d{3}|-)"), "row " + k + ": '" + row + "'");
        }
        String total = lines[header + 1 + n];
        assertTrue(total.matches("\\s+total\\s+" + NUM + "\\s+(100\\.0|-)\\s+" + prepared.macs() + "\\s+(\\d+\\.\\d{3}|-)"),
                "total row: '" + total + "'");
    }
}
