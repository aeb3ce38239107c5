/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.l2pool2d;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class L2Pool2DTest {

    private static OpContext ctx(TensorType type, int[] in, int[] out, Integer... options) {
        OpFixture f = new OpFixture();
        int x = f.unquantized(type, in);
        int y = f.unquantized(type, out);
        return f.context(BuiltinOperator.L2_POOL_2D, new int[] {x}, new int[] {y}, 5, OpFixture.options(options));
    }

    @Test
    void windowsClippedAtTheBorder() {
        // 1x3x3x1, SAME, 2x2 stride 2: outputs over {1,2,4,5}, {3,6}, {7,8}, {9}
        L2Pool2DParams p = (L2Pool2DParams) new L2Pool2DOp().prepare(
                ctx(TensorType.FLOAT32, new int[] {1, 3, 3, 1}, new int[] {1, 2, 2, 1}, 0, 2, 2, 2, 2, 0)).params();
        ByteBuffer x = ByteBuffer.allocate(36).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 1; i <= 9; i++) {
            x.putFloat(i);
        }
        byte[] arena = new byte[16];
        L2Pool2DKernel.run(p, new Slot[] {Slot.constant(x.array())}, new Slot[] {Slot.arena(0)}, arena, new byte[0]);
        ByteBuffer y = ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals((float) Math.sqrt((1f + 4 + 16 + 25) / 4f), y.getFloat(0));
        assertEquals((float) Math.sqrt((9f + 36) / 2f), y.getFloat(4));
        assertEquals((float) Math.sqrt((49f + 64) / 2f), y.getFloat(8));
        assertEquals(9f, y.getFloat(12));
    }

    @Test
    void activationClampsAndInfinityBecomesFltMax() {
        L2Pool2DParams relu6 = (L2Pool2DParams) new L2Pool2DOp().prepare(
                ctx(TensorType.FLOAT32, new int[] {1, 1, 2, 1}, new int[] {1, 1, 1, 1}, 1, 1, 1, 2, 1, 3)).params();
        assertEquals(6f, relu6.actMax());
        L2Pool2DParams none = (L2Pool2DParams) new L2Pool2DOp().prepare(
                ctx(TensorType.FLOAT32, new int[] {1, 1, 2, 1}, new int[] {1, 1, 1, 1}, 1, 1, 1, 2, 1, 0)).params();
        ByteBuffer x = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(3e38f).putFloat(1f);
        byte[] arena = new byte[4];
        L2Pool2DKernel.run(none, new Slot[] {Slot.constant(x.array())}, new Slot[] {Slot.arena(0)}, arena, new byte[0]);
        assertEquals(Float.MAX_VALUE, ByteBuffer.wrap(arena).order(ByteOrder.LITTLE_ENDIAN).getFloat(0));
    }

    @Test
    void refusals() {
        UnsupportedOperatorException u = assertThrows(UnsupportedOperatorException.class, () -> new L2Pool2DOp()
                .prepare(ctx(TensorType.INT8, new int[] {1, 2, 2, 1}, new int[] {1, 1, 1, 1}, 1, 1, 1, 2, 2, 0)));
        assertTrue(u.getMessage().contains("L2_POOL_2D"), u.getMessage());
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> new L2Pool2DOp()
                .prepare(ctx(TensorType.FLOAT32, new int[] {1, 4, 4, 1}, new int[] {1, 3, 3, 1}, 0, 1, 1, 2, 2, 0)));
        assertTrue(e.getMessage().contains("output"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new L2Pool2DOp()
                .prepare(ctx(TensorType.FLOAT32, new int[] {1, 4, 4, 1}, new int[] {1, 4, 4, 1}, 0, 0, 1, 2, 2, 0)));
        assertTrue(e.getMessage().contains("must all be positive"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new L2Pool2DOp()
                .prepare(ctx(TensorType.FLOAT32, new int[] {1, 4, 4, 1}, new int[] {1, 4, 4, 1}, 0, 1, 1, 2, 2, 9)));
        assertTrue(e.getMessage().contains("activation"), e.getMessage());
        e = assertThrows(ModelFormatException.class, () -> new L2Pool2DOp()
                .prepare(ctx(TensorType.FLOAT32, new int[] {4, 4, 1}, new int[] {4, 4, 1}, 0, 1, 1, 2, 2, 0)));
        assertTrue(e.getMessage().contains("rank 4"), e.getMessage());
    }
}
