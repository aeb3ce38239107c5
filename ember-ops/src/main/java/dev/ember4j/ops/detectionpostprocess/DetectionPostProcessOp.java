/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.detectionpostprocess;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.flex.FlexValue;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The custom operator TFLite_Detection_PostProcess (SSD detection models), as TFLite 2.21's
 * kernels/detection_postprocess.cc: box encodings, class predictions and anchors in (float32, or uint8
 * dequantized as TFLite does; int8 is refused, TFLite 2.21 fails on it), detection boxes, classes, scores and
 * their count out (float32). Options come from the operator's FlexBuffer map: max_detections,
 * max_classes_per_detection, nms_score_threshold, nms_iou_threshold, num_classes, y_scale, x_scale,
 * h_scale, w_scale (required here; TFLite reads an absent one as 0), detections_per_class (default 100)
 * and use_regular_nms (default false). Outputs the file leaves unshaped get TFLite's shapes.
 */
public final class DetectionPostProcessOp implements OperatorSpec {
    public static final String CUSTOM_CODE = "TFLite_Detection_PostProcess";
    /** Far beyond any detection model (SSD MobileNet has 1917 anchors, 91 classes, 10-100 detections). */
    private static final long MAX_SCRATCH = 1L << 30;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.CUSTOM;
    }

    @Override
    public String customCode() {
        return CUSTOM_CODE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(3, 3);
        ctx.expectOutputs(4);
        FlexValue o = ctx.customOptions();
        int maxDetections = o.get("max_detections").asInt();
        int maxClassesPerDetection = o.get("max_classes_per_detection").asInt();
        FlexValue perClass = o.get("detections_per_class");
        int detectionsPerClass = perClass.isNull() ? 100 : perClass.asInt();
        FlexValue regular = o.get("use_regular_nms");
        boolean useRegularNms = !regular.isNull() && regular.asBool();
        float scoreThreshold = o.get("nms_score_threshold").asFloat();
        float iouThreshold = o.get("nms_iou_threshold").asFloat();
        int numClasses = o.get("num_classes").asInt();
        float yScale = o.get("y_scale").asFloat();
        float xScale = o.get("x_scale").asFloat();
        float hScale = o.get("h_scale").asFloat();
        float wScale = o.get("w_scale").asFloat();

        if (maxDetections <= 0) {
            throw ctx.error("custom option max_detections " + maxDetections + " must be positive");
        }
        if (maxClassesPerDetection <= 0) {
            throw ctx.error("custom option max_classes_per_detection " + maxClassesPerDetection + " must be positive");
        }
        if (useRegularNms && detectionsPerClass <= 0) {
            throw ctx.error("custom option detections_per_class " + detectionsPerClass + " must be positive");
        }
        if (numClasses <= 0) {
            throw ctx.error("custom option num_classes " + numClasses + " must be positive");
        }
        if (!(iouThreshold > 0f && iouThreshold <= 1f)) {
            throw ctx.error("custom option nms_iou_threshold " + iouThreshold + " is not in (0, 1]");
        }

        TensorDef enc = ctx.input(0);
        TensorDef cls = ctx.input(1);
        TensorDef anc = ctx.input(2);
        boxInput(ctx, enc, "box encodings");
        boxInput(ctx, cls, "class predictions");
        ctx.requireRank(enc, 3, "box encodings");
        ctx.requireRank(cls, 3, "class predictions");
        ctx.requireRank(anc, 2, "anchors");
        int numBoxes = enc.shape()[1];
        int boxStride = enc.shape()[2];
        int withBackground = cls.shape()[2];
        if (enc.shape()[0] != 1 || cls.shape()[0] != 1) {
            throw ctx.unsupported("batch " + enc.shape()[0] + " / " + cls.shape()[0] + ": TFLite's kernel runs batch 1");
        }
        if (boxStride < 4) {
            throw ctx.error("box encodings " + enc.label() + " " + enc.shapeString() + " have fewer than 4 values per box");
        }
        if (cls.shape()[1] != numBoxes) {
            throw ctx.error("class predictions " + cls.label() + " " + cls.shapeString() + " are not for the "
                    + numBoxes + " boxes of " + enc.label() + " " + enc.shapeString());
        }
        if (withBackground - numClasses != 0 && withBackground - numClasses != 1) {
            throw ctx.error("class predictions " + cls.label() + " " + cls.shapeString() + " have " + withBackground
                    + " columns for num_classes " + numClasses + " (expected num_classes, or one more for a background class)");
        }
        if (anc.type() != enc.type()) {
            // TFLite reads uint8 anchors with uint8 boxes, float32 with float32 (and fails otherwise)
            throw ctx.unsupported("anchors " + anc.label() + " are " + anc.type() + ", the box encodings "
                    + enc.type() + "; TFLite reads anchors of the box encodings' type");
        }
        boxInput(ctx, anc, "anchors");
        if (anc.shape()[0] != numBoxes || anc.shape()[1] != 4) {
            throw ctx.error("anchors " + anc.label() + " " + anc.shapeString() + " are not [" + numBoxes + ", 4]");
        }
        boolean boxesQuantized = enc.type() == TensorType.UINT8;
        boolean scoresQuantized = cls.type() == TensorType.UINT8;
        long detected = (long) maxDetections * maxClassesPerDetection;
        long scratch = DetectionPostProcessParams.scratchBytes(numBoxes, withBackground, numClasses, maxDetections,
                useRegularNms, scoresQuantized);
        if (detected > (1 << 24) || scratch > MAX_SCRATCH) {
            throw ctx.unsupported(maxDetections + " detections x " + maxClassesPerDetection + " classes over " + numBoxes
                    + " boxes need " + scratch + " bytes of scratch, more than this engine supports");
        }
        DetectionPostProcessParams p = new DetectionPostProcessParams(numBoxes, boxStride, withBackground, numClasses,
                withBackground - numClasses, maxDetections, maxClassesPerDetection, detectionsPerClass, useRegularNms,
                scoreThreshold, iouThreshold, yScale, xScale, hScale, wScale, boxesQuantized, ctx.scale(enc),
                boxesQuantized ? ctx.zeroPoint(enc) : 0, ctx.scale(anc), boxesQuantized ? ctx.zeroPoint(anc) : 0,
                scoresQuantized, ctx.scale(cls), scoresQuantized ? ctx.zeroPoint(cls) : 0);
        if (ctx.isConstant(anc)) {
            checkAnchors(ctx, p, anc, ctx.constant(anc, "anchors"));
        }
        int n = (int) detected;
        for (int i = 0; i < 4; i++) {
            ctx.requireType(ctx.output(i), TensorType.FLOAT32, "output " + i);
        }
        return Prepared.of(p, DetectionPostProcessKernel.KERNEL, 0, 1, 2).withOutputShapes(new int[] {1, n, 4}, new int[] {1, n},
                new int[] {1, n}, new int[] {1});
    }

    /** float32, or uint8 with its quantization (TFLite 2.21 fails at invoke on any other type). */
    private static void boxInput(OpContext ctx, TensorDef t, String role) {
        if (t.type() == TensorType.INT8) {
            throw ctx.unsupported(role + " " + t.label() + " are int8: TFLite 2.21's kernel reads only float32 and"
                    + " uint8 (int8 inputs fail at invoke there)");
        }
        ctx.quantized(t, role, TensorType.FLOAT32, TensorType.UINT8);
    }

    /**
     * TFLite fails an inference when a decoded box has ymin &gt; ymax or xmin &gt; xmax, which a negative anchor
     * height or width gives for every encoding whose exp() does not underflow to 0: constant anchors are
     * checked once here instead.
     */
    private static void checkAnchors(OpContext ctx, DetectionPostProcessParams p, TensorDef anc, byte[] data) {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < p.numBoxes(); i++) {
            for (int k = 2; k < 4; k++) {
                float v = p.boxesQuantized()
                        ? ((data[4 * i + k] & 0xFF) - (float) p.anchorZeroPoint()) * p.anchorScale()
                        : b.getFloat(16 * i + 4 * k);
                if (v < 0f) {
                    throw ctx.error("anchor " + i + " of " + anc.label() + " has a negative " + (k == 2 ? "height" : "width")
                            + " " + v + ": TFLite's kernel fails the inference on the inverted boxes it decodes");
                }
            }
        }
    }
}
