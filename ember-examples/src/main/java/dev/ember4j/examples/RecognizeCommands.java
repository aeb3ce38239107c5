/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import java.util.Arrays;

/**
 * Smooths the speech model's per-inference scores into discrete commands, as TensorFlow Lite Micro's
 * micro_speech {@code RecognizeCommands} does: keep the results of the last {@code averageWindowMs}, average each
 * class's score (int8 score + 128, so 0..255), and report the top class as a new command when its average is above
 * {@code detectionThreshold} and it differs from the previous command or the previous one is older than
 * {@code suppressionMs}. Fewer than {@code minimumCount} results, or results spanning less than a quarter of the
 * window, give no new command. No allocation per call.
 */
public final class RecognizeCommands {
    /** The outcome of one {@link #process} call; the same object is reused. */
    public static final class Result {
        /** Index of the top class (the previous top class while there are too few results). */
        public int label;
        /** Its averaged score, 0..255 (0 while there are too few results). */
        public int score;
        /** True when this result is a newly recognized command. */
        public boolean isNewCommand;
    }

    private final int labelCount;
    private final int averageWindowMs, detectionThreshold, suppressionMs, minimumCount;
    // Ring buffer of (time, scores) results.
    private final long[] times;
    private final byte[][] scores;
    private int head, count;
    private int previousTopLabel;
    private long previousTopLabelTime = Long.MIN_VALUE;
    private final int[] sums;
    private final Result result = new Result();

    /** TFLM's defaults: 1000 ms window, threshold 200, suppression 1500 ms, at least 3 results. */
    public RecognizeCommands(int labelCount) {
        this(labelCount, 1000, 200, 1500, 3, 64);
    }

    /**
     * @param capacity most results kept at once (results closer together than averageWindowMs / capacity are
     *                 dropped from the average early)
     */
    public RecognizeCommands(int labelCount, int averageWindowMs, int detectionThreshold, int suppressionMs,
                             int minimumCount, int capacity) {
        this.labelCount = labelCount;
        this.averageWindowMs = averageWindowMs;
        this.detectionThreshold = detectionThreshold;
        this.suppressionMs = suppressionMs;
        this.minimumCount = minimumCount;
        times = new long[capacity];
        scores = new byte[capacity][labelCount];
        sums = new int[labelCount];
    }

    /** Adds the model's int8 scores for the audio ending at {@code timeMs} and returns the smoothed result. */
    public Result process(byte[] latest, long timeMs) {
        if (count > 0 && timeMs < times[(head + count - 1) % times.length]) {
            throw new IllegalArgumentException("results must arrive in time order: " + timeMs + " ms after "
                    + times[(head + count - 1) % times.length] + " ms");
        }
        if (count == times.length) { // full: drop the oldest
            head = (head + 1) % times.length;
            count--;
        }
        int slot = (head + count) % times.length;
        times[slot] = timeMs;
        System.arraycopy(latest, 0, scores[slot], 0, labelCount);
        count++;
        // Drop results older than the averaging window.
        long earliest = timeMs - averageWindowMs;
        while (count > 0 && times[head] < earliest) {
            head = (head + 1) % times.length;
            count--;
        }
        long sinceEarliest = timeMs - times[head];
        if (count < minimumCount || sinceEarliest < averageWindowMs / 4) {
            result.label = previousTopLabel;
            result.score = 0;
            result.isNewCommand = false;
            return result;
        }
        Arrays.fill(sums, 0);
        for (int k = 0; k < count; k++) {
            byte[] s = scores[(head + k) % times.length];
            for (int i = 0; i < labelCount; i++) sums[i] += s[i] + 128;
        }
        int top = 0;
        for (int i = 0; i < labelCount; i++) {
            sums[i] /= count;
            if (sums[i] > sums[top]) top = i;
        }
        long sinceLastTop = previousTopLabelTime == Long.MIN_VALUE ? Long.MAX_VALUE : timeMs - previousTopLabelTime;
        if (sums[top] > detectionThreshold && (top != previousTopLabel || sinceLastTop > suppressionMs)) {
            previousTopLabel = top;
            previousTopLabelTime = timeMs;
            result.isNewCommand = true;
        } else {
            result.isNewCommand = false;
        }
        result.label = top;
        result.score = sums[top];
        return result;
    }
}
