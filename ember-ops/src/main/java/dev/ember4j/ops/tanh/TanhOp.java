package dev.ember4j.ops.tanh;

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

/** TANH of int8: TFLite's reference kernel evaluates a 256-entry table built at prepare from tanh in float. */
public final class TanhOp implements OperatorSpec {
    public static final OpKernel<LutParams> KERNEL = LutKernel::run;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.TANH;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        TensorDef[] t = Unary.int8(ctx);
        TensorDef in = t[0];
        TensorDef out = t[1];
        byte[] table = Int8Lut.build(ctx.scale(in), ctx.zeroPoint(in), ctx.scale(out), ctx.zeroPoint(out),
                Int8Lut::tanh);
        return Prepared.of(new LutParams(in.elementCount(), table), KERNEL, 0);
    }
}
