/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.add;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.common.ImageRows;
import java.util.Objects;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * ADD, int8, with broadcasting, as TFLite's reference_integer_ops::Add / BroadcastAdd6DSlow: both
 * inputs are shifted left, rescaled to a common scale, summed and requantized to the output.
 */
public final class AddKernel {
    private AddKernel() {}

    /** The reference kernel of int8 ADD; an element-wise one splits by elements for threads. */
    public static final OpKernel<AddParams> KERNEL = new Reference();

    private static final class Reference implements OpKernel<AddParams>, RowSplit<AddParams> {
        @Override
        public void run(AddParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
            byte[] input1 = in[0].array(arena);
            byte[] input2 = in[1].array(arena);
            byte[] output = out[0].array(arena);
            Objects.checkFromIndexSize(in[0].start(), p.input1Size(), input1.length);
            Objects.checkFromIndexSize(in[1].start(), p.input2Size(), input2.length);
            Objects.checkFromIndexSize(out[0].start(), p.size(), output.length);
            add(p, input1, in[0].start(), input2, in[1].start(), output, out[0].start());
        }

        /** Elements of an element-wise operator; 0 (whole runs only) with broadcasting. */
        @Override
        public int rows(AddParams p) {
            return p.elementwise() ? p.size() : 0;
        }

        @Override
        public void runRows(AddParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
            byte[] input1 = in[0].array(arena);
            byte[] input2 = in[1].array(arena);
            byte[] output = out[0].array(arena);
            ImageRows.check(input1, in[0].start(), p.size(), output, out[0].start(), p.size(), from, to, rows(p));
            Objects.checkFromIndexSize(in[1].start(), p.size(), input2.length);
            addElements(p, input1, in[0].start(), input2, in[1].start(), output, out[0].start(), from, to);
        }
    }

    static void add(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                    byte[] output, int outputOffset) {
        if (p.elementwise()) {
            addRow(p, input1, input1Offset, 1, input2, input2Offset, 1, output, outputOffset, p.size());
            return;
        }
        final int[] shape = p.outputShape();
        final int[] s1 = p.input1Strides();
        final int[] s2 = p.input2Strides();
        // Walk the five outer dimensions; the innermost one is a strided row.
        final int n0 = shape[0], n1 = shape[1], n2 = shape[2], n3 = shape[3], n4 = shape[4], n5 = shape[5];
        int out = outputOffset;
        for (int i0 = 0; i0 < n0; i0++) {
            final int a0 = input1Offset + i0 * s1[0];
            final int b0 = input2Offset + i0 * s2[0];
            for (int i1 = 0; i1 < n1; i1++) {
                final int a1 = a0 + i1 * s1[1];
                final int b1 = b0 + i1 * s2[1];
                for (int i2 = 0; i2 < n2; i2++) {
                    final int a2 = a1 + i2 * s1[2];
                    final int b2 = b1 + i2 * s2[2];
                    for (int i3 = 0; i3 < n3; i3++) {
                        final int a3 = a2 + i3 * s1[3];
                        final int b3 = b2 + i3 * s2[3];
                        for (int i4 = 0; i4 < n4; i4++) {
                            final int a4 = a3 + i4 * s1[4];
                            final int b4 = b3 + i4 * s2[4];
                            addRow(p, input1, a4, s1[5], input2, b4, s2[5], output, out, n5);
                            out += n5;
                        }
                    }
                }
            }
        }
    }

    /** Elements [from, to) of an element-wise ADD (a part of a multi-threaded run). */
    static void addElements(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                            byte[] output, int outputOffset, int from, int to) {
        addRow(p, input1, input1Offset + from, 1, input2, input2Offset + from, 1, output, outputOffset + from,
                to - from);
    }

    /** Adds {@code n} elements read with the given strides and writes them densely. */
    private static void addRow(AddParams p, byte[] input1, int in1, int stride1, byte[] input2, int in2, int stride2,
                               byte[] output, int out, int n) {
        final int offset1 = p.input1Offset();
        final int offset2 = p.input2Offset();
        final int leftShiftFactor = 1 << p.leftShift();
        final int multiplier1 = p.input1Multiplier();
        final int shift1 = p.input1Shift();
        final int multiplier2 = p.input2Multiplier();
        final int shift2 = p.input2Shift();
        final int outputMultiplier = p.outputMultiplier();
        final int outputShift = p.outputShift();
        final int outputZeroOffset = p.outputOffset();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        for (int i = 0; i < n; i++) {
            final int a = (offset1 + input1[in1 + i * stride1]) * leftShiftFactor;
            final int b = (offset2 + input2[in2 + i * stride2]) * leftShiftFactor;
            final int scaledA = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(a, multiplier1, shift1);
            final int scaledB = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(b, multiplier2, shift2);
            final int raw = FixedPoint.multiplyByQuantizedMultiplierSmallerThanOneExp(
                    scaledA + scaledB, outputMultiplier, outputShift) + outputZeroOffset;
            output[out + i] = (byte) Math.min(Math.max(raw, activationMin), activationMax);
        }
    }
}
