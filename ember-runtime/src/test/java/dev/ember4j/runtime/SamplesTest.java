/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reference models on ../shared/samples, bit-exact. */
class SamplesTest {

    @ParameterizedTest
    @CsvSource({
        "speech.tflite, speech_yes",
        "speech.tflite, speech_no",
        "person_detect.tflite, person",
        "person_detect.tflite, no_person",
    })
    void classifiesSample(String modelName, String sample) {
        byte[] model = SharedData.model(modelName);
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)]);
        interpreter.input(0).copyFrom(SharedData.sample(sample + ".input.bin"));
        interpreter.invoke();
        byte[] actual = new byte[interpreter.output(0).byteSize()];
        interpreter.output(0).copyTo(actual);
        assertArrayEquals(SharedData.sample(sample + ".expected.bin"), actual, sample);
    }

    @Test
    void sineSweepAll256Inputs() {
        byte[] model = SharedData.model("sine.tflite");
        byte[] inputs = SharedData.sample("sine_sweep.input.bin");
        byte[] expected = SharedData.sample("sine_sweep.expected.bin");
        assertEquals(256, inputs.length);
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)]);
        byte[] actual = new byte[256];
        byte[] one = new byte[1];
        for (int i = 0; i < 256; i++) {
            one[0] = inputs[i];
            interpreter.input(0).copyFrom(one);
            interpreter.invoke();
            interpreter.output(0).copyTo(one);
            actual[i] = one[0];
        }
        assertArrayEquals(expected, actual);
    }
}
