/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.runtime.FuzzModelWalker.Kind;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.TfliteModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Malformed variants of the three reference models: truncations at every structural boundary (and
 * its neighbours, and every 1/64 of the file), seeded random byte flips, targeted values in known
 * fields and compound malformations. Every variant must either run (created with an arena of the
 * reported size and invoked once on zero input) or be rejected with {@link ModelFormatException} /
 * {@link UnsupportedOperatorException}: no other exception, no error, no hang, no out-of-memory.
 * Arenas above 64 MiB are counted as handled without being allocated. Failures print the mutation
 * (offsets, old and new bytes). Structure comes from {@link FuzzModelWalker}, a walker independent
 * of the engine's reader.
 */
class MalformedModelTest {
    private static final long SEED = 0x5EED_E3BE_4ADL;
    /** Flips at random positions outside the weight payloads (where a flip only changes numbers). */
    private static final int STRUCTURE_FLIPS = 300;
    private static final int TARGETED_PER_KIND = 250;
    /** Limit for a single variant: parse, prepare and one inference take milliseconds. */
    private static final Duration PER_CASE = Duration.ofSeconds(5);
    /** Limit for one whole loop over the variants of one model. */
    private static final Duration PER_LOOP = Duration.ofSeconds(20);

    private static void runAll(String modelName, String category, List<FuzzMutation> mutations) {
        runAll(modelName, SharedData.model(modelName), category, mutations);
    }

    private static void runAll(String modelName, byte[] model, String category, List<FuzzMutation> mutations) {
        try (MalformedCaseRunner runner = new MalformedCaseRunner(modelName + " " + category, model, PER_CASE)) {
            long t0 = System.nanoTime();
            assertTimeoutPreemptively(PER_LOOP, () -> {
                for (FuzzMutation m : mutations) {
                    if (!runner.run(m)) {
                        break;
                    }
                }
            }, () -> modelName + " " + category + ": the loop over " + mutations.size() + " variants took longer than "
                    + PER_LOOP + "; " + runner.summary());
            System.out.println("[malformed] " + runner.summary() + ", " + (System.nanoTime() - t0) / 1_000_000
                    + " ms total");
            if (runner.failureCount() > 0) {
                fail(runner.report());
            }
            assertEquals(mutations.size(), runner.total(), "every variant was run");
        }
    }

    private static FuzzModelWalker walker(String modelName) {
        return FuzzModelWalker.walk(SharedData.model(modelName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void unmodifiedModelRunsAndWalkerAgreesWithReader(String modelName) {
        byte[] model = SharedData.model(modelName);
        assertEquals(MalformedCaseRunner.Outcome.RAN, MalformedCaseRunner.exercise(model));
        FuzzModelWalker w = walker(modelName);
        TfliteModel parsed = ModelReader.read(model);
        assertEquals(parsed.tensors().size(), w.tensorCount, "tensors");
        assertEquals(parsed.buffers().size(), w.bufferCount, "buffers");
        long shapeDims = w.fields.stream().filter(f -> f.kind() == Kind.SHAPE_DIM && f.path().startsWith(
                "model.subgraphs[0].")).count();
        assertEquals(parsed.tensors().stream().mapToInt(t -> t.shape().length).sum(), shapeDims, "shape dimensions");
        assertTrue(w.boundaries.size() > 50, "boundaries: " + w.boundaries.size());
        assertTrue(w.tables > parsed.tensors().size() && w.vectors > parsed.tensors().size() && w.strings > 0,
                w.tables + " tables, " + w.vectors + " vectors, " + w.strings + " strings");
        for (Kind k : new Kind[] {Kind.UOFFSET, Kind.VTABLE_OFFSET, Kind.VECTOR_LENGTH, Kind.TENSOR_TYPE,
                Kind.TENSOR_BUFFER, Kind.SCALE, Kind.ZERO_POINT, Kind.TENSOR_INDEX, Kind.OPTIONS_TYPE}) {
            assertTrue(w.fields.stream().anyMatch(f -> f.kind() == k), modelName + " has no " + k + " field");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void truncatedAtEveryStructuralBoundary(String modelName) {
        byte[] model = SharedData.model(modelName);
        runAll(modelName, "truncations", FuzzMutations.truncations(model, walker(modelName)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void randomByteFlips(String modelName) {
        byte[] model = SharedData.model(modelName);
        FuzzModelWalker w = walker(modelName);
        List<FuzzMutation> mutations = new ArrayList<>();
        mutations.addAll(FuzzMutations.byteFlips(model, w, SEED, uniformFlips(modelName), false));
        mutations.addAll(FuzzMutations.byteFlips(model, w, SEED + 1, STRUCTURE_FLIPS, true));
        runAll(modelName, "byte flips", mutations);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void targetedFieldMutations(String modelName) {
        byte[] model = SharedData.model(modelName);
        runAll(modelName, "targeted fields", FuzzMutations.targeted(model, walker(modelName), SEED,
                targetedCap(modelName)));
    }

    /**
     * Consistent compound malformations: one value in every field of a kind at once (all scales tiny or
     * huge, all zero points at the int8 edge, all strides/filters/dilations, all activations and
     * paddings, all types), every activation tensor's batch set to 0 / 2 / 300 / 2^22 and each other
     * dimension to 0, and random
     * groups of 2 to 4 structure byte flips.
     */
    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void compoundMutations(String modelName) {
        byte[] model = SharedData.model(modelName);
        FuzzModelWalker w = walker(modelName);
        List<FuzzMutation> mutations = new ArrayList<>();
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.SCALE, f32(1e-12f), f32(1e-30f), f32(1e-6f),
                f32(1e30f), f32(Float.MIN_VALUE), f32(Float.MAX_VALUE)));
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.ZERO_POINT, 127, -128, 5, -5, 128));
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_INT, 0, 1, 2, 3, 65536, Integer.MAX_VALUE));
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_ENUM, 0, 1, 2, 3, 4, 5));
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.TENSOR_TYPE, 0, 2, 3, 7, 9));
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.QUANTIZED_DIMENSION, 0, 3, -1));
        // tiny scales with nonzero activation zero points: activation bound / scale overflows an int
        for (long zp : new long[] {5, -5}) {
            for (FuzzMutation scales : FuzzMutations.everywhere(model, w, Kind.SCALE, f32(1e-12f), f32(1e-9f))) {
                mutations.add(FuzzMutation.combine(scales, FuzzMutations.onActivations(model, w, Kind.ZERO_POINT,
                        ".zero_point[0]", zp)));
            }
        }
        mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTIONS_TYPE, 0));
        for (int dim = 0; dim < 4; dim++) {
            // (a valid person_detect with a batch of hundreds just takes seconds: not a case for this test)
            for (int value : new int[] {0, 2, large(modelName) ? 3 : 300, 1 << 22}) {
                FuzzMutation m = FuzzMutations.activationDims(model, w, dim, value);
                if (m != null && (dim == 0 || value == 0)) {
                    mutations.add(m);
                }
            }
        }
        mutations.addAll(FuzzMutations.multiFlips(model, w, SEED + 2, large(modelName) ? 60 : 200));
        runAll(modelName, "compound", mutations);
    }

    /**
     * The registry operators' options, constant inputs (axes, paddings, perm, slice bounds) and tensors:
     * targeted mutations of every field and the compound ones, over every extended conformance model.
     */
    @org.junit.jupiter.api.TestFactory
    List<org.junit.jupiter.api.DynamicTest> extendedModels() {
        List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
        for (java.nio.file.Path c : SharedData.cases("extended")) {
            String name = c.getFileName().toString();
            tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
                byte[] model = SharedData.read(c.resolve("model.tflite"));
                FuzzModelWalker w = FuzzModelWalker.walk(model);
                List<FuzzMutation> mutations = new ArrayList<>(FuzzMutations.targeted(model, w, SEED, k -> 40));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_INT, 0, 1, -1, 7, 65536,
                        Integer.MAX_VALUE, Integer.MIN_VALUE));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_ENUM, 0, 1, 2, 3, 4, 5, 6, 255));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_BOOL, 0, 1, 2));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_FLOAT, f32(0f), f32(-1f), f32(1e30f),
                        f32(Float.NaN), f32(Float.POSITIVE_INFINITY)));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.TENSOR_TYPE, 0, 2, 3, 4, 6, 7, 9));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.SCALE, f32(1e-30f), f32(1e30f),
                        f32(Float.MIN_VALUE), f32(Float.NaN)));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.ZERO_POINT, 127, -128, 300));
                mutations.addAll(FuzzMutations.byteFlips(model, w, SEED + 3, 150, true));
                mutations.addAll(FuzzMutations.truncations(model, w));
                runAll(name, model, "extended", mutations);
            }));
        }
        return tests;
    }

    /**
     * Every model of testdata/generated (one per registry operator and parameter variant, made with
     * TensorFlow): each options field (schema-described or not), tensor type, scale, zero point and
     * shape mutated, plus random structure flips. Fewer variants per model than for the corpus above.
     */
    @org.junit.jupiter.api.TestFactory
    List<org.junit.jupiter.api.DynamicTest> generatedModels() throws java.io.IOException {
        List<org.junit.jupiter.api.DynamicTest> tests = new ArrayList<>();
        for (java.nio.file.Path c : GeneratedCasesTest.cases()) {
            String name = c.getFileName().toString();
            tests.add(org.junit.jupiter.api.DynamicTest.dynamicTest(name, () -> {
                byte[] model = SharedData.read(c.resolve("model.tflite"));
                FuzzModelWalker w = FuzzModelWalker.walk(model);
                List<FuzzMutation> mutations = new ArrayList<>(FuzzMutations.targeted(model, w, SEED, k -> 8));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_ENUM, 0, 1, 2, 3, 7, 127, 255));
                mutations.addAll(FuzzMutations.everywhere(model, w, Kind.OPTION_INT, 0, -1, 65536, Integer.MAX_VALUE));
                mutations.addAll(FuzzMutations.byteFlips(model, w, SEED + 5, 30, true));
                runAll(name, model, "generated", mutations);
            }));
        }
        return tests;
    }

    private static long f32(float x) {
        return Float.floatToRawIntBits(x) & 0xFFFFFFFFL;
    }

    private static boolean large(String modelName) {
        return modelName.startsWith("person_detect");
    }

    /**
     * Flips at uniformly random positions. Nearly all of person_detect's bytes are weights, so there
     * such flips almost always run (tens of ms each on the reference backend) and say little: fewer.
     */
    private static int uniformFlips(String modelName) {
        return large(modelName) ? 100 : 300;
    }

    /**
     * Models with CALL_ONCE subgraphs and resource variables (testdata/stateful/resvar_*): the other
     * subgraphs' fields, the CALL_ONCE indices and VAR_HANDLE names are mutated too.
     */
    @ParameterizedTest
    @ValueSource(strings = {"resvar_nested_call_once_f32", "resvar_ring_mean_int8_variable"})
    void resourceVariableModels(String caseName) {
        byte[] model = SharedData.read(dev.ember4j.tflite.TestCases.generatedDir().resolveSibling("stateful")
                .resolve(caseName).resolve("model.tflite"));
        assertEquals(MalformedCaseRunner.Outcome.RAN, MalformedCaseRunner.exercise(model));
        FuzzModelWalker w = FuzzModelWalker.walk(model);
        List<FuzzMutation> mutations = new ArrayList<>(FuzzMutations.truncations(model, w));
        mutations.addAll(FuzzMutations.byteFlips(model, w, SEED, 300, false));
        mutations.addAll(FuzzMutations.byteFlips(model, w, SEED + 1, STRUCTURE_FLIPS, true));
        mutations.addAll(FuzzMutations.targeted(model, w, SEED, k -> 100));
        runAll(caseName, model, "truncations, flips, targeted fields", mutations);
    }

    /**
     * Mutations per field kind. person_detect has the same schema paths as the small models plus
     * CONV_2D, AVERAGE_POOL_2D and per-channel weights; its many variants that still run cost tens of
     * ms each, so kinds that are mostly harmless (names, scales, version fields) are sampled thinly,
     * the ones that reach operator checks (shapes, types, indices, options) more densely.
     */
    private static ToIntFunction<Kind> targetedCap(String modelName) {
        if (!large(modelName)) {
            return k -> TARGETED_PER_KIND;
        }
        return k -> switch (k) {
            case SHAPE_DIM, TENSOR_TYPE, TENSOR_INDEX, OPCODE_INDEX, OPTIONS_TYPE, OPTION_INT, BUILTIN_CODE,
                    DEPRECATED_CODE, VERSION, VTABLE_OFFSET -> 120;
            case TENSOR_BUFFER, OPTION_ENUM, OPTION_FLOAT, OPTION_BOOL -> 40;
            case QUANTIZED_DIMENSION, OPCODE_VERSION, OTHER_I32, OTHER_U8, BUFFER_LOCATION -> 6;
            default -> 25;
        };
    }

    /**
     * Every activation tensor of the sine model with its batch dimension inflated: a valid model. With
     * 2^22 rows its arena exceeds 64 MiB and must be reported (not allocated here); with 1000 rows it
     * runs and every row equals the batch-1 result.
     */
    @Test
    void inflatedBatchIsReportedOrRuns() {
        byte[] model = SharedData.model("sine.tflite");
        byte[] huge = withActivationBatch(model, 1 << 22);
        int arena = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Interpreter.arenaBytes(huge));
        assertTrue(arena > MalformedCaseRunner.MAX_ARENA_BYTES, "arena " + arena);
        assertEquals(MalformedCaseRunner.Outcome.HUGE_ARENA, MalformedCaseRunner.exercise(huge));

        byte[] one = runZeroInput(model);
        byte[] batched = runZeroInput(withActivationBatch(model, 1000));
        assertEquals(1000 * one.length, batched.length);
        for (int r = 0; r < 1000; r++) {
            assertArrayEquals(one, Arrays.copyOfRange(batched, r * one.length, (r + 1) * one.length), "row " + r);
        }
    }

    /** Beyond the reader's element cap: rejected as malformed, never allocated. */
    @Test
    void batchBeyondElementCapIsRejected() {
        byte[] model = SharedData.model("sine.tflite");
        byte[] hostile = withActivationBatch(model, Integer.MAX_VALUE);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Interpreter.arenaBytes(hostile));
        assertTrue(e.getMessage().contains("elements"), e.getMessage());
    }

    private static byte[] runZeroInput(byte[] model) {
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)]);
        interpreter.invoke();
        byte[] out = new byte[interpreter.output(0).byteSize()];
        interpreter.output(0).copyTo(out);
        return out;
    }

    /** Sets dimension 0 of every non-constant tensor of the main subgraph. */
    private static byte[] withActivationBatch(byte[] model, int batch) {
        return FuzzMutations.activationDims(model, FuzzModelWalker.walk(model), 0, batch).apply(model);
    }
}
