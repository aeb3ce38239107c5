/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `ember run --image`, `--pixels`, `--labels`, `--top`, `--json`. */
class MediaCliTest {
    @TempDir
    Path tmp;

    private static final String PERSON = SharedData.model("person_detect.tflite").toString();
    private static final String SPEECH = SharedData.model("speech.tflite").toString();

    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r::toString);
        String[] lines = r.errLines();
        assertEquals(1, lines.length, () -> "expected one stderr line: " + r);
        for (String f : fragments) assertTrue(lines[0].contains(f), () -> "stderr should mention '" + f + "': " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"person", "no_person"})
    void imageGivesTheExpectedOutputBytes(String name) throws Exception {
        Path out = tmp.resolve(name + ".out.bin");
        Cli.Result r = Cli.run("run", PERSON, "--image", SharedData.sample(name + ".bmp").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertEquals("", r.out());
        assertArrayEquals(SharedData.read(SharedData.sample(name + ".expected.bin")), Files.readAllBytes(out));
    }

    @Test
    void personImageWithLabelsPrintsPersonFirst() throws Exception {
        Path labels = tmp.resolve("person_labels.txt");
        Files.writeString(labels, "no person\nperson\n");
        Cli.Result r = Cli.run("run", PERSON, "--image", SharedData.sample("person.bmp").toString(), "--labels",
                labels.toString());
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().split("\\R");
        // output [-113, 113], scale 1/256, zero point -128: 241/256 and 15/256
        assertEquals(List.of("person     0.94140625  (class 1)", "no person  0.05859375  (class 0)"), List.of(lines));

        Cli.Result n = Cli.run("run", PERSON, "--image", SharedData.sample("no_person.bmp").toString(), "--labels",
                labels.toString(), "--top", "1");
        assertEquals(0, n.code(), n::toString);
        assertEquals("no person  0.72265625  (class 0)", n.out().strip()); // 57 + 128 = 185 / 256
    }

    @Test
    void speechWavWithLabelsPrintsYesFirst() throws Exception {
        Path labels = tmp.resolve("speech_labels.txt");
        Files.writeString(labels, "silence\nunknown\nyes\nno\n");
        Cli.Result r = Cli.run("run", SPEECH, "--wav", SharedData.sample("yes.wav").toString(), "--labels",
                labels.toString(), "--top", "2");
        assertEquals(0, r.code(), r::toString);
        String[] lines = r.out().split("\\R");
        assertEquals(2, lines.length, r::toString);
        assertTrue(lines[0].startsWith("yes "), r::toString);
        assertEquals("yes      0.99609375  (class 2)", lines[0]);
        assertEquals("silence  0.0  (class 0)", lines[1]); // a three-way tie at 0: index order

        Cli.Result no = Cli.run("run", SPEECH, "--wav", SharedData.sample("no.wav").toString(), "--labels",
                labels.toString(), "--top", "2");
        assertTrue(no.out().startsWith("no "), no::toString);
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonTopAndOutputTogether() throws Exception {
        Path out = tmp.resolve("o.bin");
        Cli.Result r = Cli.run("run", SPEECH, "--input", SharedData.sample("speech_no.input.bin").toString(), "--top", "3",
                "--json", "-o", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(SharedData.read(SharedData.sample("speech_no.expected.bin")), Files.readAllBytes(out));
        Map<String, Object> doc = (Map<String, Object>) MiniJson.parse(r.out());
        assertEquals(4L, ((Number) doc.get("classes")).longValue());
        List<Object> top = (List<Object>) doc.get("top");
        assertEquals(3, top.size());
        Map<String, Object> first = (Map<String, Object>) top.get(0);
        assertEquals("3", first.get("label")); // no labels: the index
        assertEquals(3L, ((Number) first.get("index")).longValue());
        assertEquals(242 / 256.0, ((Number) first.get("score")).doubleValue(), 0); // 114 + 128
        assertEquals("1", ((Map<String, Object>) top.get(1)).get("label"));
    }

    @Test
    void pixelConventionsAndErrors() throws Exception {
        Path out = tmp.resolve("o.bin");
        String bmp = SharedData.sample("person.bmp").toString();
        for (String c : new String[] {"minus128", "unit", "symmetric"}) {
            Cli.Result r = Cli.run("run", PERSON, "--image", bmp, "--pixels", c, "-o", out.toString());
            assertEquals(0, r.code(), r::toString);
        }
        assertEquals(ExitCodes.USAGE, Cli.run("run", PERSON, "--image", bmp, "--pixels", "raw", "-o", out.toString()).code());
        assertEquals(ExitCodes.USAGE, Cli.run("run", PERSON, "--image", bmp).code());
        assertEquals(ExitCodes.USAGE, Cli.run("run", PERSON, "--image", bmp, "--top", "0").code());
        assertEquals(ExitCodes.USAGE, Cli.run("run", PERSON, "--image", bmp, "--input", bmp, "--top", "1").code());

        Path labels = tmp.resolve("three.txt");
        Files.writeString(labels, "a\nb\nc\n");
        assertOneLineError(Cli.run("run", PERSON, "--image", bmp, "--labels", labels.toString()),
                ExitCodes.INPUT_MISMATCH, "has 3 labels", "2 classes");
        assertOneLineError(Cli.run("run", SPEECH, "--image", bmp, "--top", "1"), ExitCodes.INPUT_MISMATCH,
                "not an image input");
        Path text = tmp.resolve("not.png");
        Files.writeString(text, "hello");
        assertOneLineError(Cli.run("run", PERSON, "--image", text.toString(), "--top", "1"), ExitCodes.INPUT_MISMATCH,
                "not.png");
        assertOneLineError(Cli.run("run", PERSON, "--image", tmp.resolve("missing.png").toString(), "--top", "1"),
                ExitCodes.IO, "missing.png");
    }
}
