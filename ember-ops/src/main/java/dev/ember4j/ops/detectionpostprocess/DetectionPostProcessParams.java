/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.core.ops.OperatorParams;

/**
 * TFLite_Detection_PostProcess: box encodings [1, numBoxes, boxStride] and class predictions [1, numBoxes,
 * classesWithBackground], float32 or uint8 (dequantized as TFLite does), anchors [numBoxes, 4] of the box
 * encodings' type; four float32 outputs of {@link #detectedBoxes()} entries (boxes [1, n, 4], classes [1, n],
 * scores [1, n]) and num_detections [1].
 *
 * @param labelOffset     classesWithBackground - numClasses (1 when column 0 is a background class)
 * @param boxesQuantized  uint8 box encodings and anchors (scale / zero point below), else float32
 * @param scoresQuantized uint8 class predictions (scale / zero point below), else float32
 */
public record DetectionPostProcessParams(int numBoxes, int boxStride, int classesWithBackground, int numClasses,
                                         int labelOffset, int maxDetections, int maxClassesPerDetection,
                                         int detectionsPerClass, boolean useRegularNms, float scoreThreshold,
                                         float iouThreshold, float yScale, float xScale, float hScale, float wScale,
                                         boolean boxesQuantized, float boxScale, int boxZeroPoint, float anchorScale,
                                         int anchorZeroPoint, boolean scoresQuantized, float scoresScale,
                                         int scoresZeroPoint) implements OperatorParams {

    /** Entries of the boxes, classes and scores outputs: max_detections * max_classes_per_detection. */
    public int detectedBoxes() {
        return maxDetections * maxClassesPerDetection;
    }

    // Scratch layout (bytes), TFLite's temporaries and std::vectors: every region 4-byte aligned.

    /** Decoded corner boxes: float [numBoxes][4] (ymin, xmin, ymax, xmax). */
    int decodedAt() {
        return 0;
    }

    /** Dequantized class predictions: float [numBoxes][classesWithBackground] (uint8 predictions only). */
    int scoresAt() {
        return decodedAt() + 16 * numBoxes;
    }

    /** NMS candidates: active flags, kept scores, kept indices, sorted order, merge buffer, selected: numBoxes each. */
    int activeAt() {
        return scoresAt() + (scoresQuantized ? 4 * numBoxes * classesWithBackground : 0);
    }

    int keepScoresAt() {
        return activeAt() + 4 * numBoxes;
    }

    int keepIndicesAt() {
        return keepScoresAt() + 4 * numBoxes;
    }

    int sortedAt() {
        return keepIndicesAt() + 4 * numBoxes;
    }

    int mergeAt() {
        return sortedAt() + 4 * numBoxes;
    }

    int selectedAt() {
        return mergeAt() + 4 * numBoxes;
    }

    /** Per-box (fast NMS: best score) or per-class (regular NMS: the class's column) scores: float [numBoxes]. */
    int boxScoresAt() {
        return selectedAt() + 4 * numBoxes;
    }

    /** Fast NMS: sorted class indices int [numBoxes][numClasses]. Regular NMS: candidates of numBoxes + maxDetections. */
    int classIndicesAt() {
        return boxScoresAt() + 4 * numBoxes;
    }

    /** Regular NMS: box indices, scores and sort order of the candidates (numBoxes + maxDetections each). */
    int candidateScoresAt() {
        return classIndicesAt() + 4 * (numBoxes + maxDetections);
    }

    int candidateOrderAt() {
        return candidateScoresAt() + 4 * (numBoxes + maxDetections);
    }

    /** Regular NMS: the sorted scores, float [maxDetections]. */
    int sortedValuesAt() {
        return candidateOrderAt() + 4 * (numBoxes + maxDetections);
    }

    /** Regular NMS: the merge buffer of the candidates' stable sort (numBoxes + maxDetections ints). */
    int candidateMergeAt() {
        return sortedValuesAt() + 4 * maxDetections;
    }

    /** Scratch bytes as a long, for the range check at prepare. */
    static long scratchBytes(int numBoxes, int classesWithBackground, int numClasses, int maxDetections,
                             boolean useRegularNms, boolean scoresQuantized) {
        long common = 16L * numBoxes + (scoresQuantized ? 4L * numBoxes * classesWithBackground : 0)
                + 4L * 7 * numBoxes;
        long mode = useRegularNms ? 4L * (4L * (numBoxes + (long) maxDetections) + maxDetections)
                : 4L * numBoxes * numClasses;
        return common + mode;
    }

    @Override
    public int scratchBytes() {
        return (int) scratchBytes(numBoxes, classesWithBackground, numClasses, maxDetections, useRegularNms,
                scoresQuantized);
    }
}
