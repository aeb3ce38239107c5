/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.prepare.PreparedModel;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Consumer;

import static dev.ember4j.tflite.ModelFormatMessagesTest.formatError;
import static dev.ember4j.tflite.ModelFormatMessagesTest.message;
import static dev.ember4j.tflite.ModelFormatMessagesTest.prepare;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * TFLite_Detection_PostProcess models that are malformed (custom options, shapes, types) or that TFLite
 * cannot run are refused at load naming the operator, the option or tensor and the value; custom operators
 * the registry lacks are refused by name. Options are FlexBuffer maps written by flexbuffers.Dumps (Python).
 */
class DetectionPrepareMessagesTest {
    static final String OP = "operator 0 (CUSTOM(TFLite_Detection_PostProcess))";
    /** max_detections 3, max_classes_per_detection 1, nms_score_threshold 0, nms_iou_threshold 0.5, num_classes 2, scales 10 10 5 5. */
    static final String VALID = "6d61785f646574656374696f6e73006d61785f636c61737365735f7065725f646574656374696f6e006e6d735f73636f7265"
            + "5f7468726573686f6c64006e6d735f696f755f7468726573686f6c64006e756d5f636c617373657300795f7363616c650078"
            + "5f7363616c6500685f7363616c6500775f7363616c650009116e7e4257320f20290000000c00000001000000090000000000"
            + "a04001000000030000000000003f00000000020000000000a04000002041000020410e06060e0e060e0e0e2d2601";
    static final String MISSING_Y_SCALE = "6d61785f646574656374696f6e73006d61785f636c61737365735f7065725f646574656374696f6e006e6d735f73636f7265"
            + "5f7468726573686f6c64006e6d735f696f755f7468726573686f6c64006e756d5f636c617373657300785f7363616c650068"
            + "5f7363616c6500775f7363616c6500081166763a4f2a0f200800000001000000080000000000a04001000000030000000000"
            + "003f00000000020000000000a040000020410e06060e0e060e0e282601";
    static final String IOU_1_5 = VALID.replace("030000000000003f", "030000000000c03f");
    static final String MAX_DETECTIONS_0 = VALID.replace("a040010000000300", "a040010000000000");
    static final String NUM_CLASSES_STRING = "6d61785f646574656374696f6e73006d61785f636c61737365735f7065725f646574656374696f6e006e6d735f73636f7265"
            + "5f7468726573686f6c64006e6d735f696f755f7468726573686f6c64006e756d5f636c617373657300013200795f7363616c"
            + "6500785f7363616c6500685f7363616c6500775f7363616c650009117181455a350f20290900000001000000090000000000"
            + "a04001000000030000000000003f000000004c0000000000a04000002041000020410e06060e0e140e0e0e2d2601";
    /** use_regular_nms true, detections_per_class 0. */
    static final String REGULAR_PER_CLASS_0 = "6d61785f646574656374696f6e73006d61785f636c61737365735f7065725f646574656374696f6e006e6d735f73636f7265"
            + "5f7468726573686f6c64006e6d735f696f755f7468726573686f6c64006e756d5f636c617373657300795f7363616c650078"
            + "5f7363616c6500685f7363616c6500775f7363616c65007573655f726567756c61725f6e6d7300646574656374696f6e735f"
            + "7065725f636c617373000b163794a4687d582d3647500b000000010000000b000000000000000000a0400100000003000000"
            + "0000003f0000000002000000010000000000a0400000204100002041060e06060e0e066a0e0e0e372601";
    /** max_detections 100000 x max_classes_per_detection 100000. */
    static final String HUGE = VALID.replace("0000a040010000000300000000", "0000a040a0860100a086010000");
    static final String NOT_A_MAP = "0201020404042801";

    /** The model's parts a test may change before {@link #build}. */
    static final class Detect {
        TestModel m = new TestModel();
        TensorType boxType = TensorType.FLOAT32;
        TensorType scoreType = TensorType.FLOAT32;
        int[] boxShape = {1, 3, 4};
        int[] scoreShape = {1, 3, 3};
        int[] anchorShape = {3, 4};
        float[] anchors = {0.5f, 0.5f, 0.2f, 0.2f, 0.3f, 0.3f, 0.2f, 0.2f, 0.7f, 0.7f, 0.2f, 0.2f};
        int[][] outputShapes = {{1, 3, 4}, {1, 3}, {1, 3}, {1}};
        TensorType outputType = TensorType.FLOAT32;
        String options = VALID;
        String customCode = "TFLite_Detection_PostProcess";
        int optionsFormat;

        byte[] build() {
            TestModel.Tensor boxes = m.tensor(boxType, boxShape);
            TestModel.Tensor scores = m.tensor(scoreType, scoreShape);
            ByteBuffer a = ByteBuffer.allocate(4 * anchors.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : anchors) {
                a.putFloat(f);
            }
            TestModel.Tensor anc = m.constant(boxType, a.array(), anchorShape);
            if (boxType != TensorType.FLOAT32) {
                boxes.quant(0.05f, 128);
                anc.quant(0.01f, 0);
            }
            if (scoreType != TensorType.FLOAT32) {
                scores.quant(1 / 256f, 0);
            }
            int[] outs = new int[4];
            for (int i = 0; i < 4; i++) {
                outs[i] = m.index(m.tensor(outputType, outputShapes[i]));
            }
            m.custom(customCode, HexFormat.of().parseHex(options), new int[] {m.index(boxes), m.index(scores),
                m.index(anc)}, outs).customOptionsFormat = optionsFormat;
            m.inputs = new int[] {m.index(boxes), m.index(scores)};
            m.outputs = outs;
            return m.build();
        }
    }

    static byte[] model(Consumer<Detect> edit) {
        Detect d = new Detect();
        edit.accept(d);
        return d.build();
    }

    static String unsupported(byte[] model, String... fragments) {
        return message(UnsupportedOperatorException.class, () -> prepare(model), fragments);
    }

    @Test
    void validModelPrepares() {
        PreparedModel p = prepare(model(d -> { }));
        assertEquals("CUSTOM(TFLite_Detection_PostProcess)", p.ops().get(0).name());
        assertEquals(OP, p.ops().get(0).label());
    }

    @Test
    void unshapedOutputsGetTheOperatorsShapes() {
        PreparedModel p = prepare(model(d -> d.outputShapes = new int[][] {{}, {}, {}, {}}));
        int[] outs = p.outputs();
        assertArrayEquals(new int[] {1, 3, 4}, p.tensor(outs[0]).shape());
        assertArrayEquals(new int[] {1, 3}, p.tensor(outs[1]).shape());
        assertArrayEquals(new int[] {1}, p.tensor(outs[3]).shape());
        formatError(model(d -> d.outputShapes = new int[][] {{1, 4, 4}, {1, 3}, {1, 3}, {1}}), OP,
                "output 0 tensor 3 't3' has shape [1, 4, 4], the operator produces [1, 3, 4]");
    }

    @Test
    void unknownCustomOperatorIsRefusedByName() {
        unsupported(model(d -> d.customCode = "Foo"), "operator 0 (CUSTOM(Foo)) is not supported",
                "unsupported operators in this model: CUSTOM(Foo) x1", "CUSTOM(TFLite_Detection_PostProcess)");
    }

    @Test
    void badCustomOptions() {
        formatError(model(d -> d.options = NOT_A_MAP), OP, "custom options are a FlexBuffer VECTOR, expected a map");
        formatError(model(d -> d.options = MISSING_Y_SCALE), OP, "root.y_scale", "is missing");
        formatError(model(d -> d.options = NUM_CLASSES_STRING), OP, "root.num_classes", "is STRING, expected a number");
        formatError(model(d -> d.options = IOU_1_5), OP, "nms_iou_threshold 1.5 is not in (0, 1]");
        formatError(model(d -> d.options = MAX_DETECTIONS_0), OP, "max_detections 0 must be positive");
        formatError(model(d -> d.options = REGULAR_PER_CLASS_0), OP, "detections_per_class 0 must be positive");
        unsupported(model(d -> d.options = HUGE), OP, "more than this engine supports");
        formatError(model(d -> d.options = VALID.substring(0, VALID.length() - 40)), OP, "custom options (FlexBuffer");
        formatError(model(d -> d.options = ""), OP, "has no custom options");
        unsupported(model(d -> d.optionsFormat = 1), OP, "custom_options_format 1 is not FLEXBUFFERS (0)");
    }

    @Test
    void badShapes() {
        formatError(model(d -> d.boxShape = new int[] {1, 3, 3}), OP, "fewer than 4 values per box");
        formatError(model(d -> d.boxShape = new int[] {3, 4}), OP, "box encodings", "expected rank 3");
        formatError(model(d -> d.scoreShape = new int[] {1, 4, 3}), OP, "class predictions", "are not for the 3 boxes");
        formatError(model(d -> d.scoreShape = new int[] {1, 3, 5}), OP, "have 5 columns for num_classes 2");
        formatError(model(d -> {
            d.anchorShape = new int[] {4, 3};
        }), OP, "anchors", "are not [3, 4]");
        unsupported(model(d -> {
            d.boxShape = new int[] {2, 3, 4};
            d.scoreShape = new int[] {2, 3, 3};
        }), OP, "TFLite's kernel runs batch 1");
    }

    @Test
    void typesTfliteDoesNotRun() {
        unsupported(model(d -> d.boxType = TensorType.INT8), OP, "int8", "TFLite 2.21's kernel reads only float32 and uint8");
        unsupported(model(d -> d.scoreType = TensorType.INT8), OP, "class predictions", "int8");
        unsupported(model(d -> d.outputType = TensorType.UINT8), OP, "output 0", "only FLOAT32");
    }

    @Test
    void negativeConstantAnchorIsRefused() {
        formatError(model(d -> d.anchors[6] = -0.2f), OP, "anchor 1 of tensor 2", "negative height -0.2");
        prepare(model(d -> d.anchors[7] = -0.0f)); // -0.0 decodes to an empty box, which TFLite accepts
    }

    /** Random corruption of the options only ever ends in a ModelFormatException or UnsupportedOperatorException. */
    @Test
    void corruptedOptionsAreRefusedCleanly() {
        byte[] good = HexFormat.of().parseHex(VALID);
        Random rng = new Random(7);
        for (int round = 0; round < 300; round++) {
            byte[] bad = good.clone();
            for (int f = 0; f < 1 + rng.nextInt(3); f++) {
                bad[rng.nextInt(bad.length)] = (byte) rng.nextInt(256);
            }
            try {
                prepare(model(d -> d.options = HexFormat.of().formatHex(bad)));
            } catch (ModelFormatException | UnsupportedOperatorException expected) {
                // refused cleanly
            }
        }
    }
}
