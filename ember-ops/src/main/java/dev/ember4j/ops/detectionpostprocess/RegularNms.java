/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.ops.common.Le;

/**
 * NonMaxSuppressionMultiClassRegularHelper: suppression per class (at most detections_per_class each); after
 * every class the candidates so far (the best max_detections of the earlier classes, in order, then this
 * class's selections) are ordered by decreasing score and the best max_detections kept. TFLite 2.21 orders
 * them stably: equal scores keep their candidate order (its goldens with ties show it; a libstdc++
 * std::partial_sort, as the fast path's class ranking uses, would reorder them).
 */
final class RegularNms {
    private RegularNms() {}

    static void run(DetectionPostProcessParams p, byte[] pred, int predAt, byte[] s, byte[] boxes, int boxesAt,
                    byte[] classes, int classesAt, byte[] scores, int scoresAt, byte[] num, int numAt) {
        int c = p.classesWithBackground();
        int classScores = p.boxScoresAt();
        int candidates = p.classIndicesAt(); // box_indices_after_regular_non_max_suppression
        int candidateScores = p.candidateScoresAt();
        int order = p.candidateOrderAt(); // sorted_indices
        int sortedValues = p.sortedValuesAt();
        int kept = 0;
        for (int col = 0; col < p.numClasses(); col++) {
            for (int row = 0; row < p.numBoxes(); row++) {
                Le.f32(s, classScores + 4 * row, Le.f32(pred, predAt + 4 * (row * c + col + p.labelOffset())));
            }
            int selected = SingleClassNms.run(p, s, classScores, s, p.detectionsPerClass());
            int count = kept;
            for (int k = 0; k < selected; k++) {
                int box = Le.i32(s, p.selectedAt() + 4 * k);
                Le.i32(s, candidates + 4 * count, box * c + col + p.labelOffset());
                Le.f32(s, candidateScores + 4 * count, Le.f32(s, classScores + 4 * box));
                count++;
            }
            int toSort = Math.min(count, p.maxDetections());
            ScoreSort.stableDecreasing(s, order, s, candidateScores, count, p.candidateMergeAt());
            for (int row = 0; row < toSort; row++) {
                int from = Le.i32(s, order + 4 * row);
                Le.i32(s, order + 4 * row, Le.i32(s, candidates + 4 * from));
                Le.f32(s, sortedValues + 4 * row, Le.f32(s, candidateScores + 4 * from));
            }
            for (int row = 0; row < toSort; row++) {
                Le.i32(s, candidates + 4 * row, Le.i32(s, order + 4 * row));
                Le.f32(s, candidateScores + 4 * row, Le.f32(s, sortedValues + 4 * row));
            }
            kept = toSort;
        }
        for (int k = 0; k < kept; k++) {
            int index = Le.i32(s, candidates + 4 * k);
            int box = index / c;
            DetectionPostProcessKernel.emit(p, s, box, k, index - box * c - p.labelOffset(),
                    Le.f32(s, candidateScores + 4 * k), boxes, boxesAt, classes, classesAt, scores, scoresAt);
        }
        Le.f32(num, numAt, kept);
    }
}
