/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.transposeconv;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OpFixture;
import dev.ember4j.tflite.prepare.Prepared;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransposeConvTest {

    @Test
    void paddingFollowsTheConvolutionOfTheOutput() {
        assertEquals(0, TransposeConvOp.pad(TransposeConvOp.SAME, 8, 3, 2)); // out 4, total 1
        assertEquals(0, TransposeConvOp.pad(TransposeConvOp.VALID, 9, 3, 2));
        assertEquals(1, TransposeConvOp.pad(TransposeConvOp.SAME, 5, 3, 1));
        assertEquals(1, TransposeConvOp.pad(TransposeConvOp.SAME, 5, 4, 2)); // out 3, total 3
    }

    @Test
    void kernelMatchesGatherReference() {
        Random r = new Random(3);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + r.nextInt(2);
            int ih = 1 + r.nextInt(4);
            int iw = 1 + r.nextInt(4);
            int ic = 1 + r.nextInt(3);
            int oc = 1 + r.nextInt(3);
            int fh = 1 + r.nextInt(4);
            int fw = 1 + r.nextInt(4);
            int sh = 1 + r.nextInt(3);
            int sw = 1 + r.nextInt(3);
            int oh = 1 + r.nextInt(9);
            int ow = 1 + r.nextInt(9);
            int ph = r.nextInt(3);
            int pw = r.nextInt(3);
            byte[] x = new byte[n * ih * iw * ic];
            byte[] w = new byte[oc * fh * fw * ic];
            r.nextBytes(x);
            r.nextBytes(w);
            boolean hasBias = r.nextBoolean();
            int[] bias = new int[hasBias ? oc : 0];
            int[] mult = new int[oc];
            int[] shift = new int[oc];
            for (int c = 0; c < oc; c++) {
                if (hasBias) {
                    bias[c] = r.nextInt(20001) - 10000;
                }
                mult[c] = (1 << 30) + r.nextInt(1 << 30);
                shift[c] = -8 - r.nextInt(4);
            }
            int inOff = r.nextInt(256) - 128;
            int outOff = r.nextInt(256) - 128;
            int actMin = -128 + r.nextInt(20);
            TransposeConvParams p = new TransposeConvParams(n, ih, iw, ic, oh, ow, oc, fh, fw, sh, sw, ph, pw, inOff,
                    outOff, w, hasBias, bias, mult, shift, actMin, 127);
            byte[] arena = new byte[5 + n * oh * ow * oc];
            byte[] scratch = new byte[p.scratchBytes() + 8];
            java.util.Arrays.fill(scratch, (byte) 0x5a); // stale data must not leak into the sums
            TransposeConvKernel.run(p, new Slot[] {Slot.constant(x)}, new Slot[] {Slot.arena(5)}, arena, scratch);
            for (int b = 0; b < n; b++) {
                for (int y = 0; y < oh; y++) {
                    for (int xx = 0; xx < ow; xx++) {
                        for (int c = 0; c < oc; c++) {
                            // gather: input (iy, ix) and tap (fy, fx) reach (y, xx) when iy*sh - ph + fy == y
                            int acc = 0;
                            for (int iy = 0; iy < ih; iy++) {
                                for (int ix = 0; ix < iw; ix++) {
                                    int fy = y + ph - iy * sh;
                                    int fx = xx + pw - ix * sw;
                                    if (fy < 0 || fy >= fh || fx < 0 || fx >= fw) {
                                        continue;
                                    }
                                    for (int k = 0; k < ic; k++) {
                                        acc += (x[((b * ih + iy) * iw + ix) * ic + k] + inOff)
                                                * w[((c * fh + fy) * fw + fx) * ic + k];
                                    }
                                }
                            }
                            if (hasBias) {
                                acc += bias[c];
                            }
                            int q = FixedPoint.multiplyByQuantizedMultiplier(acc, mult[c], shift[c]) + outOff;
                            q = Math.max(actMin, Math.min(127, q));
                            assertEquals((byte) q, arena[5 + ((b * oh + y) * ow + xx) * oc + c]);
                        }
                    }
                }
            }
        }
    }

    /** output_shape, OHWI weights [2,3,3,2] per-channel, input [1,2,2,2], optional bias, output. */
    private static OpContext ctx(int[] outShape, int[] declaredOut, boolean bias, long weightZp, Integer... opts) {
        OpFixture f = new OpFixture();
        int shape = f.int32Constant(outShape, outShape.length);
        Quantization wq = new Quantization(new float[] {0.02f, 0.03f}, new long[] {weightZp, 0}, 0);
        int w = f.constant(TensorType.INT8, wq, new byte[2 * 3 * 3 * 2], 2, 3, 3, 2);
        int in = f.tensor(TensorType.INT8, 0.1f, -3, 1, 2, 2, 2);
        int out = f.tensor(TensorType.INT8, 0.05f, 4, declaredOut);
        int[] inputs = {shape, w, in};
        if (bias) {
            int bt = f.int32Constant(new int[] {100, -100}, 2);
            inputs = new int[] {shape, w, in, bt};
        }
        return f.context(BuiltinOperator.TRANSPOSE_CONV, inputs, new int[] {out}, 49, OpFixture.options(opts));
    }

    @Test
    void prepareReadsOptionsAndQuantization() {
        int[] os = {1, 4, 4, 2};
        Prepared p = new TransposeConvOp().prepare(ctx(os, os, true, 0, 0, 2, 2, 1));
        TransposeConvParams tp = (TransposeConvParams) p.params();
        assertArrayEquals(new int[] {2}, p.dataInputs());
        assertEquals(2, tp.strideHeight());
        assertEquals(0, tp.padHeight()); // SAME: out 2, total (2-1)*2 + 3 - 4 = 1 -> 0 before
        assertEquals(3, tp.inputOffset());
        assertEquals(4, tp.outputOffset());
        assertEquals(4, tp.activationMin()); // RELU clamps at the zero point
        assertArrayEquals(new int[] {100, -100}, tp.bias());
        assertEquals(4 * 32, tp.scratchBytes());
        assertTrue(tp.multiplier()[0] != tp.multiplier()[1]);
    }

    @Test
    void refusals() {
        int[] os = {1, 4, 4, 2};
        TransposeConvOp op = new TransposeConvOp();
        // no options: strides default to 0
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(os, os, false, 0)));
        // output depth differs from the weights' output channels
        assertThrows(ModelFormatException.class,
                () -> op.prepare(ctx(new int[] {1, 4, 4, 3}, new int[] {1, 4, 4, 3}, false, 0, 0, 2, 2)));
        // declared output shape differs from output_shape
        assertThrows(ModelFormatException.class,
                () -> op.prepare(ctx(os, new int[] {1, 5, 4, 2}, false, 0, 0, 2, 2)));
        // asymmetric weights
        assertThrows(UnsupportedOperatorException.class, () -> op.prepare(ctx(os, os, false, 1, 0, 2, 2)));
        // unknown padding
        assertThrows(ModelFormatException.class, () -> op.prepare(ctx(os, os, false, 0, 7, 2, 2)));
    }
}
