package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.ops.support.Padding;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;

/** AVERAGE_POOL_2D and MAX_POOL_2D: input [N,H,W,C], output [N,OH,OW,C] with the input's quantization. */
final class PoolPrepare {
    private static final int OPTIONS = 5;

    private PoolPrepare() {}

    static PoolParams prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        ctx.requireRank(input, 4, "input");
        if (ctx.scale(input) != ctx.scale(output) || ctx.zeroPoint(input) != ctx.zeroPoint(output)) {
            throw ctx.unsupported("input and output quantization differ (scale " + ctx.scale(input) + " zero point "
                    + ctx.zeroPoint(input) + " vs " + ctx.scale(output) + " " + ctx.zeroPoint(output)
                    + "); int8 pooling does not requantize");
        }
        Table o = ctx.options(OPTIONS, "Pool2DOptions");
        int padding = OpContext.u8(o, 0, Padding.SAME);
        int strideW = OpContext.i32(o, 1, 0);
        int strideH = OpContext.i32(o, 2, 0);
        int filterW = OpContext.i32(o, 3, 0);
        int filterH = OpContext.i32(o, 4, 0);
        int activation = OpContext.u8(o, 5, 0);
        int[] in = input.shape();
        Padding ph = Padding.of(ctx, padding, in[1], filterH, strideH, 1);
        Padding pw = Padding.of(ctx, padding, in[2], filterW, strideW, 1);
        ctx.requireShape(output, new int[] {in[0], ph.outputSize(), pw.outputSize(), in[3]}, "output");
        int[] range = ctx.activationRange(activation, output);
        return new PoolParams(in[0], in[1], in[2], in[3], ph.outputSize(), pw.outputSize(), filterH, filterW,
                ph.stride(), pw.stride(), ph.before(), pw.before(), range[0], range[1]);
    }
}
