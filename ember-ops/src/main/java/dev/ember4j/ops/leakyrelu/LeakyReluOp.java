package dev.ember4j.ops.leakyrelu;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** LEAKY_RELU of int8 with the identity and alpha multipliers TFLite's prepare forms. */
public final class LeakyReluOp implements OperatorSpec {
    public static final OpKernel<LeakyReluParams> KERNEL = LeakyReluKernel::run;
    private static final int OPTIONS = 75; // BuiltinOptions.LeakyReluOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LEAKY_RELU;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        Table o = ctx.options(OPTIONS, "LeakyReluOptions");
        float alpha = OpContext.f32(o, 0, 0f);
        if (!Float.isFinite(alpha)) {
            throw ctx.error("alpha " + alpha + " is not finite");
        }
        float inScale = ctx.scale(in);
        float outScale = ctx.scale(out);
        // TFLite multiplies and divides the float scales and alpha in float, then widens to double.
        QuantizedMultiplier a = QuantizedMultiplier.of((double) (inScale * alpha / outScale));
        QuantizedMultiplier id = QuantizedMultiplier.of((double) (inScale / outScale));
        return Prepared.of(new LeakyReluParams(in.elementCount(), ctx.zeroPoint(in), ctx.zeroPoint(out),
                id.multiplier(), id.shift(), a.multiplier(), a.shift()), KERNEL, 0);
    }
}
