/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.ops.common.Le;

/**
 * NonMaxSuppressionMultiClassFastHelper: rank each box's classes (the best max_classes_per_detection of
 * them), suppress over the boxes' best scores once, and write for every selected box its best classes.
 */
final class FastNms {
    private FastNms() {}

    static void run(DetectionPostProcessParams p, byte[] pred, int predAt, byte[] s, byte[] boxes, int boxesAt,
                    byte[] classes, int classesAt, byte[] scores, int scoresAt, byte[] num, int numAt) {
        int numClasses = p.numClasses();
        int perBox = Math.min(p.maxClassesPerDetection(), numClasses);
        int maxScores = p.boxScoresAt();
        int classIndices = p.classIndicesAt();
        for (int row = 0; row < p.numBoxes(); row++) {
            int rowScores = predAt + 4 * (row * p.classesWithBackground() + p.labelOffset());
            int rowIndices = classIndices + 4 * row * numClasses;
            if (perBox == 1) {
                Le.i32(s, rowIndices, ScoreSort.argMax(pred, rowScores, numClasses));
            } else {
                ScoreSort.partialDecreasing(s, rowIndices, pred, rowScores, numClasses, perBox);
            }
            Le.f32(s, maxScores + 4 * row, Le.f32(pred, rowScores + 4 * Le.i32(s, rowIndices)));
        }
        int selected = SingleClassNms.run(p, s, maxScores, s, p.maxDetections());
        for (int k = 0; k < selected; k++) {
            int box = Le.i32(s, p.selectedAt() + 4 * k);
            int rowScores = predAt + 4 * (box * p.classesWithBackground() + p.labelOffset());
            int rowIndices = classIndices + 4 * box * numClasses;
            for (int col = 0; col < perBox; col++) {
                int classIndex = Le.i32(s, rowIndices + 4 * col);
                DetectionPostProcessKernel.emit(p, s, box, p.maxClassesPerDetection() * k + col, classIndex,
                        Le.f32(pred, rowScores + 4 * classIndex), boxes, boxesAt, classes, classesAt, scores, scoresAt);
            }
        }
        Le.f32(num, numAt, selected);
    }
}
