/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

import java.io.IOException;
import java.nio.file.Path;

/** Classifies the person / no-person sample images. Argument: samples directory (default ../shared/samples). */
public final class PersonDetectExample {
    private PersonDetectExample() {}

    public static void main(String[] args) throws IOException {
        Path dir = Samples.dir(args);
        KernelBackend backend = new ReferenceBackend();
        // Caller-owned working memory: this variant never allocates.
        byte[] arena = new byte[PersonDetectModel.ARENA_BYTES];
        byte[] scratch = new byte[PersonDetectModel.scratchLength(backend)];
        byte[] scores = new byte[PersonDetectModel.OUTPUT_LENGTH];
        for (String sample : new String[] {"person", "no_person"}) {
            PersonDetectModel.predictQuantized(backend, Samples.read(dir, sample + ".input.bin"), scores, arena, scratch);
            Samples.print(sample, PersonDetect.LABELS, scores, PersonDetectModel.outputScale(),
                    PersonDetectModel.outputZeroPoint());
        }
    }
}
