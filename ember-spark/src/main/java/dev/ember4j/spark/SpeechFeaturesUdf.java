/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.audio.FrontendConfig;
import dev.ember4j.audio.MicroFrontend;
import dev.ember4j.audio.WavReader;
import org.apache.spark.sql.api.java.UDF2;

/**
 * The row function behind {@code ember_speech_features(wav BINARY) -> BINARY}: a 16 kHz 16-bit mono WAV
 * file's bytes to the micro_speech front end's int8 features (49 x 40 = 1960 bytes for one second), the
 * speech model's input, bit-exact with TFLM's front end ({@code ember-audio}).
 */
final class SpeechFeaturesUdf implements UDF2<byte[], String, byte[]> {
    private static final long serialVersionUID = 1L;
    private final EmberOptions options;

    SpeechFeaturesUdf(EmberOptions options) {
        this.options = options;
    }

    @Override
    public byte[] call(byte[] wav, String column) {
        String problem;
        if (wav == null) {
            problem = "column '" + column + "' is null in this row; expected a WAV file's bytes";
        } else {
            try {
                WavReader.Pcm16 pcm = WavReader.parse(wav, "clip.wav");
                FrontendConfig config = FrontendConfig.MICRO_SPEECH;
                if (pcm.sampleRate() == config.sampleRate()) {
                    return MicroFrontend.int8Features(config, pcm.samples());
                }
                problem = "column '" + column + "' holds a WAV at " + pcm.sampleRate() + " Hz in this row; the"
                        + " micro_speech front end needs " + config.sampleRate() + " Hz";
            } catch (WavReader.WavFormatException e) {
                problem = "column '" + column + "' is not a usable WAV in this row: " + e.getMessage();
            }
        }
        if (options.onError() == OnError.NULL) {
            return null;
        }
        throw new EmberRowException(EmberSpark.SPEECH_FEATURES + ": " + problem
                + " (onError=null gives a null output instead)");
    }
}
