/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ember features}: a WAV file to the speech model's int8 input features. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {
            "Computes the TensorFlow Lite Micro micro_speech audio features of a WAV file (bit-exact):",
            "16-bit PCM mono 16 kHz in; 30 ms windows every 20 ms, 40 channels, noise reduction, PCAN, log;",
            "each value v mapped to int8 as clamp((v * 256 + 333) / 666 - 128). Writes [frames][40] raw int8.",
        },
        footerHeading = "%nExample:%n",
        footer = {"  ember features yes.wav --output yes.features.bin      (1 s of audio: 49 x 40 = 1960 bytes)"})
final class FeaturesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "WAV", description = "WAV file: 16-bit PCM, mono, 16 kHz")
    Path wav;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
            description = "Write the int8 feature bytes here (row-major frames x 40, no header).")
    Path output;

    @Override
    public Integer call() {
        byte[] features = AudioFeatures.int8(wav);
        Models.writeFile(output, features, "features file");
        return ExitCodes.OK;
    }
}
