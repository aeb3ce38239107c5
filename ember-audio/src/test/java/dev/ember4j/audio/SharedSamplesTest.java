/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** yes.wav / no.wav from ../shared/samples give exactly the speech model's sample inputs. */
class SharedSamplesTest {
    static Path shared() {
        return Path.of(System.getProperty("ember.shared", "../../shared"));
    }

    private static void check(String wav, String expected) throws IOException {
        Path samples = shared().resolve("samples");
        WavReader.Pcm16 pcm = WavReader.read(samples.resolve(wav), 16000);
        byte[] want = Files.readAllBytes(samples.resolve(expected));
        byte[] got = MicroFrontend.int8Features(FrontendConfig.MICRO_SPEECH, pcm.samples());
        assertEquals(49 * 40, got.length);
        assertArrayEquals(want, got, wav);
        for (int chunk : new int[] {1, 7, 160, 999}) {
            assertArrayEquals(want, StreamingGoldenTest.streamInt8(FrontendConfig.MICRO_SPEECH, pcm.samples(), chunk),
                    wav + " in chunks of " + chunk);
        }
    }

    @Test
    void yes() throws IOException {
        check("yes.wav", "speech_yes.input.bin");
    }

    @Test
    void no() throws IOException {
        check("no.wav", "speech_no.input.bin");
    }
}
