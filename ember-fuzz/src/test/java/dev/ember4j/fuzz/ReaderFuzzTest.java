/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link FuzzHarness#read(byte[])} on raw model bytes. Regression mode (every build) runs the
 * inputs in {@code src/test/resources/dev/ember4j/fuzz/ReaderFuzzTestInputs/read/}; {@code tools/fuzz.sh} fuzzes.
 */
class ReaderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void read(byte[] model) {
        FuzzHarness.read(model);
    }
}
