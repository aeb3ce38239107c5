/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer target: {@link FuzzHarness#invoke(byte[])} on raw model bytes. Regression mode (every build) runs the
 * inputs in {@code src/test/resources/dev/ember4j/fuzz/InvokeFuzzTestInputs/invoke/}; {@code tools/fuzz.sh} fuzzes.
 */
class InvokeFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void invoke(byte[] model) {
        FuzzHarness.invoke(model);
    }
}
