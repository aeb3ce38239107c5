/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.audio.FrontendConfig;
import dev.ember4j.audio.MicroFrontend;
import dev.ember4j.audio.WavReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** WAV file to micro_speech int8 features, with the CLI's error reporting. */
final class AudioFeatures {
    private AudioFeatures() {}

    static final FrontendConfig CONFIG = FrontendConfig.MICRO_SPEECH;

    /** The int8 feature bytes of a 16-bit PCM mono 16 kHz WAV file, [frames][40] row-major. */
    static byte[] int8(Path wav) {
        if (Files.isDirectory(wav)) {
            throw new CliException(ExitCodes.IO, "cannot read WAV file " + wav + ": is a directory");
        }
        WavReader.Pcm16 pcm;
        try {
            pcm = WavReader.read(wav, CONFIG.sampleRate());
        } catch (WavReader.WavFormatException e) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, e.getMessage(), e);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read WAV file " + wav + ": no such file", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot read WAV file " + wav + ": " + Models.reason(e), e);
        }
        int frames = CONFIG.frameCount(pcm.samples().length);
        if (frames == 0) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, wav + ": " + pcm.samples().length
                    + " samples is shorter than one " + CONFIG.windowSamples() + "-sample ("
                    + CONFIG.windowSizeMs() + " ms) window: no feature frames");
        }
        return MicroFrontend.int8Features(CONFIG, pcm.samples());
    }

    /** "49 frames x 40 features". */
    static String describe(byte[] features) {
        return features.length / CONFIG.numChannels() + " frames x " + CONFIG.numChannels() + " features";
    }
}
