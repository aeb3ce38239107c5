/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.flex;

import dev.ember4j.core.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FlexBuffers reader on buffers written by the flatbuffers Python package (flexbuffers.Dumps and its
 * Builder), and on truncated and corrupted copies of them: a malformed buffer may only ever end in a
 * ModelFormatException.
 */
class FlexBufferTest {
    /**
     * flexbuffers.Dumps(dict(max_detections=10, max_classes_per_detection=1, nms_iou_threshold=0.6,
     * nms_score_threshold=1e-8, use_regular_nms=False, y_scale=10.0, name="ssd", big=1 &lt;&lt; 40, neg=-3,
     * vec=[1, 2, 3], mixed=[1, "a", 2.5])).
     */
    static final byte[] OPTIONS = hex("6d61785f646574656374696f6e73006d61785f636c61737365735f7065725f64657465637469"
            + "6f6e006e6d735f696f755f7468726573686f6c64006e6d735f73636f72655f7468726573686f6c64007573655f72656775"
            + "6c61725f6e6d7300795f7363616c65006e616d65000373736400626967006e65670076656300030102030404046d69786564"
            + "0001610000000003000000010000000d0000000000204006140e0b3396a623413481705d344f000c00000000000000010000"
            + "00000000000b00000000000000000000000001000001000000000000000a000000000000004c000000000000007b00000000"
            + "000000fdffffffffffffff333333333333e33f3a8c30e28e79453e0000000000000000920000000000000000000000000024"
            + "400707072a14070f0f6b280f632701");

    /**
     * Builder: a=IndirectInt(-7), b=IndirectUInt(300), c=IndirectFloat(1.5), d=Float(0.25), e=Bool(true),
     * f=UInt(7), g=Null(), h=typed float vector [1, 2].
     */
    static final byte[] INDIRECT = hex("6100f96200002c01630000000000c03f640065006600670068000000020000000000803f0000"
            + "0040082927231c1b1a19180000000b00000001000000080000003e0000003e0000003c0000000000803e01000000070000000000"
            + "00003c000000181d220e6a0a0236282601");

    static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void readsAMapWrittenByDumps() {
        FlexValue root = FlexBuffer.root(OPTIONS, "test");
        assertTrue(root.isMap());
        assertEquals(10, root.get("max_detections").asInt());
        assertEquals(1, root.get("max_classes_per_detection").asInt());
        assertEquals(0.6f, root.get("nms_iou_threshold").asFloat());
        assertEquals(1e-8f, root.get("nms_score_threshold").asFloat());
        assertFalse(root.get("use_regular_nms").asBool());
        assertEquals(10.0f, root.get("y_scale").asFloat());
        assertEquals(10.0, root.get("max_detections").asDouble(), "an integer read as a float");
        assertEquals("ssd", root.get("name").asString());
        assertEquals(1L << 40, root.get("big").asLong());
        assertEquals(-3, root.get("neg").asInt());
        FlexValue vec = root.get("vec");
        assertEquals(3, vec.length());
        assertEquals(2, vec.at(1).asInt());
        FlexValue mixed = root.get("mixed");
        assertEquals("a", mixed.at(1).asString());
        assertEquals(2.5, mixed.at(2).asDouble());
        assertEquals(11, root.length());
    }

    @Test
    void absentKeysAreNullAndStrictConversionsName() {
        FlexValue root = FlexBuffer.root(OPTIONS, "operator 3 options");
        FlexValue absent = root.get("detections_per_class");
        assertTrue(absent.isNull());
        ModelFormatException e = assertThrows(ModelFormatException.class, absent::asInt);
        assertTrue(e.getMessage().contains("operator 3 options") && e.getMessage().contains("root.detections_per_class")
                && e.getMessage().contains("missing"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> root.get("name").asFloat());
        assertTrue(e.getMessage().contains("STRING"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> root.get("big").asInt());
        assertTrue(e.getMessage().contains("int range"), e.getMessage());
        assertThrows(ModelFormatException.class, () -> root.get("vec").asBool());
        assertThrows(ModelFormatException.class, () -> root.get("vec").at(3));
        assertTrue(root.get("").isNull());
        assertTrue(root.get("zzz").isNull());
        assertTrue(root.get("max_detection").isNull(), "prefix of a key");
    }

    @Test
    void readsIndirectAndTypedValues() {
        FlexValue root = FlexBuffer.root(INDIRECT, "test");
        assertEquals(-7, root.get("a").asInt());
        assertEquals(300, root.get("b").asInt());
        assertEquals(1.5f, root.get("c").asFloat());
        assertEquals(1, root.get("c").asInt(), "float truncated as flexbuffers' AsInt64");
        assertEquals(0.25f, root.get("d").asFloat());
        assertTrue(root.get("e").asBool());
        assertEquals(1, root.get("e").asInt());
        assertEquals(7, root.get("f").asInt());
        assertTrue(root.get("f").asBool());
        assertTrue(root.get("g").isNull());
        assertEquals(2, root.get("h").length());
        assertEquals(2.0f, root.get("h").at(1).asFloat());
    }

    @Test
    void nonMapRoots() {
        assertEquals(5, FlexBuffer.root(hex("050401"), "t").asInt());
        FlexValue s = FlexBuffer.root(hex("0568656c6c6f00061401"), "t");
        assertEquals("hello", s.asString());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> s.get("x"));
        assertTrue(e.getMessage().contains("expected a map"), e.getMessage());
    }

    @Test
    void rejectsTooShortAndBadWidths() {
        assertThrows(ModelFormatException.class, () -> FlexBuffer.root(new byte[0], "t"));
        assertThrows(ModelFormatException.class, () -> FlexBuffer.root(new byte[] {1, 4}, "t"));
        assertThrows(ModelFormatException.class, () -> FlexBuffer.root(new byte[] {5, 4, 3}, "t"), "width 3");
        assertThrows(ModelFormatException.class, () -> FlexBuffer.root(new byte[] {5, 4, 8}, "t"), "width 8 > size");
    }

    /** Every truncation and many random corruptions: reading either works or is a ModelFormatException. */
    @Test
    void hostileBuffersOnlyEverFailAsModelFormatException() {
        for (byte[] good : new byte[][] {OPTIONS, INDIRECT}) {
            for (int n = 0; n <= good.length; n++) {
                readEverything(java.util.Arrays.copyOfRange(good, good.length - n, good.length));
                readEverything(java.util.Arrays.copyOf(good, n));
            }
            Random rng = new Random(42);
            for (int round = 0; round < 500; round++) {
                byte[] bad = good.clone();
                int flips = 1 + rng.nextInt(4);
                for (int f = 0; f < flips; f++) {
                    bad[rng.nextInt(bad.length)] = (byte) rng.nextInt(256);
                }
                readEverything(bad);
            }
        }
    }

    private static void readEverything(byte[] data) {
        try {
            walk(FlexBuffer.root(data, "fuzz"), 0);
        } catch (ModelFormatException expected) {
            // the only acceptable failure
        }
    }

    private static void walk(FlexValue v, int depth) {
        if (depth > 0) {
            return;
        }
        for (String key : new String[] {"max_detections", "a", "h", "name", "vec", "mixed", "zzz"}) {
            tryRead(() -> {
                FlexValue c = v.get(key);
                readScalar(c);
                walk(c, depth + 1);
            });
        }
        tryRead(() -> {
            int n = v.length();
            for (int i = 0; i < Math.min(n, 16); i++) {
                FlexValue c = v.at(i);
                readScalar(c);
                walk(c, depth + 1);
            }
        });
        readScalar(v);
    }

    private static void readScalar(FlexValue v) {
        tryRead(v::asLong);
        tryRead(v::asDouble);
        tryRead(v::asBool);
        tryRead(v::asString);
    }

    private static void tryRead(Runnable r) {
        try {
            r.run();
        } catch (ModelFormatException expected) {
            // fine
        }
    }

    private interface Thrower {
        Object get();
    }

    private static void tryRead(Thrower t) {
        tryRead((Runnable) t::get);
    }
}
