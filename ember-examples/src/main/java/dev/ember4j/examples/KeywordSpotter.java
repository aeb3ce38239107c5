/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.audio.FrontendConfig;
import dev.ember4j.audio.MicroFrontend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import dev.ember4j.runtime.Tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * Keyword spotting over a stream of 16 kHz PCM, as TensorFlow Lite Micro's micro_speech example does: the audio
 * front end turns every 20 ms into a 40-value int8 feature frame; every {@code strideFrames} frames the speech model
 * classifies the last 49 frames (~1 s); {@link RecognizeCommands} averages the scores over 1 s and reports commands.
 * Push PCM chunks of any size with {@link #push}; after set-up nothing is allocated per chunk except the reported
 * {@link Detection}s.
 */
public final class KeywordSpotter {
    /** A recognized command: label, averaged score 0..255, time (end of the audio it was heard in) in ms. */
    public record Detection(String label, int score, long timeMs) {
        @Override
        public String toString() {
            return String.format("%7.2f s  %-8s (score %d)", timeMs / 1000.0, label, score);
        }
    }

    private static final FrontendConfig CONFIG = FrontendConfig.MICRO_SPEECH;

    private final Interpreter interpreter;
    private final Tensor input, output;
    private final String[] labels;
    private final int frames, channels, strideFrames;
    private final MicroFrontend frontend = new MicroFrontend(CONFIG);
    private final byte[] history;   // the last `frames` feature frames, oldest first
    private final byte[] scores;
    private final RecognizeCommands recognizer;
    private final MicroFrontend.FrameListener onFrame = this::onFrame;
    private final List<Detection> detections = new ArrayList<>();
    private long framesSeen;

    /**
     * @param interpreter  the speech model (input int8 [1, frames * 40]; one score per label)
     * @param labels       class names in output order
     * @param strideFrames run the model every this many feature frames (1 = every 20 ms)
     */
    public KeywordSpotter(Interpreter interpreter, String[] labels, int strideFrames) {
        this.interpreter = interpreter;
        this.input = interpreter.input(0);
        this.output = interpreter.output(0);
        this.labels = labels.clone();
        this.channels = CONFIG.numChannels();
        if (input.byteSize() % channels != 0) {
            throw new IllegalArgumentException("model input of " + input.byteSize() + " bytes is not a whole number of "
                    + channels + "-value feature frames");
        }
        if (output.byteSize() != labels.length) {
            throw new IllegalArgumentException("model has " + output.byteSize() + " scores, " + labels.length + " labels given");
        }
        this.frames = input.byteSize() / channels;
        this.strideFrames = strideFrames;
        this.history = new byte[frames * channels];
        this.scores = new byte[labels.length];
        this.recognizer = new RecognizeCommands(labels.length);
    }

    /** The model for ../shared/models/speech.tflite's labels. */
    public static KeywordSpotter forSpeechModel(byte[] modelBytes, int strideFrames) {
        byte[] arena = new byte[Interpreter.arenaBytes(modelBytes)];
        return new KeywordSpotter(Interpreter.create(modelBytes, OpResolver.allBuiltins(), arena), Speech.LABELS,
                strideFrames);
    }

    /** Feeds PCM; returns the commands recognized so far (a list this object keeps and appends to). */
    public List<Detection> push(short[] pcm, int offset, int length) {
        frontend.push(pcm, offset, length, onFrame);
        return detections;
    }

    public List<Detection> detections() {
        return detections;
    }

    private void onFrame(long index, int[] features) {
        System.arraycopy(history, channels, history, 0, history.length - channels);
        MicroFrontend.toInt8(features, history, history.length - channels);
        framesSeen++;
        if (framesSeen < frames || (framesSeen - frames) % strideFrames != 0) return;
        input.copyFrom(history);
        interpreter.invoke();
        output.copyTo(scores);
        // Time of the end of the newest frame's window.
        long endSample = index * CONFIG.stepSamples() + CONFIG.windowSamples();
        long timeMs = endSample * 1000 / CONFIG.sampleRate();
        RecognizeCommands.Result r = recognizer.process(scores, timeMs);
        if (r.isNewCommand) detections.add(new Detection(labels[r.label], r.score, timeMs));
    }
}
