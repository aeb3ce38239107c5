/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** `ember features WAV` and `ember run MODEL --wav WAV`. */
class AudioCliTest {
    @TempDir
    Path tmp;

    private static final String SPEECH = SharedData.model("speech.tflite").toString();

    private static void assertOneLineError(Cli.Result r, int code, String... fragments) {
        assertEquals(code, r.code(), r::toString);
        String[] lines = r.errLines();
        assertEquals(1, lines.length, () -> "expected one stderr line: " + r);
        assertTrue(lines[0].startsWith("ember: "), r::toString);
        for (String f : fragments) assertTrue(lines[0].contains(f), () -> "stderr should mention '" + f + "': " + r);
        assertFalse(r.err().contains("\tat "), "no stack trace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no"})
    void featuresOfTheSampleWavsAreTheSpeechInputs(String word) throws Exception {
        Path out = tmp.resolve(word + ".features.bin");
        Cli.Result r = Cli.run("features", SharedData.sample(word + ".wav").toString(), "--output", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertArrayEquals(SharedData.read(SharedData.sample("speech_" + word + ".input.bin")), Files.readAllBytes(out));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no"})
    void runWithWavClassifiesTheWord(String word) throws Exception {
        Path out = tmp.resolve(word + ".out.bin");
        Cli.Result r = Cli.run("run", SPEECH, "--wav", SharedData.sample(word + ".wav").toString(), "-o", out.toString());
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
        assertArrayEquals(SharedData.read(SharedData.sample("speech_" + word + ".expected.bin")), Files.readAllBytes(out));
    }

    @Test
    void runWithWavOfTheWrongLengthSaysWhatItNeeds() throws Exception {
        Path wav = tmp.resolve("half.wav");
        Files.write(wav, wav(new short[8000], 16000, 1));
        Cli.Result r = Cli.run("run", SPEECH, "--wav", wav.toString(), "-o", tmp.resolve("o.bin").toString());
        assertOneLineError(r, ExitCodes.INPUT_MISMATCH, "expects 1960 bytes", "24 frames x 40 features", "960");

        Cli.Result p = Cli.run("run", SharedData.model("person_detect.tflite").toString(), "--wav",
                SharedData.sample("yes.wav").toString(), "-o", tmp.resolve("o.bin").toString());
        assertOneLineError(p, ExitCodes.INPUT_MISMATCH, "expects 9216 bytes", "49 frames x 40 features");
    }

    @Test
    void wavFormatErrors() throws Exception {
        Path stereo = tmp.resolve("stereo.wav");
        Files.write(stereo, wav(new short[32000], 44100, 2));
        Cli.Result r = Cli.run("features", stereo.toString(), "-o", tmp.resolve("f.bin").toString());
        assertOneLineError(r, ExitCodes.INPUT_MISMATCH, "stereo.wav", "16-bit PCM stereo at 44100 Hz",
                "need 16-bit PCM mono");

        Path shortWav = tmp.resolve("short.wav");
        Files.write(shortWav, wav(new short[400], 16000, 1));
        r = Cli.run("features", shortWav.toString(), "-o", tmp.resolve("f.bin").toString());
        assertOneLineError(r, ExitCodes.INPUT_MISMATCH, "400 samples", "shorter than one 480-sample");

        Path missing = tmp.resolve("nope.wav");
        r = Cli.run("features", missing.toString(), "-o", tmp.resolve("f.bin").toString());
        assertOneLineError(r, ExitCodes.IO, "nope.wav", "no such file");
    }

    @Test
    void inputAndWavAreExclusive() {
        Cli.Result both = Cli.run("run", SPEECH, "--wav", SharedData.sample("yes.wav").toString(), "--input",
                SharedData.sample("speech_yes.input.bin").toString(), "-o", tmp.resolve("o.bin").toString());
        assertEquals(ExitCodes.USAGE, both.code(), both::toString);
        assertTrue(both.err().contains("either --input or --wav"), both::toString);
        Cli.Result neither = Cli.run("run", SPEECH, "-o", tmp.resolve("o.bin").toString());
        assertEquals(ExitCodes.USAGE, neither.code(), neither::toString);
        assertTrue(neither.err().contains("--input"), neither::toString);
    }

    static byte[] wav(short[] samples, int rate, int channels) {
        ByteBuffer b = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples.length * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(rate)
                .putInt(rate * channels * 2).putShort((short) (channels * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples.length * 2);
        for (short s : samples) b.putShort(s);
        return b.array();
    }
}
