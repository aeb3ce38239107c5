/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The shared samples and core conformance cases through the Interpreter on SimdBackend. */
class ModelsTest {
    private static final SimdBackend SIMD = new SimdBackend();

    static Interpreter create(byte[] model) {
        return create(model, SIMD);
    }

    static Interpreter create(byte[] model, KernelBackend backend) {
        return Interpreter.create(ByteBuffer.wrap(model), OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)], backend);
    }

    @ParameterizedTest
    @CsvSource({
        "speech.tflite, speech_yes",
        "speech.tflite, speech_no",
        "person_detect.tflite, person",
        "person_detect.tflite, no_person",
    })
    void samples(String modelName, String sample) {
        Interpreter interpreter = create(Shared.model(modelName));
        interpreter.input(0).copyFrom(Shared.sample(sample + ".input.bin"));
        interpreter.invoke();
        byte[] actual = new byte[interpreter.output(0).byteSize()];
        interpreter.output(0).copyTo(actual);
        assertArrayEquals(Shared.sample(sample + ".expected.bin"), actual, sample);
    }

    @Test
    void sineSweep() {
        byte[] inputs = Shared.sample("sine_sweep.input.bin");
        byte[] expected = Shared.sample("sine_sweep.expected.bin");
        Interpreter interpreter = create(Shared.model("sine.tflite"));
        byte[] actual = new byte[inputs.length];
        byte[] one = new byte[1];
        for (int i = 0; i < inputs.length; i++) {
            one[0] = inputs[i];
            interpreter.input(0).copyFrom(one);
            interpreter.invoke();
            interpreter.output(0).copyTo(one);
            actual[i] = one[0];
        }
        assertArrayEquals(expected, actual);
    }

    @TestFactory
    List<DynamicTest> conformanceCore() {
        List<Path> cases = new ArrayList<>(Shared.cases("core"));
        assertFalse(cases.isEmpty(), "no core conformance cases");
        cases.addAll(Shared.cases("extended"));
        cases.addAll(dev.ember4j.tflite.TestCases.generated()); // one per registry operator and variant, TFLite 2.21 reference goldens
        List<DynamicTest> tests = new ArrayList<>();
        for (Path c : cases) {
            tests.add(DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
                dev.ember4j.tflite.TestCases.assumeSupported(c);
                runCase(c);
            }));
        }
        return tests;
    }

    /** testdata/stateful (SVDF, LSTM): every step in order on one interpreter, then after a reset. */
    @TestFactory
    List<DynamicTest> statefulCases() {
        List<Path> cases = dev.ember4j.tflite.TestCases.stateful();
        assertFalse(cases.isEmpty(), "no stateful cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            Interpreter interpreter = create(Shared.read(c.resolve("model.tflite")));
            int steps = dev.ember4j.tflite.TestCases.steps(c);
            for (int n = 0; n < steps + 2; n++) {
                if (n == steps) {
                    interpreter.resetVariables();
                }
                int k = n < steps ? n : n - steps;
                for (int i = 0; i < interpreter.inputCount(); i++) {
                    interpreter.input(i).copyFrom(Shared.read(c.resolve("step" + k + ".input" + i + ".bin")));
                }
                interpreter.invoke();
                for (int o = 0; o < interpreter.outputCount(); o++) {
                    byte[] actual = new byte[interpreter.output(o).byteSize()];
                    interpreter.output(o).copyTo(actual);
                    assertArrayEquals(Shared.read(c.resolve("step" + k + ".expected" + o + ".bin")), actual,
                            c.getFileName() + " step " + k + (n >= steps ? " after resetVariables()" : "") + " output " + o);
                }
            }
        })).toList();
    }

    static void runCase(Path dir) {
        runCase(dir, SIMD);
    }

    /** One core conformance case, its three pairs, on {@code backend}. */
    static void runCase(Path dir, KernelBackend backend) {
        Interpreter interpreter = create(Shared.read(dir.resolve("model.tflite")), backend);
        for (int pair = 0; pair < 3; pair++) {
            String sfx = pair == 0 ? "" : "." + pair;
            for (int i = 0; i < interpreter.inputCount(); i++) {
                interpreter.input(i).copyFrom(Shared.read(dir.resolve("input" + i + sfx + ".bin")));
            }
            interpreter.invoke();
            for (int o = 0; o < interpreter.outputCount(); o++) {
                byte[] expected = Shared.read(dir.resolve("expected" + o + sfx + ".bin"));
                byte[] actual = new byte[interpreter.output(o).byteSize()];
                interpreter.output(o).copyTo(actual);
                assertArrayEquals(expected, actual, dir.getFileName() + " pair " + pair + " output " + o);
            }
        }
    }
}
