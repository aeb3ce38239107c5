/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * testdata/audio: WAVs with the outputs of TensorFlow's audio_microfrontend op (tools/make_audio_goldens.py),
 * byte for byte through the batch API and through the streaming API fed in odd-sized chunks.
 */
class StreamingGoldenTest {
    static final int[] CHUNKS = {1, 7, 160, 319, 321, 999, 4097};

    /** The parameter sets of tools/make_audio_goldens.py. */
    static FrontendConfig config(String set) {
        return switch (set) {
            case "micro_speech" -> FrontendConfig.MICRO_SPEECH;
            case "tf_defaults" -> FrontendConfig.MICRO_SPEECH.toBuilder().windowSizeMs(25).windowStepMs(10)
                    .numChannels(32).build();
            case "no_pcan" -> FrontendConfig.MICRO_SPEECH.toBuilder().enablePcan(false).build();
            case "wide" -> FrontendConfig.MICRO_SPEECH.toBuilder().windowSizeMs(64).windowStepMs(16).numChannels(20)
                    .lowerBandLimit(300.0f).upperBandLimit(3800.0f).smoothingBits(8).evenSmoothing(0.1f)
                    .oddSmoothing(0.2f).minSignalRemaining(0.1f).pcanStrength(0.8f).pcanOffset(40.0f).gainBits(20)
                    .scaleShift(4).build();
            default -> throw new IllegalArgumentException("unknown parameter set " + set);
        };
    }

    static Path dir() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/audio");
            if (Files.isRegularFile(candidate.resolve("goldens.txt"))) return candidate;
        }
        throw new IllegalStateException("testdata/audio not found above " + Path.of("").toAbsolutePath());
    }

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        Path dir = dir();
        List<DynamicTest> tests = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("goldens.txt"))) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.trim().split("\\s+");
            String wav = f[0], set = f[1], golden = f[2];
            int frames = Integer.parseInt(f[3]), channels = Integer.parseInt(f[4]);
            tests.add(DynamicTest.dynamicTest(wav + " " + set, () -> check(dir, wav, set, golden, frames, channels)));
        }
        assertTrue(tests.size() >= 12, "goldens listed: " + tests.size());
        return tests.stream();
    }

    private static void check(Path dir, String wav, String set, String golden, int frames, int channels)
            throws IOException {
        FrontendConfig config = config(set);
        assertEquals(channels, config.numChannels());
        short[] pcm = WavReader.read(dir.resolve(wav), config.sampleRate()).samples();
        assertEquals(frames, config.frameCount(pcm.length), "frame count");
        byte[] want = Files.readAllBytes(dir.resolve(golden));
        if (golden.endsWith(".int8")) {
            assertArrayEquals(want, MicroFrontend.int8Features(config, pcm), "batch");
            for (int chunk : CHUNKS) {
                assertArrayEquals(want, streamInt8(config, pcm, chunk), "chunks of " + chunk);
            }
        } else {
            assertArrayEquals(want, uint16Bytes(MicroFrontend.features(config, pcm)), "batch");
            for (int chunk : CHUNKS) {
                assertArrayEquals(want, streamUint16(config, pcm, chunk), "chunks of " + chunk);
            }
        }
    }

    static byte[] uint16Bytes(int[][] frames) {
        int channels = frames.length == 0 ? 0 : frames[0].length;
        ByteBuffer b = ByteBuffer.allocate(frames.length * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int[] frame : frames) for (int v : frame) b.putShort((short) v);
        return b.array();
    }

    static byte[] streamUint16(FrontendConfig config, short[] pcm, int chunk) {
        MicroFrontend frontend = new MicroFrontend(config);
        int channels = config.numChannels();
        ByteBuffer b = ByteBuffer.allocate(config.frameCount(pcm.length) * channels * 2).order(ByteOrder.LITTLE_ENDIAN);
        MicroFrontend.FrameListener listener = (index, values) -> {
            assertEquals(b.position(), index * channels * 2);
            for (int v : values) b.putShort((short) v);
        };
        for (int off = 0; off < pcm.length; off += chunk) {
            frontend.push(pcm, off, Math.min(chunk, pcm.length - off), listener);
        }
        return b.array();
    }

    /** Runs the streaming API over {@code pcm} in chunks of {@code chunk} samples and returns the int8 bytes. */
    static byte[] streamInt8(FrontendConfig config, short[] pcm, int chunk) {
        MicroFrontend frontend = new MicroFrontend(config);
        int channels = config.numChannels();
        byte[] out = new byte[config.frameCount(pcm.length) * channels];
        MicroFrontend.FrameListener listener = (index, values) -> MicroFrontend.toInt8(values, out, (int) index * channels);
        for (int off = 0; off < pcm.length; off += chunk) {
            frontend.push(pcm, off, Math.min(chunk, pcm.length - off), listener);
        }
        return out;
    }
}
