/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.copy;

/**
 * A copy of a six-dimensional box of elements between two byte arrays, both addressed by byte steps per
 * axis: the byte-moving core of TRANSPOSE, STRIDED_SLICE, SLICE and PAD. Plans are built once in
 * prepare ({@link #plan}); {@link #run} allocates nothing.
 *
 * <p>A plan is {@code int[1 + 3 * RANK]}: the element width in bytes, then the counts, the source byte
 * steps and the destination byte steps of the six axes (outermost first). Axes are merged where both
 * sides are contiguous so that the innermost axis is as long as possible.
 */
public final class StridedCopy {
    private StridedCopy() {}

    public static final int RANK = 6;

    /**
     * A plan for {@code counts.length <= 6} axes with element steps (not bytes) on each side.
     *
     * @throws IllegalArgumentException more than six axes, a negative count or an element width other
     *                                  than 1, 2, 4 or 8
     */
    public static int[] plan(int elemBytes, int[] counts, int[] srcSteps, int[] dstSteps) {
        return plan(elemBytes, counts, srcSteps, dstSteps, true);
    }

    /**
     * {@link #plan(int, int[], int[], int[])} keeping the axes in the given order, so that a run visits
     * the destination in increasing order when its steps decrease along the axes (PAD fills the gaps
     * between the runs as it goes).
     */
    public static int[] planInOrder(int elemBytes, int[] counts, int[] srcSteps, int[] dstSteps) {
        return plan(elemBytes, counts, srcSteps, dstSteps, false);
    }

    private static int[] plan(int elemBytes, int[] counts, int[] srcSteps, int[] dstSteps, boolean reorder) {
        if (elemBytes != 1 && elemBytes != 2 && elemBytes != 4 && elemBytes != 8) {
            throw new IllegalArgumentException("element width " + elemBytes);
        }
        if (counts.length > RANK || srcSteps.length != counts.length || dstSteps.length != counts.length) {
            throw new IllegalArgumentException("rank " + counts.length);
        }
        // Drop axes of one element, then merge an axis into its inner neighbour when both sides are
        // contiguous across it.
        int n = 0;
        int[] c = new int[counts.length];
        int[] s = new int[counts.length];
        int[] d = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("count " + counts[i]);
            }
            if (counts[i] == 0) { // nothing to copy
                c[0] = 0;
                s[0] = 0;
                d[0] = 0;
                n = 1;
                break;
            }
            if (counts[i] == 1) {
                continue;
            }
            c[n] = counts[i];
            s[n] = srcSteps[i];
            d[n] = dstSteps[i];
            n++;
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (m > 0 && s[m - 1] == (long) s[i] * c[i] && d[m - 1] == (long) d[i] * c[i]) {
                c[m - 1] *= c[i];
                s[m - 1] = s[i];
                d[m - 1] = d[i];
            } else {
                c[m] = c[i];
                s[m] = s[i];
                d[m] = d[i];
                m++;
            }
        }
        // A short innermost axis (a transposition to channels-last: 3 channels 50176 elements apart)
        // makes the inner loop all overhead: run the longest axis innermost instead. Any order copies
        // the same elements, as source and destination never overlap.
        if (reorder && m >= 2 && c[m - 1] < 16) {
            int k = 0;
            for (int i = 1; i < m - 1; i++) {
                if (c[i] > c[k]) {
                    k = i;
                }
            }
            if (c[k] > c[m - 1]) {
                int ck = c[k], sk = s[k], dk = d[k];
                for (int i = k; i < m - 1; i++) {
                    c[i] = c[i + 1];
                    s[i] = s[i + 1];
                    d[i] = d[i + 1];
                }
                c[m - 1] = ck;
                s[m - 1] = sk;
                d[m - 1] = dk;
            }
        }
        int[] plan = new int[1 + 3 * RANK];
        plan[0] = elemBytes;
        int pad = RANK - m;
        for (int i = 0; i < RANK; i++) {
            boolean real = i >= pad;
            plan[1 + i] = real ? c[i - pad] : 1;
            plan[1 + RANK + i] = real ? s[i - pad] * elemBytes : 0;
            plan[1 + 2 * RANK + i] = real ? d[i - pad] * elemBytes : 0;
        }
        return plan;
    }

    /** Row-major element strides of a shape. */
    public static int[] rowMajorStrides(int[] shape) {
        int[] strides = new int[shape.length];
        int s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            strides[i] = s;
            s *= shape[i];
        }
        return strides;
    }

    /** Copies the box: source bytes from {@code srcPos}, destination bytes from {@code dstPos}. */
    public static void run(int[] plan, byte[] src, int srcPos, byte[] dst, int dstPos) {
        final int w = plan[0];
        final int c0 = plan[1], c1 = plan[2], c2 = plan[3], c3 = plan[4], c4 = plan[5], c5 = plan[6];
        final int s0 = plan[7], s1 = plan[8], s2 = plan[9], s3 = plan[10], s4 = plan[11], s5 = plan[12];
        final int d0 = plan[13], d1 = plan[14], d2 = plan[15], d3 = plan[16], d4 = plan[17], d5 = plan[18];
        final boolean contiguous = s5 == w && d5 == w;
        final int innerBytes = c5 * w;
        for (int i0 = 0, a0 = srcPos, b0 = dstPos; i0 < c0; i0++, a0 += s0, b0 += d0) {
            for (int i1 = 0, a1 = a0, b1 = b0; i1 < c1; i1++, a1 += s1, b1 += d1) {
                for (int i2 = 0, a2 = a1, b2 = b1; i2 < c2; i2++, a2 += s2, b2 += d2) {
                    for (int i3 = 0, a3 = a2, b3 = b2; i3 < c3; i3++, a3 += s3, b3 += d3) {
                        for (int i4 = 0, a4 = a3, b4 = b3; i4 < c4; i4++, a4 += s4, b4 += d4) {
                            if (contiguous) {
                                System.arraycopy(src, a4, dst, b4, innerBytes);
                            } else if (w == 1) {
                                for (int i5 = 0, a = a4, b = b4; i5 < c5; i5++, a += s5, b += d5) {
                                    dst[b] = src[a];
                                }
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
