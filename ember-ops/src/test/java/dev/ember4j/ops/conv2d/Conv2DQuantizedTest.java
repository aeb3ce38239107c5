/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.conv2d;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class Conv2DQuantizedTest {

    /** The int16 kernel against a direct loop over output positions with int64 sums. */
    @Test
    void int16KernelMatchesDirectLoop() {
        Random r = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            int n = 1 + r.nextInt(2), ih = 1 + r.nextInt(5), iw = 1 + r.nextInt(5), ic = 1 + r.nextInt(3);
            int oc = 1 + r.nextInt(3), fh = 1 + r.nextInt(3), fw = 1 + r.nextInt(3);
            int sh = 1 + r.nextInt(2), sw = 1 + r.nextInt(2), dh = 1 + r.nextInt(2), dw = 1 + r.nextInt(2);
            int pt = r.nextInt(2), pl = r.nextInt(2);
            int oh = 1 + r.nextInt(4), ow = 1 + r.nextInt(4);
            short[] x = new short[n * ih * iw * ic];
            byte[] xb = new byte[2 * x.length];
            ByteBuffer xbuf = ByteBuffer.wrap(xb).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < x.length; i++) {
                x[i] = (short) r.nextInt();
                xbuf.putShort(x[i]);
            }
            byte[] w = new byte[oc * fh * fw * ic];
            r.nextBytes(w);
            long[] bias = new long[oc];
            ByteBuffer bb = ByteBuffer.allocate(8 * oc).order(ByteOrder.LITTLE_ENDIAN);
            int[] mult = new int[oc];
            int[] shift = new int[oc];
            for (int c = 0; c < oc; c++) {
                bias[c] = r.nextInt(2_000_001) - 1_000_000;
                bb.putLong(bias[c]);
                mult[c] = (1 << 30) + r.nextInt(1 << 30);
                shift[c] = -10 - r.nextInt(6);
            }
            Conv2DQuantizedParams p = new Conv2DQuantizedParams(Elem.INT16, n, ih, iw, ic, oh, ow, oc, fh, fw, sh, sw,
                    dh, dw, pt, pl, 0, 0, 0, w, 64, bb.array(), mult, shift, -30000, 32767);
            byte[] arena = new byte[3 + 2 * n * oh * ow * oc];
            Conv2DQuantizedKernel.run(p, new Slot[] {Slot.constant(xb)}, new Slot[] {Slot.arena(3)}, arena, new byte[0]);
            ByteBuffer out = ByteBuffer.wrap(arena, 3, arena.length - 3).order(ByteOrder.LITTLE_ENDIAN);
            for (int b = 0; b < n; b++) {
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        for (int c = 0; c < oc; c++) {
                            long acc = bias[c];
                            for (int ky = 0; ky < fh; ky++) {
                                for (int kx = 0; kx < fw; kx++) {
                                    int iy = y * sh - pt + ky * dh;
                                    int ix = xx * sw - pl + kx * dw;
                                    if (iy >= 0 && iy < ih && ix >= 0 && ix < iw) {
                                        for (int k = 0; k < ic; k++) {
                                            acc += (long) x[((b * ih + iy) * iw + ix) * ic + k]
                                                    * w[((c * fh + ky) * fw + kx) * ic + k];
                                        }
                                    }
                                }
                            }
                            int q = FixedPoint.multiplyByQuantizedMultiplier64(acc, mult[c], shift[c]);
                            q = Math.max(-30000, Math.min(32767, q));
                            assertEquals((short) q, out.getShort(3 + 2 * (((b * oh + y) * ow + xx) * oc + c)));
                        }
                    }
                }
            }
        }
    }

    /** input [1,3,3,2] of {@code type}, weights [2,1,1,2], bias of {@code biasType}, output [1,3,3,2]. */
    private static OpContext ctx(TensorType type, int zeroPoint, TensorType weightType, TensorType biasType) {
        OpFixture f = new OpFixture();
        int in = f.tensor(type, 0.01f, zeroPoint, 1, 3, 3, 2);
        Quantization wq = new Quantization(new float[] {0.02f}, new long[] {weightType == TensorType.UINT8 ? 128 : 0}, 0);
        int w = f.constant(weightType, wq, new byte[4], 2, 1, 1, 2);
        int bt = f.constant(biasType, new Quantization(new float[] {0.0002f}, new long[] {0}, 0),
                new byte[2 * (biasType == TensorType.INT64 ? 8 : 4)], 2);
        int out = f.tensor(type, 0.05f, zeroPoint, 1, 3, 3, 2);
        return f.context(BuiltinOperator.CONV_2D, new int[] {in, w, bt}, new int[] {out}, 1,
                OpFixture.options(0, 1, 1, 1));
    }

    @Test
    void prepareDispatchesOnTheInputType() {
        Prepared p16 = new Conv2DOp().prepare(ctx(TensorType.INT16, 0, TensorType.INT8, TensorType.INT64));
        assertSame(dev.ember4j.ops.conv2d.Conv2DQuantizedKernel.KERNEL, p16.kernel());
        Conv2DQuantizedParams q = (Conv2DQuantizedParams) p16.params();
        assertEquals(64, q.biasBits());
        assertEquals(0, q.activationMin()); // RELU
        assertEquals(32767, q.activationMax());
        Prepared p8 = new Conv2DOp().prepare(ctx(TensorType.UINT8, 7, TensorType.UINT8, TensorType.INT32));
        Conv2DQuantizedParams u = (Conv2DQuantizedParams) p8.params();
        assertEquals(-7, u.inputOffset());
        assertEquals(-128, u.filterOffset());
        assertEquals(7, u.activationMin());
        assertEquals(255, u.activationMax());
    }

    @Test
    void refusals() {
        Conv2DOp op = new Conv2DOp();
        // int16 with a zero point: TFLite's 16x8 kernel would ignore it
        assertThrows(UnsupportedOperatorException.class,
                () -> op.prepare(ctx(TensorType.INT16, 3, TensorType.INT8, TensorType.INT64)));
        // uint8 with an int64 bias
        assertThrows(UnsupportedOperatorException.class,
                () -> op.prepare(ctx(TensorType.UINT8, 3, TensorType.UINT8, TensorType.INT64)));
        // int16 activations with uint8 weights
        assertThrows(UnsupportedOperatorException.class,
                () -> op.prepare(ctx(TensorType.INT16, 0, TensorType.UINT8, TensorType.INT64)));
    }
}
