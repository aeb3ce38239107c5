/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.media;

import dev.ember4j.runtime.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The top classes of a classifier's output tensor: every element of the tensor (flattened, so
 * {@code [1, N]} gives N classes) is one class, scored by its dequantized value
 * {@code scale * (q - zeroPoint)} (FLOAT32 outputs as they are). Classes are ordered by score, highest
 * first; equal scores keep index order (the lower index first).
 */
public final class TopK {
    private TopK() {}

    /** One class: its index in the output, its label (the index as text without labels), its score. */
    public record Entry(int index, String label, float score) {}

    /**
     * The {@code k} best classes of {@code output} (all of them when {@code k} exceeds the class count).
     *
     * @param labels one label per class, in class order, or null to label classes by index
     * @throws IllegalArgumentException when {@code k < 1} or the label count differs from the class count
     */
    public static List<Entry> of(Tensor output, List<String> labels, int k) {
        Objects.requireNonNull(output, "output");
        float[] scores = new float[output.elementCount()];
        output.dequantize(scores);
        return of(scores, labels, k);
    }

    /** As {@link #of(Tensor, List, int)} over scores already dequantized. */
    public static List<Entry> of(float[] scores, List<String> labels, int k) {
        Objects.requireNonNull(scores, "scores");
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        if (labels != null && labels.size() != scores.length) {
            throw new IllegalArgumentException(labels.size() + " label" + (labels.size() == 1 ? "" : "s") + " for "
                    + scores.length + " output classes");
        }
        List<Integer> order = new ArrayList<>(scores.length);
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        // Stable sort: equal scores stay in index order.
        order.sort((a, b) -> Float.compare(scores[b], scores[a]));
        int n = Math.min(k, scores.length);
        List<Entry> top = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int c = order.get(i);
            top.add(new Entry(c, labels == null ? Integer.toString(c) : labels.get(c), scores[c]));
        }
        return List.copyOf(top);
    }

    /**
     * A label file: UTF-8, one label per line (LF or CRLF), leading and trailing blanks removed. Empty
     * lines at the end of the file are dropped; any other line, even empty, is a label.
     */
    public static List<String> readLabels(Path file) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        List<String> labels = new ArrayList<>(lines.size());
        for (String l : lines) {
            labels.add(l.strip());
        }
        if (!labels.isEmpty() && labels.get(0).startsWith("\uFEFF")) {
            labels.set(0, labels.get(0).substring(1));
        }
        return List.copyOf(labels);
    }
}
