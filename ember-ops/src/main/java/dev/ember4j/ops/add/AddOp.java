package dev.ember4j.ops.add;

import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.BackendMethod;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** ADD of two int8 tensors with numpy broadcasting, both rescaled to twice the larger input scale. */
public final class AddOp implements OperatorSpec {
    /** This operator's method of whichever KernelBackend runs the model. */
    public static final OpKernel<AddParams> KERNEL = new BackendMethod<>("add",
            (b, p, in, out, arena, scratch) -> b.add(p, in[0].array(arena), in[0].start(), in[1].array(arena), in[1].start(), out[0].array(arena), out[0].start(), scratch));

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ADD;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(params(ctx), KERNEL, 0, 1);
    }

    private static final int OPTIONS = 11;
    /** Headroom TFLite gives int8 inputs before rescaling. */
    private static final int LEFT_SHIFT = 20;

    static AddParams params(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.int8(ctx.input(0), "input 1");
        TensorDef b = ctx.int8(ctx.input(1), "input 2");
        TensorDef output = ctx.int8(ctx.output(0), "output");
        Table o = ctx.options(OPTIONS, "AddOptions");
        int activation = OpContext.u8(o, 0, 0);

        int[][] strides = Broadcast.strides(ctx, a.shape(), b.shape(), output);
        float scaleA = ctx.scale(a);
        float scaleB = ctx.scale(b);
        float scaleOut = ctx.scale(output);
        // Formed as in TFLite: the doubled float max widened to double, the output term divided in float first.
        double twiceMax = 2 * Math.max(scaleA, scaleB);
        double realA = scaleA / twiceMax;
        double realB = scaleB / twiceMax;
        double realOut = twiceMax / (double) ((1 << LEFT_SHIFT) * scaleOut);
        QuantizedMultiplier qa = smallerThanOne(ctx, realA);
        QuantizedMultiplier qb = smallerThanOne(ctx, realB);
        QuantizedMultiplier qo = smallerThanOne(ctx, realOut);
        int[] range = ctx.activationRange(activation, output);
        return new AddParams(strides[0], strides[1], strides[2], -ctx.zeroPoint(a), -ctx.zeroPoint(b),
                ctx.zeroPoint(output), LEFT_SHIFT, qa.multiplier(), qa.shift(), qb.multiplier(), qb.shift(),
                qo.multiplier(), qo.shift(), range[0], range[1]);
    }

    private static QuantizedMultiplier smallerThanOne(OpContext ctx, double real) {
        QuantizedMultiplier q = QuantizedMultiplier.of(real);
        if (!(real > 0 && real < 1) || q.shift() > 0) {
            throw ctx.unsupported("input/output scale ratio " + real + " is out of the range int8 ADD supports");
        }
        return q;
    }
}
