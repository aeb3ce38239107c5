/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.audio.FrontendConfig;
import dev.ember4j.audio.MicroFrontend;
import dev.ember4j.audio.WavReader;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.spark.example.SpeechConfusion;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The example end to end: WAV folders to Parquet, front end and model in Spark, the confusion table. */
class SpeechConfusionTest {
    private final SparkSession spark = TestSpark.session();

    /** A 16 kHz mono 16-bit WAV of these samples. */
    private static byte[] wav(short[] pcm) {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + 2 * pcm.length).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(16000).putInt(32000)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(2 * pcm.length);
        for (short s : pcm) {
            b.putShort(s);
        }
        return b.array();
    }

    @Test
    void confusionTableOfWavFolders(@TempDir Path tmp) throws IOException {
        Path wavs = tmp.resolve("wavs");
        Files.createDirectories(wavs.resolve("yes"));
        Files.createDirectories(wavs.resolve("no"));
        Files.createDirectories(wavs.resolve("cat"));
        Files.copy(TestSpark.sample("yes.wav"), wavs.resolve("yes/a.wav"));
        Files.copy(TestSpark.sample("no.wav"), wavs.resolve("no/b.wav"));
        Random random = new Random(1);
        for (int i = 0; i < 3; i++) {
            short[] noise = new short[16000];
            for (int j = 0; j < noise.length; j++) {
                noise[j] = (short) (random.nextGaussian() * 300 * (i + 1));
            }
            Files.write(wavs.resolve("cat/noise" + i + ".wav"), wav(noise));
        }
        Path parquet = tmp.resolve("clips.parquet");
        SpeechConfusion.prepare(spark, wavs.toString(), parquet.toString());
        Path model = TestSpark.model("speech.tflite");
        Dataset<Row> scored = SpeechConfusion.score(spark, spark.read().parquet(parquet.toString()), model.toString());
        Map<String, Map<String, Long>> table = SpeechConfusion.confusion(scored);

        // the oracle: ember-audio and a plain Interpreter on each file
        Map<String, Map<String, Long>> expected = SpeechConfusion.confusion(spark.createDataFrame(List.of(), scored.schema()));
        try (Interpreter it = Interpreter.builder(model).backend("ref").build();
             var files = Files.walk(wavs)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".wav")).toList()) {
                byte[] features = MicroFrontend.int8Features(FrontendConfig.MICRO_SPEECH, WavReader.read(f).samples());
                it.input(0).copyFrom(features);
                it.invoke();
                float[] s = new float[4];
                it.output(0).dequantize(s);
                int best = 0;
                for (int i = 1; i < 4; i++) {
                    best = s[i] > s[best] ? i : best;
                }
                String folder = f.getParent().getFileName().toString();
                String truth = folder.equals("yes") || folder.equals("no") ? folder : "unknown";
                expected.get(truth).merge(SpeechConfusion.CLASSES.get(best), 1L, Long::sum);
            }
        }
        assertEquals(expected, table, SpeechConfusion.format(table));
        assertEquals(1L, table.get("yes").get("yes"), "the yes sample is heard as yes");
        assertEquals(1L, table.get("no").get("no"), "the no sample is heard as no");
        String text = SpeechConfusion.format(table);
        assertTrue(text.startsWith("truth"), text);

        // the front end in Spark gives the shared sample's features byte for byte
        Row yes = scored.filter("path LIKE '%/yes/a.wav'").select("features").first();
        assertArrayEquals(TestSpark.bytes(TestSpark.sample("speech_yes.input.bin")), (byte[]) yes.get(0));
    }

    @Test
    void badWavNamesTheColumn() {
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_speech_features(unhex('0102030405')) AS f").collectAsList());
        String all = TestSpark.messages(e);
        assertTrue(all.contains("ember_speech_features"), all);
        assertTrue(all.contains("not a RIFF/WAVE file (5 bytes)"), all);
    }
}
