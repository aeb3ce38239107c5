/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.support;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

import java.util.Arrays;

/**
 * Shared by the int16 (16x8) LOGISTIC and TANH: TFLite's 256-entry table of sigmoid(i / 24) in unsigned
 * Q0.16 ({@code sigmoid_table_uint16}), TFLite's CheckedLog2, and the input rescaling its prepare forms (a
 * power-of-two input scale multiplies by {@code 3 << shift}; any other scale by a multiplier brought to
 * [16384, 32767] with a right shift, so that the table spans [-10.7, 10.7]).
 */
public final class Int16Sigmoid {
    private Int16Sigmoid() {}

    /** sigmoid(i / 24) * 65536, rounded as TFLite's table has it (the last entry clamped to 65535). */
    private static final int[] TABLE = {
            32768, 33451, 34133, 34813, 35493, 36169, 36843, 37513, 38180, 38841, 39498, 40149,
            40794, 41432, 42064, 42688, 43304, 43912, 44511, 45102, 45683, 46255, 46817, 47369,
            47911, 48443, 48964, 49475, 49975, 50464, 50942, 51409, 51865, 52311, 52745, 53169,
            53581, 53983, 54374, 54755, 55125, 55485, 55834, 56174, 56503, 56823, 57133, 57433,
            57724, 58007, 58280, 58544, 58800, 59048, 59288, 59519, 59743, 59959, 60168, 60370,
            60565, 60753, 60935, 61110, 61279, 61441, 61599, 61750, 61896, 62036, 62172, 62302,
            62428, 62549, 62666, 62778, 62886, 62990, 63090, 63186, 63279, 63368, 63454, 63536,
            63615, 63691, 63765, 63835, 63903, 63968, 64030, 64090, 64148, 64204, 64257, 64308,
            64357, 64405, 64450, 64494, 64536, 64576, 64614, 64652, 64687, 64721, 64754, 64786,
            64816, 64845, 64873, 64900, 64926, 64950, 64974, 64997, 65019, 65039, 65060, 65079,
            65097, 65115, 65132, 65149, 65164, 65179, 65194, 65208, 65221, 65234, 65246, 65258,
            65269, 65280, 65291, 65301, 65310, 65319, 65328, 65337, 65345, 65352, 65360, 65367,
            65374, 65381, 65387, 65393, 65399, 65404, 65410, 65415, 65420, 65425, 65429, 65433,
            65438, 65442, 65445, 65449, 65453, 65456, 65459, 65462, 65465, 65468, 65471, 65474,
            65476, 65479, 65481, 65483, 65485, 65488, 65489, 65491, 65493, 65495, 65497, 65498,
            65500, 65501, 65503, 65504, 65505, 65507, 65508, 65509, 65510, 65511, 65512, 65513,
            65514, 65515, 65516, 65517, 65517, 65518, 65519, 65520, 65520, 65521, 65522, 65522,
            65523, 65523, 65524, 65524, 65525, 65525, 65526, 65526, 65526, 65527, 65527, 65528,
            65528, 65528, 65529, 65529, 65529, 65529, 65530, 65530, 65530, 65530, 65531, 65531,
            65531, 65531, 65531, 65532, 65532, 65532, 65532, 65532, 65532, 65533, 65533, 65533,
            65533, 65533, 65533, 65533, 65533, 65534, 65534, 65534, 65534, 65534, 65534, 65534,
            65534, 65534, 65534, 65535
    };

    /** Entry {@code i} (0..255) of the table. */
    public static int table(int i) {
        return TABLE[i];
    }

    /** One int16 input and output of the same shape, per-tensor, zero points 0 (TFLite's int16 prepare). */
    public static TensorDef[] tensors(OpContext ctx, String op) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT16);
        if (!Arrays.equals(in.shape(), out.shape())) {
            throw ctx.error("output " + out.label() + " has shape " + out.shapeString() + ", the input "
                    + in.label() + " has " + in.shapeString());
        }
        if (in.quantization().perChannel() || out.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized activations are not supported");
        }
        if (ctx.zeroPoint(in) != 0 || ctx.zeroPoint(out) != 0) {
            throw ctx.unsupported("int16 " + op + " needs zero points 0 (16x8), has " + ctx.zeroPoint(in) + " and "
                    + ctx.zeroPoint(out));
        }
        int[] outLog2 = checkedLog2(ctx.scale(out));
        if (outLog2 == null || outLog2[0] != -15) {
            throw ctx.unsupported("int16 " + op + " needs the output scale 2^-15, output " + out.label()
                    + " has " + ctx.scale(out));
        }
        return new TensorDef[] {in, out};
    }

    /**
     * {multiplier, rightShift} applied to every input as {@code (x * multiplier + round) >> rightShift},
     * formed as TFLite's prepare does. {@code maxPotShift} is the largest left shift the power-of-two path
     * accepts (0 for LOGISTIC, 1 for TANH).
     */
    public static int[] inputRescale(OpContext ctx, TensorDef in, String op, int maxPotShift) {
        float scale = ctx.scale(in);
        int[] log2 = checkedLog2(scale);
        if (log2 != null) {
            int leftShift = (15 - 3) + log2[0];
            if (leftShift >= 0 && leftShift <= maxPotShift) {
                return new int[] {3 << leftShift, 0};
            }
        }
        double multiplier = (double) scale * 4096.0 * 3.0;
        int shift = 0;
        while (multiplier <= 32767.0 / 2.0 && shift <= 30) {
            shift++;
            multiplier = multiplier * 2.0;
        }
        if (!(multiplier >= 1.0) || multiplier >= 65536.0) {
            // 0 would select TFLite's power-of-two branch with 3 << 31; >= 65536 overflows int32 in its kernel
            throw ctx.unsupported("int16 " + op + " cannot rescale the input scale " + scale + " (multiplier "
                    + multiplier + ")");
        }
        return new int[] {(int) multiplier, shift};
    }

    /** TFLite's CheckedLog2: {round(log2(x))} when x is within 1e-3 (in log2) of a power of two, else null. */
    public static int[] checkedLog2(float x) {
        float log2 = (float) Math.log(x) * (1.0f / (float) Math.log(2.0f));
        if (!Float.isFinite(log2)) {
            return null;
        }
        float rounded = (float) FixedPoint.roundHalfAwayFromZero(log2);
        return Math.abs(log2 - rounded) < 1e-3f ? new int[] {(int) rounded} : null;
    }
}
