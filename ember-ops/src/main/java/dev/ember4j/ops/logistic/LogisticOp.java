package dev.ember4j.ops.logistic;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Int8Lut;
import dev.ember4j.ops.support.LutKernel;
import dev.ember4j.ops.support.LutParams;
import dev.ember4j.ops.support.Unary;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * LOGISTIC (sigmoid) of int8: TFLite's reference kernel evaluates a 256-entry table built at prepare
 * from {@code 1.0f / (1.0f + exp(-x))} in float. The output scale must be 1/256, as TFLite requires.
 */
public final class LogisticOp implements OperatorSpec {
    public static final OpKernel<LutParams> KERNEL = LutKernel::run;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.LOGISTIC;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        if ((double) ctx.scale(out) != 1.0 / 256) {
            throw ctx.unsupported("output " + out.label() + " has scale " + ctx.scale(out)
                    + "; int8 LOGISTIC needs the output scale 1/256");
        }
        byte[] table = Int8Lut.build(ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out),
                Int8Lut::logistic);
        return Prepared.of(new LutParams(in.elementCount(), table), KERNEL, 0);
    }
}
