/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

import java.io.IOException;
import java.nio.file.Path;

/** Classifies the "yes" and "no" sample spectrograms. Argument: samples directory (default ../shared/samples). */
public final class SpeechExample {
    private SpeechExample() {}

    public static void main(String[] args) throws IOException {
        Path dir = Samples.dir(args);
        KernelBackend backend = new ReferenceBackend();
        byte[] scores = new byte[SpeechModel.OUTPUT_LENGTH];
        for (String sample : new String[] {"speech_yes", "speech_no"}) {
            SpeechModel.predictQuantized(backend, Samples.read(dir, sample + ".input.bin"), scores);
            Samples.print(sample, Speech.LABELS, scores, SpeechModel.outputScale(), SpeechModel.outputZeroPoint());
        }
    }
}
