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
    void inputSizeCheckedToo() {
        Cli.Result r = Cli.run("bench", SharedData.model("speech.tflite").toString(), "--iterations", "1",
                "--input", SharedData.sample("person.input.bin").toString());
        assertEquals(ExitCodes.INPUT_MISMATCH, r.code(), r::toString);
    }

    private static void checkReport(String out, Path model, String backend) {
        PreparedModel prepared = ModelPreparer.prepare(ByteBuffer.wrap(SharedData.read(model)));
        assertTrue(out.contains("Backend:     " + backend), out);
        for (String stat : new String[] {"median", "p10", "p90", "min", "mean"}) {
            assertTrue(Pattern.compile("(?m)^  " + stat + " +" + NUM + "\\b").matcher(out).find(),
                    () -> "no " + stat + " line:\n" + out);
        }
        Matcher alloc = Pattern.compile("(?m)^Allocated: +(\\S+) B per inference in the timed loop, (\\S+) B in the profiled loop$")
                .matcher(out);
        assertTrue(alloc.find(), out);
        assertTrue(alloc.group(1).matches("\\d+(\\.\\d)?"), "allocation is measurable on HotSpot: " + alloc.group(1));

        // Operator table: header, one row per operator (index, op, median, share, MACs, GMAC/s), total.
        String[] lines = out.split("\\R");
        int header = -1;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].matches("\\s+#\\s+op\\s+median us\\s+share %\\s+MACs\\s+GMAC/s")) {
                header = i;
            }
        }
        assertTrue(header > 0, "operator table header:\n" + out);
        int n = prepared.ops().size();
        for (int k = 0; k < n; k++) {
            PreparedOp op = prepared.ops().get(k);
            String row = lines[header + 1 + k];
            String macs = Long.toString(op.params() == null ? 0 : op.params().macs());
            assertTrue(row.matches("\\s+" + op.index() + "\\s+" + op.op() + "\\s+" + NUM + "\\s+(" + NUM + "|-)\\s+"
                    + macs + "\\s+(\\d+\\.\\d{3}|-)"), "row " + k + ": '" + row + "'");
        }
        String total = lines[header + 1 + n];
        assertTrue(total.matches("\\s+total\\s+" + NUM + "\\s+(100\\.0|-)\\s+" + prepared.macs() + "\\s+(\\d+\\.\\d{3}|-)"),
                "total row: '" + total + "'");
    }
}
