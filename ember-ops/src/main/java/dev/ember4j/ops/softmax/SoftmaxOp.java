package dev.ember4j.ops.softmax;

import dev.ember4j.core.ops.BackendMethod;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.SoftmaxParams;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** SOFTMAX over the last dimension; int8 output must be scale 1/256, zero point -128. */
public final class SoftmaxOp implements OperatorSpec {
    /** This operator's method of whichever KernelBackend runs the model. */
    public static final OpKernel<SoftmaxParams> KERNEL = new BackendMethod<>("softmax",
            (b, p, in, out, arena, scratch) -> b.softmax(p, in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), scratch));

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.SOFTMAX;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(params(ctx), KERNEL, 0);
    }

    private static final int OPTIONS = 9;
    /** Integer bits of the scaled input differences (Q5.26), as TFLite. */
    private static final int SCALED_DIFF_INTEGER_BITS = 5;

    static SoftmaxParams params(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        if (input.shape().length == 0) {
            throw ctx.error("input " + input.label() + " is a scalar");
        }
        ctx.requireShape(output, input.shape(), "output");
        if (ctx.zeroPoint(output) != -128 || Math.abs(ctx.scale(output) - 1f / 256) > 0.001f / 256) {
            throw ctx.unsupported("int8 softmax output must have scale 1/256 and zero point -128, got scale "
                    + ctx.scale(output) + " zero point " + ctx.zeroPoint(output));
        }
        Table o = ctx.options(OPTIONS, "SoftmaxOptions");
        float beta = o == null ? 0f : o.f32(0, 0f);
        int depth = input.shape()[input.shape().length - 1];
        if (depth <= 0) {
            throw ctx.error("input " + input.label() + " has an empty last dimension");
        }
        int outer = input.elementCount() / depth;

        double real = Math.min((double) beta * (double) ctx.scale(input) * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)),
                (double) ((1L << 31) - 1));
        QuantizedMultiplier q = QuantizedMultiplier.greaterThanOne(real);
        if (!(real > 1.0) || q.shift() < 0 || q.shift() > 31) {
            throw ctx.unsupported("beta " + beta + " x input scale " + ctx.scale(input)
                    + " is too small for the fixed-point softmax");
        }
        // Largest input difference still representable after the left shift, as TFLite's CalculateInputRadius.
        double maxRescaled = 1.0 * ((1 << SCALED_DIFF_INTEGER_BITS) - 1)
                * (double) (1L << (31 - SCALED_DIFF_INTEGER_BITS)) / (double) (1L << q.shift());
        int diffMin = (int) (-1.0 * Math.floor(maxRescaled));
        return new SoftmaxParams(outer, depth, q.multiplier(), q.shift(), diffMin);
    }
}
