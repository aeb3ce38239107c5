package dev.ember4j.ops.l2normalization;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;

/**
 * Reference int8 L2_NORMALIZATION (TFLite's reference_integer_ops::L2Normalization): the sum of squares
 * of a row gives a fixed-point 1/sqrt multiplier (GetInvSqrtQuantizedMultiplierExp, a Newton-Raphson
 * iteration in gemmlowp Q3.28), which scales every value of the row to Q0.7.
 */
public final class L2NormalizationKernel {
    private L2NormalizationKernel() {}

    private static final int OUTPUT_SCALE_BITS = 7;

    public static void run(L2NormalizationParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        byte[] y = out[0].array(arena);
        int xs = in[0].start();
        int ys = out[0].start();
        int depth = p.depth();
        int zp = p.inputZeroPoint();
        for (int r = 0; r < p.outer(); r++) {
            int start = r * depth;
            int acc = 0;
            for (int i = 0; i < depth; i++) {
                int v = x[xs + start + i] - zp;
                acc += v * v;
            }
            long ms = invSqrt(acc);
            int multiplier = (int) (ms >> 32);
            int shift = (int) ms;
            for (int i = 0; i < depth; i++) {
                int v = x[xs + start + i] - zp;
                int q = FixedPoint.multiplyByQuantizedMultiplier(v, multiplier, shift + OUTPUT_SCALE_BITS);
                y[ys + start + i] = (byte) Math.max(-128, Math.min(127, q));
            }
        }
    }

    /**
     * TFLite's GetInvSqrtQuantizedMultiplierExp with reverse_shift -1: returns the multiplier in the high
     * 32 bits and the (left) shift in the low 32 bits.
     */
    static long invSqrt(int input) {
        if (input <= 1) {
            return pack(Integer.MAX_VALUE, 0);
        }
        int shift = 11;
        while (input >= (1 << 29)) {
            input /= 4;
            shift++;
        }
        int maxLeftShiftBits = Integer.numberOfLeadingZeros(input) - 1;
        int leftShiftBitPairs = maxLeftShiftBits / 2 - 1;
        shift -= leftShiftBitPairs;
        input <<= 2 * leftShiftBitPairs;
        // Q3.28 fixed point (3 integer bits)
        int fixedInput = input >> 1;
        int halfInput = FixedPoint.roundingDivideByPOT(fixedInput, 1);
        int halfThree = (1 << 28) + (1 << 27);
        int xv = 1 << 28; // 1.0
        for (int i = 0; i < 5; i++) {
            // x*x*x: Q3 * Q3 -> Q6, Q6 * Q3 -> Q9, rescaled to Q3
            int x2 = FixedPoint.saturatingRoundingDoublingHighMul(xv, xv);
            int x3 = FixedPoint.saturatingRoundingDoublingHighMul(x2, xv);
            x3 = FixedPoint.saturatingShiftLeft(x3, 6);
            // 1.5 * x - (input / 2) * x^3: two Q6 products, difference rescaled to Q3
            int t1 = FixedPoint.saturatingRoundingDoublingHighMul(halfThree, xv);
            int t2 = FixedPoint.saturatingRoundingDoublingHighMul(halfInput, x3);
            xv = FixedPoint.saturatingShiftLeft(t1 - t2, 3);
        }
        // times sqrt(2)/2 in Q0.31, staying Q3
        int inv = FixedPoint.saturatingRoundingDoublingHighMul(xv, 1518500250);
        if (shift < 0) {
            inv <<= -shift;
            shift = 0;
        }
        return pack(inv, -shift);
    }

    private static long pack(int multiplier, int shift) {
        return ((long) multiplier << 32) | (shift & 0xffffffffL);
    }
}
