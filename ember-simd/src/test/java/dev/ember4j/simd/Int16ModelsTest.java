/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.tflite.TestCases;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conformance cases (TFLite reference goldens) whose operators the simd backend's 16x8, int16 ADD
 * and QUANTIZE/DEQUANTIZE kernels run: each such case must give the goldens' bytes on the simd backend,
 * and each of those kernels must have run in some case (so that the model-level check is not empty).
 */
class Int16ModelsTest {
    private static final List<String> KERNELS = List.of("simd/Int16Gemm", "simd/Int16Add", "simd/QuantizeInt8",
            "simd/DequantizeInt8");

    @Test
    void casesRunByTheNewKernelsMatchTheirGoldens() {
        List<Path> cases = new ArrayList<>(Shared.cases("core"));
        cases.addAll(Shared.cases("extended"));
        cases.addAll(TestCases.generated());
        SimdBackend simd = new SimdBackend();
        Map<String, Integer> runs = new TreeMap<>();
        List<String> ran = new ArrayList<>();
        for (Path c : cases) {
            if (!TestCases.missingOperators(c).isEmpty()) {
                continue;
            }
            Interpreter it = ModelsTest.create(Shared.read(c.resolve("model.tflite")), simd);
            boolean ours = false;
            for (int op = 0; op < it.prepared().ops().size(); op++) {
                BoundKernel<?> k = it.kernel(op);
                if (k != null && KERNELS.contains(k.describe())) {
                    runs.merge(k.describe(), 1, Integer::sum);
                    ours = true;
                }
            }
            if (ours) {
                ModelsTest.runCase(c, simd);
                ran.add(c.getFileName().toString());
            }
        }
        for (String k : KERNELS) {
            assertTrue(runs.getOrDefault(k, 0) > 0, k + " ran in no case; ran: " + runs + " in " + ran);
        }
    }
}
