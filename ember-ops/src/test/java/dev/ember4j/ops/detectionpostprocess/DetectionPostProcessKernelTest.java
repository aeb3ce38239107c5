/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.Le;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Kernel behaviour TFLite's goldens cannot show: what Ember4j writes where TFLite fails or writes nothing. */
class DetectionPostProcessKernelTest {

    private static DetectionPostProcessParams params(boolean regular, int maxClassesPerDetection) {
        return new DetectionPostProcessParams(3, 4, 3, 2, 1, 2, maxClassesPerDetection, 2, regular, 0f, 0.5f, 10f, 10f,
                5f, 5f, false, 0f, 0, 0f, 0, false, 0f, 0);
    }

    private static float[] run(DetectionPostProcessParams p, float[] anchors, float fill) {
        int n = p.detectedBoxes();
        byte[] arena = new byte[4 * (12 + 9 + 12) + 4 * (4 * n + 2 * n + 1)];
        int enc = 0;
        int cls = 48;
        int anc = 84;
        int out = 132;
        for (int i = 0; i < 9; i++) {
            Le.f32(arena, cls + 4 * i, (i % 3) * 0.3f);
        }
        for (int i = 0; i < 12; i++) {
            Le.f32(arena, anc + 4 * i, anchors[i]);
        }
        for (int i = out; i + 4 <= arena.length; i += 4) {
            Le.f32(arena, i, fill); // stale values from an earlier invoke
        }
        Slot[] in = {Slot.arena(enc), Slot.arena(cls), Slot.arena(anc)};
        Slot[] o = {Slot.arena(out), Slot.arena(out + 16 * n), Slot.arena(out + 20 * n), Slot.arena(out + 24 * n)};
        DetectionPostProcessKernel.run(p, in, o, arena, new byte[p.scratchBytes()]);
        float[] result = new float[6 * n + 1];
        for (int i = 0; i < result.length; i++) {
            result[i] = Le.f32(arena, out + 4 * i);
        }
        return result;
    }

    private static final float[] ANCHORS = {0.2f, 0.2f, 0.1f, 0.1f, 0.5f, 0.5f, 0.1f, 0.1f, 0.8f, 0.8f, 0.1f, 0.1f};

    @Test
    void entriesTfliteLeavesUnwrittenAreZero() {
        // fast NMS, 3 classes per detection but only 2 classes: column 2 of each detection stays 0
        float[] r = run(params(false, 3), ANCHORS, 7f);
        int n = 6;
        assertEquals(2f, r[6 * n], "num_detections");
        for (int k = 0; k < 2; k++) {
            assertEquals(0f, r[4 * n + 3 * k + 2], "class column 2 of detection " + k);
            assertEquals(0f, r[4 * (3 * k + 2)], "box column 2 of detection " + k);
        }
        // regular NMS writes max_detections entries; the rest of max_detections * max_classes stays 0
        r = run(params(true, 2), ANCHORS, 7f);
        n = 4;
        for (int e = 2; e < n; e++) {
            assertEquals(0f, r[4 * n + e], "class of entry " + e);
            assertEquals(0f, r[5 * n + e], "score of entry " + e);
        }
    }

    /** TFLite fails the inference on a box with ymin &gt; ymax (negative anchor height fed at run time): no detections. */
    @Test
    void invalidBoxesGiveNoDetections() {
        float[] anchors = ANCHORS.clone();
        anchors[6] = -0.1f;
        for (boolean regular : new boolean[] {false, true}) {
            float[] r = run(params(regular, 1), anchors, 7f);
            for (float v : r) {
                assertEquals(0f, v);
            }
        }
    }
}
