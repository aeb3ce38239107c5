/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link FuzzHarness#prepare(byte[])} on raw model bytes. Regression mode (every build) runs the
 * inputs in {@code src/test/resources/dev/ember4j/fuzz/PrepareFuzzTestInputs/prepare/}; {@code tools/fuzz.sh} fuzzes.
 */
class PrepareFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void prepare(byte[] model) {
        FuzzHarness.prepare(model);
    }
}
