/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every failure: one line "ember: ..." on stderr, no stack trace, the documented exit code. */
class ErrorsTest {

    @TempDir
    Path tmp;

    private static final String SPEECH = SharedData.model("speech.tflite").toString();
    private static final String SPEECH_YES = SharedData.sample("speech_yes.input.bin").toString();

    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r::toString);
        String[] lines = r.errLines();
        assertEquals(1, lines.length, () -> "expected one stderr line: " + r);
        assertTrue(lines[0].startsWith("ember: "), () -> "stderr line must start with 'ember: ': " + r);
        for (String f : fragments) {
            assertTrue(lines[0].contains(f), () -> "stderr should mention '" + f + "': " + r);
        }
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertEquals("", r.out(), "nothing on stdout");
    }

    @Test
    void wrongInputSize() {
        Cli.Result r = Cli.run("run", SPEECH, "--input", SharedData.sample("person.input.bin").toString(),
                "--output", tmp.resolve("o.bin").toString());
        assertOneLineError(r, ExitCodes.INPUT_MISMATCH, "expects 1960 bytes", "9216 bytes", "[1, 1960]", "INT8");
        assertFalse(Files.exists(tmp.resolve("o.bin")), "no output written on failure");
    }

    @Test
    void wrongInputCount() {
        Cli.Result r = Cli.run("run", SPEECH, "-i", SPEECH_YES, "-i", SPEECH_YES, "-o", tmp.resolve("o.bin").toString());
        assertOneLineError(r, ExitCodes.INPUT_MISMATCH, "has 1 input", "got 2");
        Path add = SharedData.conformance("add_same_shape_two_inputs");
        Cli.Result r2 = Cli.run("run", add.resolve("model.tflite").toString(), "-i", add.resolve("input0.bin").toString(),
                "--output-dir", tmp.resolve("d").toString());
        assertOneLineError(r2, ExitCodes.INPUT_MISMATCH, "has 2 inputs", "got 1", "288 bytes");
    }

    @Test
    void missingInputFile() {
        Path missing = tmp.resolve("nope.bin");
        Cli.Result r = Cli.run("run", SPEECH, "--input", missing.toString(), "--output", tmp.resolve("o.bin").toString());
        assertOneLineError(r, ExitCodes.IO, missing.toString(), "no such file");
    }

    @Test
    void missingModelFile() {
        Cli.Result r = Cli.run("inspect", tmp.resolve("nope.tflite").toString());
        assertOneLineError(r, ExitCodes.IO, "nope.tflite");
    }

    @Test
    void outputIntoMissingDirectoriesCreatesThem() throws Exception {
        Path out = tmp.resolve("not/yet/there/o.bin");
        Cli.Result r = Cli.run("run", SPEECH, "-i", SPEECH_YES, "-o", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(4, Files.size(out));
    }

    @Test
    void unwritableOutput() throws Exception {
        Path file = Files.write(tmp.resolve("plain-file"), new byte[] {1});
        Cli.Result r = Cli.run("run", SPEECH, "-i", SPEECH_YES, "-o", file.resolve("sub/o.bin").toString());
        assertOneLineError(r, ExitCodes.IO, "cannot write");
        Cli.Result r2 = Cli.run("run", SPEECH, "-i", SPEECH_YES, "--output-dir", file.resolve("dir").toString());
        assertOneLineError(r2, ExitCodes.IO, "output directory");
    }

    @Test
    void truncatedModel() throws Exception {
        byte[] model = SharedData.read(SharedData.model("person_detect.tflite"));
        Path truncated = Files.write(tmp.resolve("truncated.tflite"), Arrays.copyOf(model, model.length / 2));
        Cli.Result r = Cli.run("run", truncated.toString(), "-i", SharedData.sample("person.input.bin").toString(),
                "-o", tmp.resolve("o.bin").toString());
        assertOneLineError(r, ExitCodes.MALFORMED_MODEL, "truncated.tflite");
        assertOneLineError(Cli.run("inspect", truncated.toString()), ExitCodes.MALFORMED_MODEL);
        assertOneLineError(Cli.run("bench", truncated.toString()), ExitCodes.MALFORMED_MODEL);
    }

    @Test
    void notAModel() throws Exception {
        Path junk = Files.write(tmp.resolve("junk.tflite"), new byte[] {1, 2, 3});
        assertOneLineError(Cli.run("inspect", junk.toString()), ExitCodes.MALFORMED_MODEL, "junk.tflite");
        Path text = Files.writeString(tmp.resolve("text.tflite"), "this is not a flatbuffer at all, just text");
        assertOneLineError(Cli.run("inspect", text.toString()), ExitCodes.MALFORMED_MODEL);
    }

    @Test
    void unsupportedOperator() {
        Path c = SharedData.conformance("mul_two_inputs_same_shape");
        Path model = SharedData.unsupportedOperatorModel(tmp);
        Cli.Result r = Cli.run("run", model.toString(), "-i", c.resolve("input0.bin").toString(),
                "-i", c.resolve("input1.bin").toString(), "--output-dir", tmp.resolve("d").toString());
        assertOneLineError(r, ExitCodes.UNSUPPORTED_OPERATOR, "HASHTABLE_LOOKUP x1");
        // inspect still prints what the file declares (InspectTest checks it), then the same one-line error
        Cli.Result inspect = Cli.run("inspect", model.toString());
        assertEquals(ExitCodes.UNSUPPORTED_OPERATOR, inspect.code(), inspect::toString);
        assertEquals(1, inspect.errLines().length, inspect::toString);
        assertTrue(inspect.errLines()[0].startsWith("ember: ") && inspect.errLines()[0].contains("HASHTABLE_LOOKUP x1"),
                inspect::toString);
    }

    /** 1.44 GB of activations in a tiny file: refused at load by the default arena limit (1 GiB), exit code 7. */
    @Test
    void resourceLimit() throws Exception {
        Path model = java.nio.file.Files.write(tmp.resolve("huge.tflite"), dev.ember4j.tflite.HostileModels.identity(3, 60_000_000));
        assertOneLineError(Cli.run("inspect", model.toString()), ExitCodes.RESOURCE_LIMIT, "maxArenaBytes", "1440000000");
    }

    @Test
    void unknownBackend() {
        Cli.Result r = Cli.run("run", SPEECH, "-i", SPEECH_YES, "-o", tmp.resolve("o.bin").toString(),
                "--backend", "warp-drive");
        assertOneLineError(r, ExitCodes.USAGE, "unknown backend 'warp-drive'", "available: ref");
        assertOneLineError(Cli.run("bench", SPEECH, "--backend", "warp-drive"), ExitCodes.USAGE, "warp-drive");
    }

    @Test
    void usageErrorsUsePicocliDefault() {
        Cli.Result noOutput = Cli.run("run", SPEECH, "-i", SPEECH_YES);
        assertEquals(ExitCodes.USAGE, noOutput.code(), noOutput::toString);
        assertTrue(noOutput.err().contains("--output"), noOutput::toString);
        Cli.Result both = Cli.run("run", SPEECH, "-i", SPEECH_YES, "-o", "a", "--output-dir", "b");
        assertEquals(ExitCodes.USAGE, both.code(), both::toString);
        Cli.Result unknown = Cli.run("frobnicate");
        assertEquals(ExitCodes.USAGE, unknown.code(), unknown::toString);
        Cli.Result nothing = Cli.run();
        assertEquals(ExitCodes.USAGE, nothing.code(), nothing::toString);
        Cli.Result badIterations = Cli.run("bench", SPEECH, "--iterations", "0");
        assertEquals(ExitCodes.USAGE, badIterations.code(), badIterations::toString);
        Cli.Result notNumber = Cli.run("bench", SPEECH, "--warmup", "many");
        assertEquals(ExitCodes.USAGE, notNumber.code(), notNumber::toString);
    }

    @Test
    void verboseAndEmberDebugAddStackTrace() {
        String missing = tmp.resolve("nope.bin").toString();
        Cli.Result verbose = Cli.run("run", SPEECH, "-i", missing, "-o", tmp.resolve("o.bin").toString(), "--verbose");
        assertEquals(ExitCodes.IO, verbose.code());
        assertTrue(verbose.errLines()[0].startsWith("ember: cannot read input file"), verbose::toString);
        assertTrue(verbose.err().contains("\tat "), verbose::toString);

        Cli.Result debug = Cli.run(Map.of("EMBER_DEBUG", "1"), "run", SPEECH, "-i", missing, "-o",
                tmp.resolve("o.bin").toString());
        assertEquals(ExitCodes.IO, debug.code());
        assertTrue(debug.err().contains("\tat "), debug::toString);
    }

    @Test
    void unexpectedFailuresAreOneLineToo() {
        java.io.StringWriter sw = new java.io.StringWriter();
        int code = EmberCli.report(new IllegalStateException("boom\nsecond line"), new java.io.PrintWriter(sw), false);
        assertEquals(ExitCodes.FAILURE, code);
        assertEquals("ember: IllegalStateException: boom second line", sw.toString().strip());

        sw = new java.io.StringWriter();
        code = EmberCli.report(new dev.ember4j.core.ModelFormatException("bad"), new java.io.PrintWriter(sw), false);
        assertEquals(ExitCodes.MALFORMED_MODEL, code);
        sw = new java.io.StringWriter();
        code = EmberCli.report(new dev.ember4j.core.UnsupportedOperatorException("no"), new java.io.PrintWriter(sw), false);
        assertEquals(ExitCodes.UNSUPPORTED_OPERATOR, code);
        assertEquals("ember: no", sw.toString().strip());
    }
}
