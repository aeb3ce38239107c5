/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.unidirectionalsequencelstm;

import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.common.Le;
import dev.ember4j.ops.common.InvSqrt;

/**
 * The integer tensor_utils TFLite's 8x8_16 LSTM step calls (reference/portable_tensor_utils.cc), on
 * little-endian byte arrays: an array plus the byte offset of element 0. int16 vectors are
 * {@code n_batch * n} elements, row-major.
 */
final class LstmTensorUtils {
    private LstmTensorUtils() {}

    /**
     * PortableMatrixBatchVectorMultiplyAccumulate into int16: for every batch and row, bias + input . row
     * (int32, wrapping), requantized, plus the output's current value, saturated to int16.
     */
    static void matMulAccumulate16(byte[] x, int xs, byte[] w, int ws, int[] bias, int biasStart, int multiplier,
                                   int shift, int nBatch, int nInput, int nRows, byte[] out, int os) {
        for (int b = 0; b < nBatch; b++) {
            int xb = xs + b * nInput;
            for (int r = 0; r < nRows; r++) {
                int acc = bias[biasStart + r];
                int wr = ws + r * nInput;
                for (int c = 0; c < nInput; c++) {
                    acc += x[xb + c] * w[wr + c];
                }
                int at = os + 2 * (b * nRows + r);
                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + Le.i16(out, at);
                Le.i16(out, at, (short) Math.min(32767, Math.max(-32768, acc)));
            }
        }
    }

    /**
     * The same into int8 (the projection): bias + input . row requantized, plus the zero point and the
     * output's current value, saturated to int8.
     */
    static void matMulAccumulate8(byte[] x, int xs, byte[] w, int ws, int[] bias, int multiplier, int shift,
                                  int nBatch, int nInput, int nRows, int outputZeroPoint, byte[] out, int os) {
        for (int b = 0; b < nBatch; b++) {
            int xb = xs + b * nInput;
            for (int r = 0; r < nRows; r++) {
                int acc = bias[r];
                int wr = ws + r * nInput;
                for (int c = 0; c < nInput; c++) {
                    acc += x[xb + c] * w[wr + c];
                }
                int at = os + b * nRows + r;
                acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier, shift) + outputZeroPoint + out[at];
                out[at] = (byte) Math.min(127, Math.max(-128, acc));
            }
        }
    }

    /**
     * PortableVectorBatchVectorCwiseProductAccumulate (the peephole): result[k] += requantized
     * vector[k % vSize] * batchVector[k] over {@code nBatch * vSize} consecutive int16 elements, saturated.
     */
    static void vectorBatchProductAccumulate(byte[] v, int vs, int vSize, byte[] batch, int bs, int nBatch,
                                             int multiplier, int shift, byte[] result, int rs) {
        for (int k = 0; k < nBatch * vSize; k++) {
            int prod = Le.i16(v, vs + 2 * (k % vSize)) * Le.i16(batch, bs + 2 * k);
            prod = FixedPoint.multiplyByQuantizedMultiplier(prod, multiplier, shift);
            int sum = prod + Le.i16(result, rs + 2 * k);
            Le.i16(result, rs + 2 * k, (short) Math.max(Math.min(32767, sum), -32768));
        }
    }

    /**
     * PortableApplyLayerNorm, in place: mean and variance of each row in 64-bit integers (scaled by
     * 2^10 and 2^20), an inverse square root multiplier, then weights, bias and the layer norm scale.
     */
    static void layerNorm(byte[] io, int start, byte[] weights, int wStart, int[] bias, int biasStart,
                          int multiplier, int shift, int varianceLimit, int nBatch, int n) {
        final int twoToPower20 = 1 << 20;
        for (int b = 0; b < nBatch; b++) {
            int row = start + 2 * b * n;
            long sum = 0;
            long sumSq = 0;
            for (int j = 0; j < n; j++) {
                int v = Le.i16(io, row + 2 * j);
                sum += v;
                sumSq += v * v;
            }
            int mean = (int) (sum * 1024 / n);
            int temp = twoToPower20 / n;
            long variance = sumSq * temp - (long) mean * (long) mean;
            int variance2 = (int) (variance / twoToPower20);
            if (variance2 < 1) {
                variance2 = varianceLimit;
            }
            long inv = InvSqrt.packed(variance2);
            int invMultiplier = (int) (inv >> 32);
            int invShift = (int) inv;
            for (int j = 0; j < n; j++) {
                int v = Le.i16(io, row + 2 * j);
                int shifted = 1024 * v - mean;
                int rescaled = FixedPoint.multiplyByQuantizedMultiplier(shifted, invMultiplier, invShift);
                // int32 product and sum (wrapping, as the C++), widened afterwards
                long val3 = rescaled * Le.i16(weights, wStart + 2 * j) + bias[biasStart + j];
                int val4 = (int) ((val3 > 0 ? val3 + 512 : val3 - 512) / 1024);
                int val5 = FixedPoint.multiplyByQuantizedMultiplier(val4, multiplier, shift + 12);
                Le.i16(io, row + 2 * j, (short) Math.min(Math.max(-32768, val5), 32767));
            }
        }
    }

    /** PortableApplySigmoid in place: gemmlowp logistic of Q3.12 to Q0.15. */
    static void sigmoid(byte[] io, int start, int count) {
        for (int k = 0; k < count; k++) {
            int at = start + 2 * k;
            Le.i16(io, at, (short) Int16FixedPoint.logistic(Le.i16(io, at), 3));
        }
    }

    /** PortableApplyTanh: gemmlowp tanh of Q{integerBits} to Q0.15, from {@code in} to {@code out}. */
    static void tanh(int integerBits, byte[] in, int is, int count, byte[] out, int os) {
        for (int k = 0; k < count; k++) {
            Le.i16(out, os + 2 * k, (short) Int16FixedPoint.tanh(Le.i16(in, is + 2 * k), integerBits));
        }
    }

    /** PortableCwiseMul to int16: a * b rounded right by {@code shift}, truncated to 16 bits. */
    static void cwiseMul(byte[] a, int as, byte[] b, int bs, int count, int shift, byte[] out, int os) {
        for (int k = 0; k < count; k++) {
            int v = Le.i16(a, as + 2 * k) * Le.i16(b, bs + 2 * k);
            Le.i16(out, os + 2 * k, (short) FixedPoint.roundingDivideByPOT(v, shift));
        }
    }

    /** PortableCwiseMul to int8: a * b requantized, plus the zero point, saturated. */
    static void cwiseMul8(byte[] a, int as, byte[] b, int bs, int count, int multiplier, int shift, int zeroPoint,
                          byte[] out, int os) {
        for (int k = 0; k < count; k++) {
            int v = Le.i16(a, as + 2 * k) * Le.i16(b, bs + 2 * k);
            v = FixedPoint.multiplyByQuantizedMultiplier(v, multiplier, shift) + zeroPoint;
            out[os + k] = (byte) Math.min(Math.max(-128, v), 127);
        }
    }

    /** PortableCwiseAdd: saturating int16 sum, into {@code a}. */
    static void cwiseAdd(byte[] a, int as, byte[] b, int bs, int count) {
        for (int k = 0; k < count; k++) {
            int sum = Le.i16(a, as + 2 * k) + Le.i16(b, bs + 2 * k);
            Le.i16(a, as + 2 * k, (short) Math.min(32767, Math.max(-32768, sum)));
        }
    }

    /** PortableSub1Vector on int16: 32767 - v, in place. */
    static void sub1(byte[] io, int start, int count) {
        for (int k = 0; k < count; k++) {
            Le.i16(io, start + 2 * k, (short) (32767 - Le.i16(io, start + 2 * k)));
        }
    }

    /** PortableCwiseClipping on int16: clamp to [-clip, clip]. */
    static void clip16(byte[] io, int start, int count, int clip) {
        for (int k = 0; k < count; k++) {
            int v = Le.i16(io, start + 2 * k);
            Le.i16(io, start + 2 * k, (short) Math.max(Math.min(clip, v), -clip));
        }
    }

    /** PortableCwiseClipping on int8. */
    static void clip8(byte[] io, int start, int count, int clip) {
        for (int k = 0; k < count; k++) {
            io[start + k] = (byte) Math.max(Math.min(clip, io[start + k]), -clip);
        }
    }
}
