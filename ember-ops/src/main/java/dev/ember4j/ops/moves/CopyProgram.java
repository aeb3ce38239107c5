/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.moves;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.StridedCopy;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of strided box copies between an operator's inputs and outputs, built once in prepare: the
 * byte-moving core of SPLIT, SPLIT_V, PACK, UNPACK, BROADCAST_TO, DEPTH_TO_SPACE, SPACE_TO_DEPTH,
 * BATCH_TO_SPACE_ND, SPACE_TO_BATCH_ND and MIRROR_PAD.
 *
 * <p>A program is an {@code int[]} of {@link #ENTRY}-int entries: kernel input position, output
 * position, source byte offset, destination byte offset, then a {@link StridedCopy} plan (steps may be
 * negative). {@link #run} allocates nothing.
 */
public final class CopyProgram {
    private CopyProgram() {}

    private static final int PLAN = 1 + 3 * StridedCopy.RANK;
    public static final int ENTRY = 4 + PLAN;

    /** Collects entries; boxes with a zero count are dropped. */
    public static final class Builder {
        private final List<int[]> entries = new ArrayList<>();

        /** Copies a box of {@code counts} elements; offsets and steps in elements. */
        public Builder add(int input, int output, int elemBytes, long srcOffset, long dstOffset, int[] counts,
                           int[] srcSteps, int[] dstSteps) {
            for (int c : counts) {
                if (c == 0) {
                    return this;
                }
            }
            int[] plan = StridedCopy.plan(elemBytes, counts, srcSteps, dstSteps);
            int[] e = new int[ENTRY];
            e[0] = input;
            e[1] = output;
            e[2] = Math.toIntExact(srcOffset * elemBytes);
            e[3] = Math.toIntExact(dstOffset * elemBytes);
            System.arraycopy(plan, 0, e, 4, PLAN);
            entries.add(e);
            return this;
        }

        public int[] build() {
            int[] p = new int[entries.size() * ENTRY];
            for (int i = 0; i < entries.size(); i++) {
                System.arraycopy(entries.get(i), 0, p, i * ENTRY, ENTRY);
            }
            return p;
        }
    }

    public static void run(int[] program, Slot[] in, Slot[] out, byte[] arena) {
        for (int e = 0; e < program.length; e += ENTRY) {
            Slot s = in[program[e]];
            Slot d = out[program[e + 1]];
            copy(program, e + 4, s.array(arena), s.start() + program[e + 2], d.array(arena), d.start() + program[e + 3]);
        }
    }

    /** One box: the plan at {@code at} in {@code program}. */
    static void copy(int[] q, int at, byte[] src, int srcPos, byte[] dst, int dstPos) {
        final int w = q[at];
        final int c0 = q[at + 1], c1 = q[at + 2], c2 = q[at + 3], c3 = q[at + 4], c4 = q[at + 5], c5 = q[at + 6];
        final int s0 = q[at + 7], s1 = q[at + 8], s2 = q[at + 9], s3 = q[at + 10], s4 = q[at + 11], s5 = q[at + 12];
        final int d0 = q[at + 13], d1 = q[at + 14], d2 = q[at + 15], d3 = q[at + 16], d4 = q[at + 17], d5 = q[at + 18];
        final boolean contiguous = s5 == w && d5 == w;
        final int innerBytes = c5 * w;
        for (int i0 = 0, a0 = srcPos, b0 = dstPos; i0 < c0; i0++, a0 += s0, b0 += d0) {
            for (int i1 = 0, a1 = a0, b1 = b0; i1 < c1; i1++, a1 += s1, b1 += d1) {
                for (int i2 = 0, a2 = a1, b2 = b1; i2 < c2; i2++, a2 += s2, b2 += d2) {
                    for (int i3 = 0, a3 = a2, b3 = b2; i3 < c3; i3++, a3 += s3, b3 += d3) {
                        for (int i4 = 0, a4 = a3, b4 = b3; i4 < c4; i4++, a4 += s4, b4 += d4) {
                            if (contiguous) {
                                System.arraycopy(src, a4, dst, b4, innerBytes);
                            } else {
                                for (int i5 = 0, a = a4, b = b4; i5 < c5; i5++, a += s5, b += d5) {
                                    for (int k = 0; k < w; k++) {
                                        dst[b + k] = src[a + k];
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
