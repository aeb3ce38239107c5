/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ember4j.core.CompiledModel;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated model needs no model reader: its class, ember-core and ember-ops' kernel classes are all
 * it loads. Each model here runs in a class loader whose class path holds only those three (ember-tflite
 * and ember-runtime absent, as on a device that carries no parser) and must give the shared goldens.
 */
class ReaderFreeGeneratedModelTest {

    private static URL where(Class<?> c) throws Exception {
        return c.getProtectionDomain().getCodeSource().getLocation();
    }

    @ParameterizedTest
    @CsvSource({
        "PersonDetectModel, person.input.bin, person.expected.bin",
        "PersonDetectModel, no_person.input.bin, no_person.expected.bin",
        "SpeechModel, speech_yes.input.bin, speech_yes.expected.bin",
        "SpeechModel, speech_no.input.bin, speech_no.expected.bin",
    })
    void runsWithoutTheReaderAndTheRuntime(String model, String input, String expected) throws Exception {
        Path samples = Path.of(System.getProperty("ember.shared", "../../shared")).resolve("samples")
                .toAbsolutePath().normalize();
        URL[] path = {where(CompiledModel.class), where(Conv2DKernel.class), where(PersonDetect.class)};
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.ember4j.tflite.ModelReader", false, loader));
            assertThrows(ClassNotFoundException.class, () -> Class.forName("dev.ember4j.runtime.Interpreter", false, loader));
            Class<?> backendType = Class.forName("dev.ember4j.core.KernelBackend", false, loader);
            Object backend = Class.forName("dev.ember4j.core.ReferenceBackend", true, loader).getConstructor().newInstance();
            Class<?> generated = Class.forName("dev.ember4j.examples." + model, true, loader);
            Method predict = generated.getMethod("predictQuantized", backendType, byte[].class, byte[].class);
            byte[] want = Files.readAllBytes(samples.resolve(expected));
            byte[] got = new byte[want.length];
            predict.invoke(null, backend, Files.readAllBytes(samples.resolve(input)), got);
            assertArrayEquals(want, got, model + " on " + input + " without ember-tflite and ember-runtime");
        }
    }
}
