/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

/**
 * Multiply-accumulate over int rows, written so that HotSpot C2 compiles the loops to SIMD
 * instructions: plain counted loops over int[] in which every array is indexed by the same {@code j}.
 * (JDK 17's auto-vectorizer gives up when int arrays in one loop are indexed with different
 * offsets, and it does not vectorize byte-to-int conversion, so rows are widened to int beforehand.)
 * Several terms share one pass to save loads and stores of {@code acc}, as many as still vectorize
 * (measured on JDK 17: four scaled rows or three products do, four products do not). Rows are chosen by index
 * ({@code pick}) rather than by storing references, which would cost a GC write barrier each.
 */
public final class IntRows {
    private IntRows() {}

    /** acc[j] += sum over i &lt; count of coef[i] * rows[pick[i]][j], for j &lt; n. */
    public static void addScaled(int[] acc, int n, int[][] rows, int[] pick, int[] coef, int count) {
        int i = 0;
        for (; i + 4 <= count; i += 4) {
            addScaled4(acc, n, coef[i], rows[pick[i]], coef[i + 1], rows[pick[i + 1]],
                    coef[i + 2], rows[pick[i + 2]], coef[i + 3], rows[pick[i + 3]]);
        }
        switch (count - i) {
            case 3 -> addScaled3(acc, n, coef[i], rows[pick[i]], coef[i + 1], rows[pick[i + 1]],
                    coef[i + 2], rows[pick[i + 2]]);
            case 2 -> addScaled2(acc, n, coef[i], rows[pick[i]], coef[i + 1], rows[pick[i + 1]]);
            case 1 -> addScaled1(acc, n, coef[i], rows[pick[i]]);
            default -> { }
        }
    }

    /** acc[j] += sum over i &lt; count of a[aPick[i]][j] * b[bPick[i]][j], for j &lt; n. */
    public static void addProducts(int[] acc, int n, int[][] a, int[] aPick, int[][] b, int[] bPick, int count) {
        int i = 0;
        // Three terms per pass at most (more does not vectorize); four left are two passes of two, not 3 + 1.
        for (; count - i >= 3 && count - i != 4; i += 3) {
            addProducts3(acc, n, a[aPick[i]], b[bPick[i]], a[aPick[i + 1]], b[bPick[i + 1]],
                    a[aPick[i + 2]], b[bPick[i + 2]]);
        }
        for (; count - i >= 2; i += 2) {
            addProducts2(acc, n, a[aPick[i]], b[bPick[i]], a[aPick[i + 1]], b[bPick[i + 1]]);
        }
        if (i < count) {
            addProducts1(acc, n, a[aPick[i]], b[bPick[i]]);
        }
    }

    private static void addScaled4(int[] acc, int n, int c0, int[] r0, int c1, int[] r1,
                                   int c2, int[] r2, int c3, int[] r3) {
        for (int j = 0; j < n; j++) {
            acc[j] += c0 * r0[j] + c1 * r1[j] + c2 * r2[j] + c3 * r3[j];
        }
    }

    private static void addScaled3(int[] acc, int n, int c0, int[] r0, int c1, int[] r1,
                                   int c2, int[] r2) {
        for (int j = 0; j < n; j++) {
            acc[j] += c0 * r0[j] + c1 * r1[j] + c2 * r2[j];
        }
    }

    private static void addScaled2(int[] acc, int n, int c0, int[] r0, int c1, int[] r1) {
        for (int j = 0; j < n; j++) {
            acc[j] += c0 * r0[j] + c1 * r1[j];
        }
    }

    private static void addScaled1(int[] acc, int n, int c0, int[] r0) {
        for (int j = 0; j < n; j++) {
            acc[j] += c0 * r0[j];
        }
    }

    private static void addProducts3(int[] acc, int n, int[] a0, int[] b0, int[] a1, int[] b1,
                                     int[] a2, int[] b2) {
        for (int j = 0; j < n; j++) {
            acc[j] += a0[j] * b0[j] + a1[j] * b1[j] + a2[j] * b2[j];
        }
    }

    private static void addProducts2(int[] acc, int n, int[] a0, int[] b0, int[] a1, int[] b1) {
        for (int j = 0; j < n; j++) {
            acc[j] += a0[j] * b0[j] + a1[j] * b1[j];
        }
    }

    private static void addProducts1(int[] acc, int n, int[] a0, int[] b0) {
        for (int j = 0; j < n; j++) {
            acc[j] += a0[j] * b0[j];
        }
    }
}
