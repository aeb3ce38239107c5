/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `ember run --steps N` on the stateful cases (testdata/stateful, tools/make_state_models.py): the stacked step
 * inputs in, the stacked TFLite step goldens out, with and without --reset-every.
 */
class RunStepsTest {

    @TempDir
    Path tmp;

    static Path statefulDir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("testdata/stateful"))) {
                return p.resolve("testdata/stateful");
            }
        }
        throw new IllegalStateException("testdata/stateful not found");
    }

    static List<Path> cases() {
        try (Stream<Path> s = Files.list(statefulDir())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files PREFIX{k}SUFFIX for the given steps k, back to back. */
    static byte[] stack(Path dir, String prefix, String suffix, int... steps) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int k : steps) {
            b.writeBytes(SharedData.read(dir.resolve(prefix + k + suffix)));
        }
        return b.toByteArray();
    }

    static int[] range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).toArray();
    }

    static int stepCount(Path dir, String prefix) {
        int n = 0;
        while (Files.isRegularFile(dir.resolve(prefix + n + ".input0.bin"))) {
            n++;
        }
        return n;
    }

    @TestFactory
    List<DynamicTest> statefulCases() {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty(), "no stateful cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> runCase(c))).toList();
    }

    private void runCase(Path dir) throws IOException {
        int steps = stepCount(dir, "step");
        assertTrue(steps >= 10, dir + ": at least 10 steps");
        Path in = tmp.resolve(dir.getFileName() + ".in.bin");
        Files.write(in, stack(dir, "step", ".input0.bin", range(0, steps)));
        Path outDir = tmp.resolve(dir.getFileName().toString());
        Cli.Result r = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", String.valueOf(steps),
                "--input", in.toString(), "--output-dir", outDir.toString());
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(stack(dir, "step", ".expected0.bin", range(0, steps)),
                Files.readAllBytes(outDir.resolve("output0.bin")), dir.getFileName() + ": all steps in sequence");

        // two sequences of 5 steps with a reset between them: steps 0..4 twice
        int[] twice = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
        Files.write(in, stack(dir, "step", ".input0.bin", twice));
        Path out = tmp.resolve(dir.getFileName() + ".reset.bin");
        Cli.Result reset = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", "10", "--reset-every",
                "5", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, reset.code(), reset::toString);
        assertArrayEquals(stack(dir, "step", ".expected0.bin", twice), Files.readAllBytes(out),
                dir.getFileName() + ": --reset-every 5");

        byte[] withReset = Files.readAllBytes(out);
        // without the reset the second sequence continues from the first one's state
        Cli.Result noReset = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", "10", "--input",
                in.toString(), "--output", out.toString());
        assertEquals(0, noReset.code(), noReset::toString);
        byte[] got = Files.readAllBytes(out);
        byte[] first = stack(dir, "step", ".expected0.bin", range(0, 5));
        assertArrayEquals(first, java.util.Arrays.copyOf(got, first.length), "the first sequence is unchanged");
        assertFalse(java.util.Arrays.equals(withReset, got), "the state carries over without --reset-every");
    }

    /** The streaming example's model (SVDF, SVDF, FULLY_CONNECTED, SOFTMAX): each utterance as one --steps run. */
    @Test
    void streamingUtterances() throws IOException {
        Path dir = statefulDir().resolveSibling("streaming").resolve("kws_svdf");
        int frame = 40;
        for (int u = 0; u < 3; u++) {
            Path in = dir.resolve("utt" + u + ".input0.bin");
            int steps = (int) (Files.size(in) / frame);
            Path out = tmp.resolve("utt" + u + ".bin");
            Cli.Result r = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", String.valueOf(steps),
                    "--input", in.toString(), "--output", out.toString());
            assertEquals(0, r.code(), r::toString);
            assertArrayEquals(SharedData.read(dir.resolve("utt" + u + ".expected0.bin")), Files.readAllBytes(out),
                    "utterance " + u);
        }
    }

    @Test
    void stepsOneIsAPlainRun() throws IOException {
        Path dir = cases().get(0);
        Path out = tmp.resolve("one.bin");
        Cli.Result r = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", "1", "--input",
                dir.resolve("step0.input0.bin").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(SharedData.read(dir.resolve("step0.expected0.bin")), Files.readAllBytes(out));
    }

    @Test
    void printsTheTopClassOfEveryStep() throws IOException {
        Path dir = cases().get(0);
        Path in = tmp.resolve("in.bin");
        Files.write(in, stack(dir, "step", ".input0.bin", range(0, 3)));
        Cli.Result r = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", "3", "--input", in.toString(),
                "--top", "1");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("step 0:"), r::toString);
        assertTrue(r.out().contains("step 2:"), r::toString);
        Cli.Result j = Cli.run("run", dir.resolve("model.tflite").toString(), "--steps", "3", "--input", in.toString(),
                "--top", "1", "--json");
        assertEquals(0, j.code(), j::toString);
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) ((java.util.Map<String, Object>) MiniJson.parse(j.out())).get("steps");
        assertEquals(3, list.size(), j::toString);
        assertEquals(2L, ((Number) ((java.util.Map<?, ?>) list.get(2)).get("step")).longValue());
    }

    @Test
    void wrongSizesAndOptionsAreNamed() throws IOException {
        Path dir = cases().get(0);
        String model = dir.resolve("model.tflite").toString();
        String one = dir.resolve("step0.input0.bin").toString();
        int size = SharedData.read(dir.resolve("step0.input0.bin")).length;

        Cli.Result r = Cli.run("run", model, "--steps", "3", "--input", one, "--output", tmp.resolve("x").toString());
        assertEquals(ExitCodes.INPUT_MISMATCH, r.code(), r::toString);
        assertTrue(r.err().contains("expects 3 x " + size + " = " + 3 * size + " bytes for --steps 3"), r::toString);
        assertTrue(r.err().contains("(1 steps)"), r::toString);

        Cli.Result noSteps = Cli.run("run", model, "--reset-every", "2", "--input", one, "--output",
                tmp.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, noSteps.code(), noSteps::toString);
        assertTrue(noSteps.err().contains("--reset-every needs --steps"), noSteps::toString);

        Cli.Result zero = Cli.run("run", model, "--steps", "0", "--input", one, "--output", tmp.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, zero.code(), zero::toString);
        assertTrue(zero.err().contains("--steps must be >= 1, got 0"), zero::toString);

        Cli.Result wav = Cli.run("run", model, "--steps", "2", "--wav", SharedData.sample("yes.wav").toString(),
                "--output", tmp.resolve("x").toString());
        assertEquals(ExitCodes.USAGE, wav.code(), wav::toString);
        assertTrue(wav.err().contains("--steps reads stacked --input files, not --wav"), wav::toString);
    }

    /** TFLM's keyword_scrambled (SVDF, int8 -> int16 SOFTMAX) from ../public-models: its 12 step goldens. */
    @Test
    void keywordScrambledPublicModel() throws IOException {
        Path pub = Path.of(System.getProperty("ember.publicModels",
                statefulDir().getParent().getParent().resolveSibling("public-models").toString()));
        Path model = pub.resolve("keyword_scrambled.tflite");
        Assumptions.assumeTrue(Files.isRegularFile(model) && Files.isRegularFile(pub.resolve(
                "keyword_scrambled.step11.expected0.bin")), () -> "keyword_scrambled.tflite and its step goldens are "
                + "not in " + pub + " (tools/public_models.txt, tools/public_models.py)");
        Path in = tmp.resolve("kws.bin");
        Files.write(in, stack(pub, "keyword_scrambled.step", ".input0.bin", range(0, 12)));
        Path out = tmp.resolve("kws.out.bin");
        Cli.Result r = Cli.run("run", model.toString(), "--steps", "12", "--input", in.toString(), "--output",
                out.toString());
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(stack(pub, "keyword_scrambled.step", ".expected0.bin", range(0, 12)), Files.readAllBytes(out));
    }
}
