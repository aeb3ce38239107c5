package dev.ember4j.ops.rsqrt;

import dev.ember4j.core.quant.FixedPoint;

/**
 * TFLite's GetInvSqrtQuantizedMultiplierExp: 1/sqrt(input) as a Q0.31 multiplier and a shift, by five
 * Newton-Raphson steps in gemmlowp Q3.28 arithmetic.
 */
final class InvSqrt {
    private InvSqrt() {}

    /** {multiplier, shift} for a non-negative input; {@code reverseShift} is -1 (kReverseShift). */
    static int[] multiplierExp(int input, int reverseShift) {
        if (input <= 1) {
            return new int[] {Integer.MAX_VALUE, 0};
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
        int fixedInput = input >> 1; // Q3.28
        int halfInput = FixedPoint.roundingDivideByPOT(fixedInput, 1);
        int halfThree = (1 << 28) + (1 << 27); // 1.5 in Q3.28
        int x = 1 << 28; // 1.0 in Q3.28
        for (int i = 0; i < 5; i++) {
            // x*x*x is Q9.22; rescaled to Q3.28 with a saturating left shift of 6
            int x3 = FixedPoint.saturatingShiftLeft(mul(mul(x, x), x), 6);
            // 1.5*x - halfInput*x3, both Q6.25, wrapping subtraction; back to Q3.28
            x = FixedPoint.saturatingShiftLeft(mul(halfThree, x) - mul(halfInput, x3), 3);
        }
        x = mul(x, 1518500250); // times sqrt(2)/2 in Q0.31: stays Q3.28
        if (shift < 0) {
            x <<= -shift;
            shift = 0;
        }
        return new int[] {x, shift * reverseShift};
    }

    private static int mul(int a, int b) {
        return FixedPoint.saturatingRoundingDoublingHighMul(a, b);
    }
}
