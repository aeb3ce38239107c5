package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.ops.support.Le;

/** TFLite's reference_ops::SoftmaxInt16 (LUT-based); the exps are cached in the output row, as TFLite does. */
public final class SoftmaxInt16Kernel {
    private SoftmaxInt16Kernel() {}

    public static void run(SoftmaxInt16Params p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        byte[] x = in[0].array(arena);
        int xs = in[0].start();
        byte[] y = out[0].array(arena);
        int ys = out[0].start();
        int depth = p.depth();
        for (int row = 0; row < p.outerSize(); row++) {
            int base = row * depth;
            int max = -32768;
            for (int c = 0; c < depth; c++) {
                max = Math.max(max, Le.i16(x, xs + 2 * (base + c)));
            }
            int sum = 0; // Q16.15
            for (int c = 0; c < depth; c++) {
                int diff = Le.i16(x, xs + 2 * (base + c)) - max;
                int scaled = FixedPoint.multiplyByQuantizedMultiplier(diff, p.inputMultiplier(), p.inputShift());
                int sym = Math.min(Math.max(scaled + 32767, -32768), 32767);
                int e = lookup(sym, p.expLut());
                Le.i16(y, ys + 2 * (base + c), (short) e);
                sum += (short) e;
            }
            int headroomPlusOne = Integer.numberOfLeadingZeros(sum);
            int shiftedSum = (int) ((((long) sum << (headroomPlusOne - 1)) + (1 << 13)) >> 14);
            int symSum = Math.min(Math.max(shiftedSum - ((1 << 15) + (1 << 16)), -32768), 32767);
            int reciprocal = lookup(symSum, p.oneOverOnePlusXLut());
            int rightShift = 31 - headroomPlusOne;
            long round = 1L << (rightShift - 1);
            for (int c = 0; c < depth; c++) {
                long e = Le.i16(y, ys + 2 * (base + c));
                int r = (int) ((e * reciprocal + round) >> rightShift);
                Le.i16(y, ys + 2 * (base + c), (short) Math.min(Math.max(r, 0), 32767));
            }
        }
    }

    /** TFLite's LUTLookup for int16: 512 intervals of 128, linear interpolation rounded. */
    static int lookup(int value, int[] lut) {
        int index = 256 + (value >> 7);
        int offset = value & 0x7f;
        int base = lut[index];
        int slope = lut[index + 1] - lut[index];
        int delta = (slope * offset + 64) >> 7;
        return (short) (base + delta);
    }

    /** TFLite's LUTPopulateInt16&lt;float&gt;: 513 entries of transform over the int16 input range, bias-corrected. */
    static int[] populate(float inputScale, int inputZeroPoint, float outputScale, int outputZeroPoint,
                          FloatFunction f) {
        float inputMin = inputScale * (-32768 - inputZeroPoint);
        float inputMax = inputScale * (32767 - inputZeroPoint);
        float outputMin = outputScale * (-32768 - outputZeroPoint);
        float outputMax = outputScale * (32767 - outputZeroPoint);
        int steps = 512;
        float step = (inputMax - inputMin) / steps;
        float halfStep = step / 2;
        float inv = 65536f / (outputMax - outputMin);
        int[] lut = new int[steps + 1];
        for (int i = 0; i < steps; i++) {
            float val = f.apply(inputMin + i * step);
            float mid = f.apply(inputMin + i * step + halfStep);
            float next = f.apply(inputMin + (i + 1) * step);
            float sample = round(val * inv);
            float midInterp = round((next * inv + round(val * inv)) / 2);
            float midVal = round(mid * inv);
            float bias = round((midInterp - midVal) / 2);
            lut[i] = (int) Math.min(Math.max(sample - bias, -32768f), 32767f);
        }
        lut[steps] = (int) Math.min(Math.max(round(f.apply(inputMax) * inv), -32768f), 32767f);
        return lut;
    }

    /** A float -&gt; float transform, evaluated in float as TFLite's lambdas. */
    @FunctionalInterface
    interface FloatFunction {
        float apply(float v);
    }

    /** std::round on a float. */
    private static float round(float v) {
        return (float) FixedPoint.roundHalfAwayFromZero(v);
    }
}
