/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The models the benchmarks run and the inputs they are fed, all read from the shared test-data
 * directory ({@code -Dember.shared=DIR}, env {@code EMBER_SHARED}, else {@code shared/} beside the
 * checkout, found from the working directory or from this class's jar).
 */
public final class BenchModels {

    /** Names accepted by {@link #modelPath} and {@link #input}, in table order. */
    public static final List<String> ALL = List.of(
            "sine", "speech", "person_detect", "net_mobilenet_tiny", "net_resnet_tiny",
            "vww_96", "kws", "resnet8", "ad01");

    /** Seed of the random inputs (models without a recorded sample). */
    public static final long SEED = 42L;

    private BenchModels() {}

    public static Path sharedDir() {
        String prop = System.getProperty("ember.shared");
        if (prop == null || prop.isBlank()) {
            prop = System.getenv("EMBER_SHARED");
        }
        if (prop != null && !prop.isBlank()) {
            Path p = Paths.get(prop).toAbsolutePath().normalize();
            if (!isShared(p)) {
                throw new IllegalStateException("ember.shared=" + p + " does not contain models/sine.tflite");
            }
            return p;
        }
        List<Path> candidates = new ArrayList<>();
        Path cwd = Paths.get("").toAbsolutePath();
        for (Path d = cwd; d != null; d = d.getParent()) {
            candidates.add(d.resolve("shared"));
            candidates.add(d.resolveSibling("shared"));
        }
        try {
            Path code = Paths.get(BenchModels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = code; d != null; d = d.getParent()) {
                candidates.add(d.resolveSibling("shared"));
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // no code source: the working directory candidates remain
        }
        for (Path c : candidates) {
            if (c != null && isShared(c)) {
                return c.normalize();
            }
        }
        throw new IllegalStateException("shared test data not found: pass -Dember.shared=/path/to/shared "
                + "(the directory holding models/ and samples/); looked in " + candidates);
    }

    private static boolean isShared(Path p) {
        return Files.isRegularFile(p.resolve("models").resolve("sine.tflite"));
    }

    public static Path modelPath(String name) {
        Path shared = sharedDir();
        switch (name) {
            case "sine":
            case "speech":
            case "person_detect":
                return shared.resolve("models").resolve(name + ".tflite");
            case "net_mobilenet_tiny":
            case "net_resnet_tiny":
                return shared.resolve("conformance").resolve(name).resolve("model.tflite");
            case "vww_96":
            case "kws":
            case "resnet8":
            case "ad01":
                return shared.resolve("models").resolve("mlperf_tiny").resolve(mlperfFile(name) + ".tflite");
            default:
                if (name.endsWith(".tflite")) { // any model file (public models fetched by tools/public_models.py)
                    return Path.of(name);
                }
                throw new IllegalArgumentException("unknown model " + name + ", expected one of " + ALL
                        + " or a path ending in .tflite");
        }
    }

    /** File name (without extension) of an MLPerf Tiny model in models/mlperf_tiny, or null. */
    private static String mlperfFile(String name) {
        switch (name) {
            case "vww_96": return "vww_96_int8";
            case "kws": return "kws_ref_model";
            case "resnet8": return "pretrainedResnet_quant";
            case "ad01": return "ad01_int8";
            default: return null;
        }
    }

    public static byte[] modelBytes(String name) {
        return read(modelPath(name));
    }

    /** Where the input comes from, for the report. */
    public static String inputSource(String name) {
        switch (name) {
            case "speech":
                return "samples/speech_yes.input.bin";
            case "person_detect":
                return "samples/person.input.bin";
            case "vww_96":
            case "kws":
            case "resnet8":
            case "ad01":
                return "models/mlperf_tiny/" + mlperfFile(name) + ".input.bin";
            default:
                return "random int8, seed " + SEED;
        }
    }

    /** Input tensor 0 bytes: the recorded sample for speech, person_detect and the MLPerf Tiny models, seeded random otherwise. */
    public static byte[] input(String name, int byteSize) {
        Path shared = sharedDir();
        byte[] data;
        switch (name) {
            case "speech":
                data = read(shared.resolve("samples").resolve("speech_yes.input.bin"));
                break;
            case "person_detect":
                data = read(shared.resolve("samples").resolve("person.input.bin"));
                break;
            case "vww_96":
            case "kws":
            case "resnet8":
            case "ad01":
                data = read(shared.resolve("models").resolve("mlperf_tiny").resolve(mlperfFile(name) + ".input.bin"));
                break;
            default:
                data = new byte[byteSize];
                new Random(SEED).nextBytes(data);
                break;
        }
        if (data.length != byteSize) {
            throw new IllegalStateException(name + ": input is " + data.length + " bytes, the model expects " + byteSize);
        }
        return data;
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }
}
