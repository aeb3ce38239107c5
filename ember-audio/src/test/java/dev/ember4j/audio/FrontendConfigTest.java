/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FrontendConfigTest {
    @Test
    void microSpeechPreset() {
        FrontendConfig c = FrontendConfig.MICRO_SPEECH;
        assertEquals(480, c.windowSamples());
        assertEquals(320, c.stepSamples());
        assertEquals(49, c.frameCount(16000));
        assertEquals(0, c.frameCount(479));
        assertEquals(1, c.frameCount(480));
        assertEquals(c, c.toBuilder().build());
        assertEquals(32, c.withNumChannels(32).numChannels());
        assertThrows(IllegalArgumentException.class, () -> c.toBuilder().upperBandLimit(100f).build());
        assertThrows(IllegalArgumentException.class, () -> c.withWindow(30, 40));
    }

    @Test
    void int8Mapping() {
        assertEquals(-128, MicroFrontend.toInt8(0));
        assertEquals(-128, MicroFrontend.toInt8(1)); // (256 + 333) / 666 = 0
        assertEquals(-127, MicroFrontend.toInt8(2)); // (512 + 333) / 666 = 1
        assertEquals(127, MicroFrontend.toInt8(65535));
        assertEquals((400 * 256 + 333) / 666 - 128, MicroFrontend.toInt8(400));
        assertEquals(127, MicroFrontend.toInt8(670)); // 129 before clamping
    }

    @Test
    void upperBandAboveNyquistIsRefused() {
        FrontendConfig c = FrontendConfig.MICRO_SPEECH.toBuilder().upperBandLimit(9000f).build();
        assertThrows(IllegalArgumentException.class, () -> new MicroFrontend(c));
    }
}
