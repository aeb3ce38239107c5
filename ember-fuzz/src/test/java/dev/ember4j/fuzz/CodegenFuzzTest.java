/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link FuzzHarness#generate(byte[])} on raw model bytes. Regression mode (every build) runs the
 * inputs in {@code src/test/resources/dev/ember4j/fuzz/CodegenFuzzTestInputs/generate/}; {@code tools/fuzz.sh} fuzzes.
 */
class CodegenFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void generate(byte[] model) {
        FuzzHarness.generate(model);
    }
}
