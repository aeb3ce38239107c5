package dev.ember4j.ops.rsqrt;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvSqrtTest {
    @Test
    void multiplierExpIsOneOverSqrt() {
        for (int v = 2; v > 0 && v < 1 << 30; v = v < 1 << 28 ? v * 3 + 1 : -1) {
            int[] m = InvSqrt.multiplierExp(v, -1);
            double real = m[0] / 2147483648.0 * Math.pow(2, m[1]);
            assertEquals(1 / Math.sqrt(v), real, 1e-5 / Math.sqrt(v), "input " + v);
        }
        assertEquals(Integer.MAX_VALUE, InvSqrt.multiplierExp(1, -1)[0]);
        assertEquals(0, InvSqrt.multiplierExp(0, -1)[1]);
    }
}
