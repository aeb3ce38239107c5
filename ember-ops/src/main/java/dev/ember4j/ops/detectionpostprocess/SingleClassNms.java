/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.ops.common.Le;

/**
 * NonMaxSuppressionSingleClassHelper: keep the boxes whose score is at least the score threshold, order
 * them by decreasing score (stable), then greedily select the best remaining box and drop every later one
 * that overlaps it by more than the IoU threshold, until {@code maxDetections} are selected.
 */
final class SingleClassNms {
    private SingleClassNms() {}

    /**
     * @param v  scores of every box (float, at {@code vb})
     * @return the number of selected boxes, whose indices are at {@link DetectionPostProcessParams#selectedAt()}
     */
    static int run(DetectionPostProcessParams p, byte[] v, int vb, byte[] s, int maxDetections) {
        int keepScores = p.keepScoresAt();
        int keepIndices = p.keepIndicesAt();
        int kept = 0;
        float threshold = p.scoreThreshold();
        for (int i = 0; i < p.numBoxes(); i++) {
            float score = Le.f32(v, vb + 4 * i);
            if (score >= threshold) {
                Le.f32(s, keepScores + 4 * kept, score);
                Le.i32(s, keepIndices + 4 * kept, i);
                kept++;
            }
        }
        int sorted = p.sortedAt();
        ScoreSort.stableDecreasing(s, sorted, s, keepScores, kept, p.mergeAt());
        int outputSize = Math.min(kept, maxDetections);
        int active = p.activeAt();
        for (int i = 0; i < kept; i++) {
            s[active + i] = 1;
        }
        int activeCount = kept;
        int selected = 0;
        float iouThreshold = p.iouThreshold();
        for (int i = 0; i < kept; i++) {
            if (activeCount == 0 || selected >= outputSize) {
                break;
            }
            if (s[active + i] != 1) {
                continue;
            }
            int box = Le.i32(s, keepIndices + 4 * Le.i32(s, sorted + 4 * i));
            Le.i32(s, p.selectedAt() + 4 * selected++, box);
            s[active + i] = 0;
            activeCount--;
            for (int j = i + 1; j < kept; j++) {
                if (s[active + j] == 1) {
                    int other = Le.i32(s, keepIndices + 4 * Le.i32(s, sorted + 4 * j));
                    if (intersectionOverUnion(p, s, box, other) > iouThreshold) {
                        s[active + j] = 0;
                        activeCount--;
                    }
                }
            }
        }
        return selected;
    }

    /** ComputeIntersectionOverUnion in float, with std::max / std::min's NaN behaviour (a ternary each). */
    static float intersectionOverUnion(DetectionPostProcessParams p, byte[] s, int i, int j) {
        int a = p.decodedAt() + 16 * i;
        int b = p.decodedAt() + 16 * j;
        float aYmin = Le.f32(s, a);
        float aXmin = Le.f32(s, a + 4);
        float aYmax = Le.f32(s, a + 8);
        float aXmax = Le.f32(s, a + 12);
        float bYmin = Le.f32(s, b);
        float bXmin = Le.f32(s, b + 4);
        float bYmax = Le.f32(s, b + 8);
        float bXmax = Le.f32(s, b + 12);
        float areaA = (aYmax - aYmin) * (aXmax - aXmin);
        float areaB = (bYmax - bYmin) * (bXmax - bXmin);
        if (areaA <= 0 || areaB <= 0) {
            return 0f;
        }
        float yMin = max(aYmin, bYmin);
        float xMin = max(aXmin, bXmin);
        float yMax = min(aYmax, bYmax);
        float xMax = min(aXmax, bXmax);
        float intersection = max(yMax - yMin, 0f) * max(xMax - xMin, 0f);
        return intersection / (areaA + areaB - intersection);
    }

    /** std::max(a, b): (a &lt; b) ? b : a. */
    private static float max(float a, float b) {
        return a < b ? b : a;
    }

    /** std::min(a, b): (b &lt; a) ? b : a. */
    private static float min(float a, float b) {
        return b < a ? b : a;
    }
}
