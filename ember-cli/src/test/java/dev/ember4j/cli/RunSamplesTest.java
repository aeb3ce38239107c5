/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** `ember run` on every file of ../shared/samples, compared byte for byte with the expected outputs. */
class RunSamplesTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @CsvSource({
        "speech.tflite, speech_yes",
        "speech.tflite, speech_no",
        "person_detect.tflite, person",
        "person_detect.tflite, no_person",
    })
    void classifiesSample(String model, String sample) throws Exception {
        Path out = tmp.resolve(sample + ".out.bin");
        Cli.Result r = Cli.run("run", SharedData.model(model).toString(),
                "--input", SharedData.sample(sample + ".input.bin").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), "nothing on stderr");
        assertEquals("", r.out(), "run prints nothing on success");
        assertArrayEquals(SharedData.read(SharedData.sample(sample + ".expected.bin")), Files.readAllBytes(out), sample);
    }

    /** --threads 2 gives the same bytes (the person sample's convolutions split over two threads). */
    @Test
    void twoThreadsGiveTheSameBytes() throws Exception {
        Path out = tmp.resolve("person.threads.out.bin");
        Cli.Result r = Cli.run("run", SharedData.model("person_detect.tflite").toString(), "--threads", "2",
                "--input", SharedData.sample("person.input.bin").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(SharedData.read(SharedData.sample("person.expected.bin")), Files.readAllBytes(out));
        Cli.Result bad = Cli.run("run", SharedData.model("person_detect.tflite").toString(), "--threads", "0",
                "--input", SharedData.sample("person.input.bin").toString(), "--output", out.toString());
        assertEquals(2, bad.code(), bad::toString);
        org.junit.jupiter.api.Assertions.assertTrue(bad.err().contains("--threads must be in [1, 256]"), bad.err());
    }

    /** The 256-value sine sweep as 256 one-byte runs. */
    @Test
    void sineSweepOneRunPerValue() throws Exception {
        byte[] inputs = SharedData.read(SharedData.sample("sine_sweep.input.bin"));
        byte[] expected = SharedData.read(SharedData.sample("sine_sweep.expected.bin"));
        assertEquals(256, inputs.length);
        assertEquals(256, expected.length);
        String model = SharedData.model("sine.tflite").toString();
        Path in = tmp.resolve("x.bin");
        Path out = tmp.resolve("y.bin");
        byte[] actual = new byte[256];
        for (int i = 0; i < 256; i++) {
            Files.write(in, new byte[] {inputs[i]});
            Cli.Result r = Cli.run("run", model, "-i", in.toString(), "-o", out.toString());
            assertEquals(0, r.code(), r::toString);
            byte[] y = Files.readAllBytes(out);
            assertEquals(1, y.length);
            actual[i] = y[0];
        }
        assertArrayEquals(expected, actual);
    }
}
