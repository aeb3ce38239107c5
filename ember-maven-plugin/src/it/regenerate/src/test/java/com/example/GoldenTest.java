/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package com.example;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The classes ember:generate made from src/main/tflite, run against the reference goldens. */
class GoldenTest {
    final KernelBackend backend = new ReferenceBackend();

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenTest.class.getResourceAsStream("/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void sineSweep() throws IOException {
        byte[] in = resource("sine_sweep.input.bin");
        byte[] expected = resource("sine_sweep.expected.bin");
        byte[] actual = new byte[expected.length];
        byte[] x = new byte[SineModel.INPUT_LENGTH];
        byte[] y = new byte[SineModel.OUTPUT_LENGTH];
        for (int i = 0; i < in.length; i++) {
            x[0] = in[i];
            SineModel.predictQuantized(backend, x, y);
            actual[i] = y[0];
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void keywordSpotter() throws IOException {
        byte[] y = new byte[KwsModel.OUTPUT_LENGTH];
        KwsModel.predictQuantized(backend, resource("speech_yes.input.bin"), y);
        assertArrayEquals(resource("speech_yes.expected.bin"), y);
    }
}
