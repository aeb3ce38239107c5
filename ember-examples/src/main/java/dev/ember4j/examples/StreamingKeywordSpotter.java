/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.TensorType;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;

/**
 * Streaming keyword spotting on a stateful model (SVDF layers, as TFLM's keyword_scrambled): the model takes one
 * feature frame per {@link Interpreter#invoke()} and keeps the history it needs in its variable tensors, so each new
 * 20 ms frame costs one small inference instead of re-classifying a whole 1 s window (compare
 * {@link KeywordSpotter}, which slides a window over a stateless model). The state belongs to the utterance:
 * {@link #startUtterance()} clears it ({@link Interpreter#resetVariables()}) before an independent one.
 *
 * <p>Only the public Interpreter API is used. {@link #push} allocates nothing; one instance per stream and thread.
 */
public final class StreamingKeywordSpotter {
    private final Interpreter interpreter;
    private final Tensor input;
    private final Tensor output;
    private final String[] labels;
    private final float[] scores;
    private final byte[] raw;
    private long frames;

    /**
     * @param interpreter a model with variable tensors: input 0 one feature frame, output 0 one score per label
     * @param labels      class names in output order
     */
    public StreamingKeywordSpotter(Interpreter interpreter, String[] labels) {
        if (interpreter.variableCount() == 0) {
            throw new IllegalArgumentException("the model has no variable tensors: it keeps no state between frames, "
                    + "feed it whole windows instead (KeywordSpotter)");
        }
        this.interpreter = interpreter;
        this.input = interpreter.input(0);
        this.output = interpreter.output(0);
        if (output.elementCount() != labels.length) {
            throw new IllegalArgumentException("model has " + output.elementCount() + " scores, " + labels.length
                    + " labels given");
        }
        this.labels = labels.clone();
        this.scores = new float[labels.length];
        this.raw = new byte[output.byteSize()];
    }

    /** Bytes of one feature frame (input 0). */
    public int frameBytes() {
        return input.byteSize();
    }

    /** Forgets the previous utterance: the model's state back to its initial values. */
    public void startUtterance() {
        interpreter.resetVariables();
        frames = 0;
    }

    /** Feeds the next frame of the current utterance (exactly {@link #frameBytes()} raw bytes); returns the best class. */
    public int push(byte[] frame) {
        input.copyFrom(frame);
        interpreter.invoke();
        frames++;
        realScores();
        int best = 0;
        for (int c = 1; c < scores.length; c++) {
            if (scores[c] > scores[best]) {
                best = c;
            }
        }
        return best;
    }

    /** Output 0 as real values; an int32 output (keyword_scrambled's) read as scale * (q - zero point), or q unscaled. */
    private void realScores() {
        if (output.type() != TensorType.INT32) {
            output.dequantize(scores);
            return;
        }
        output.copyTo(raw);
        for (int c = 0; c < scores.length; c++) {
            int q = (raw[4 * c] & 0xff) | (raw[4 * c + 1] & 0xff) << 8 | (raw[4 * c + 2] & 0xff) << 16 | raw[4 * c + 3] << 24;
            scores[c] = output.scale() == 0 ? q : output.scale() * (q - output.zeroPoint());
        }
    }

    /** The last frame's scores, dequantized (this object's array: copy it to keep it). */
    public float[] scores() {
        return scores;
    }

    /** The last frame's raw output bytes into {@code dst} (the output tensor's size). */
    public void rawScores(byte[] dst) {
        output.copyTo(dst);
    }

    /** Output 0's size in bytes. */
    public int scoreBytes() {
        return output.byteSize();
    }

    public String label(int index) {
        return labels[index];
    }

    /** Frames fed since the last {@link #startUtterance()} (or since creation). */
    public long framesInUtterance() {
        return frames;
    }
}
