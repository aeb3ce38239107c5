/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;

/**
 * TFLite 2.21's TFLite_Detection_PostProcess (kernels/detection_postprocess.cc): decode the center-size
 * box encodings against the anchors into corner boxes (in double, as TFLite), then non-maximum
 * suppression, either "fast" (each box ranked by its best class, max_classes_per_detection classes per
 * box) or "regular" (per class, then the best max_detections over all classes). Every float operation,
 * comparison and ordering follows TFLite's: see {@link ScoreSort} for the sorts and their ties.
 *
 * <p>Output entries TFLite does not write (fast NMS: past num_detections, or columns past num_classes;
 * regular NMS: past max_detections) are written as 0 here; TFLite leaves what the tensor held. When a
 * decoded box has ymin &gt; ymax or xmin &gt; xmax (a negative anchor height or width fed at run time; constant
 * anchors are checked at prepare) TFLite fails the inference: here every output is 0 (no detections).
 */
public final class DetectionPostProcessKernel {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<DetectionPostProcessParams> KERNEL = DetectionPostProcessKernel::run;

    private DetectionPostProcessKernel() {}

    public static void run(DetectionPostProcessParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] boxes = out[0].array(arena);
        int boxesAt = out[0].start();
        byte[] classes = out[1].array(arena);
        int classesAt = out[1].start();
        byte[] scores = out[2].array(arena);
        int scoresAt = out[2].start();
        byte[] num = out[3].array(arena);
        int numAt = out[3].start();
        int n = p.detectedBoxes();
        java.util.Arrays.fill(boxes, boxesAt, boxesAt + 16 * n, (byte) 0);
        java.util.Arrays.fill(classes, classesAt, classesAt + 4 * n, (byte) 0);
        java.util.Arrays.fill(scores, scoresAt, scoresAt + 4 * n, (byte) 0);
        Le.f32(num, numAt, 0f);

        decode(p, in[0].array(arena), in[0].start(), in[2].array(arena), in[2].start(), scratch);
        if (!validBoxes(p, scratch)) {
            return;
        }
        byte[] pred;
        int predAt;
        if (p.scoresQuantized()) {
            dequantizeScores(p, in[1].array(arena), in[1].start(), scratch);
            pred = scratch;
            predAt = p.scoresAt();
        } else {
            pred = in[1].array(arena);
            predAt = in[1].start();
        }
        if (p.useRegularNms()) {
            RegularNms.run(p, pred, predAt, scratch, boxes, boxesAt, classes, classesAt, scores, scoresAt, num, numAt);
        } else {
            FastNms.run(p, pred, predAt, scratch, boxes, boxesAt, classes, classesAt, scores, scoresAt, num, numAt);
        }
    }

    /** DecodeCenterSizeBoxes: corner boxes into the scratch. */
    static void decode(DetectionPostProcessParams p, byte[] enc, int encAt, byte[] anc, int ancAt, byte[] s) {
        double sy = p.yScale();
        double sx = p.xScale();
        double sh = p.hScale();
        double sw = p.wScale();
        for (int i = 0; i < p.numBoxes(); i++) {
            float y;
            float x;
            float h;
            float w;
            float ay;
            float ax;
            float ah;
            float aw;
            int e = encAt + i * p.boxStride() * (p.boxesQuantized() ? 1 : 4);
            int a = ancAt + i * 4 * (p.boxesQuantized() ? 1 : 4);
            if (p.boxesQuantized()) {
                // Dequantizer: (float(q) - zero_point) * scale, in float
                float zp = p.boxZeroPoint();
                float sc = p.boxScale();
                y = ((enc[e] & 0xFF) - zp) * sc;
                x = ((enc[e + 1] & 0xFF) - zp) * sc;
                h = ((enc[e + 2] & 0xFF) - zp) * sc;
                w = ((enc[e + 3] & 0xFF) - zp) * sc;
                float azp = p.anchorZeroPoint();
                float asc = p.anchorScale();
                ay = ((anc[a] & 0xFF) - azp) * asc;
                ax = ((anc[a + 1] & 0xFF) - azp) * asc;
                ah = ((anc[a + 2] & 0xFF) - azp) * asc;
                aw = ((anc[a + 3] & 0xFF) - azp) * asc;
            } else {
                y = Le.f32(enc, e);
                x = Le.f32(enc, e + 4);
                h = Le.f32(enc, e + 8);
                w = Le.f32(enc, e + 12);
                ay = Le.f32(anc, a);
                ax = Le.f32(anc, a + 4);
                ah = Le.f32(anc, a + 8);
                aw = Le.f32(anc, a + 12);
            }
            float yCenter = (float) ((double) y / sy * (double) ah + (double) ay);
            float xCenter = (float) ((double) x / sx * (double) aw + (double) ax);
            float halfH = (float) (0.5 * StrictMath.exp((double) h / sh) * (double) ah);
            float halfW = (float) (0.5 * StrictMath.exp((double) w / sw) * (double) aw);
            int b = p.decodedAt() + 16 * i;
            Le.f32(s, b, yCenter - halfH);
            Le.f32(s, b + 4, xCenter - halfW);
            Le.f32(s, b + 8, yCenter + halfH);
            Le.f32(s, b + 12, xCenter + halfW);
        }
    }

    /** ValidateBoxes: no box with ymin &gt; ymax or xmin &gt; xmax (NaN passes; degenerate boxes are fine). */
    static boolean validBoxes(DetectionPostProcessParams p, byte[] s) {
        for (int i = 0; i < p.numBoxes(); i++) {
            int b = p.decodedAt() + 16 * i;
            if (Le.f32(s, b) > Le.f32(s, b + 8) || Le.f32(s, b + 4) > Le.f32(s, b + 12)) {
                return false;
            }
        }
        return true;
    }

    /** optimized_ops::Dequantize of uint8 (x86: the scalar loop): float(double(scale) * (q - zero_point)). */
    static void dequantizeScores(DetectionPostProcessParams p, byte[] q, int qAt, byte[] s) {
        double scale = p.scoresScale();
        int zp = p.scoresZeroPoint();
        int count = p.numBoxes() * p.classesWithBackground();
        int to = p.scoresAt();
        for (int i = 0; i < count; i++) {
            Le.f32(s, to + 4 * i, (float) (scale * ((q[qAt + i] & 0xFF) - zp)));
        }
    }

    /** Writes one output entry: the decoded box, its class and its score. */
    static void emit(DetectionPostProcessParams p, byte[] s, int box, int at, int classIndex, float score,
                     byte[] boxes, int boxesAt, byte[] classes, int classesAt, byte[] scores, int scoresAt) {
        System.arraycopy(s, p.decodedAt() + 16 * box, boxes, boxesAt + 16 * at, 16);
        Le.f32(classes, classesAt + 4 * at, classIndex);
        Le.f32(scores, scoresAt + 4 * at, score);
    }
}
