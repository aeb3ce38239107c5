package dev.ember4j.ops.mul;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.Elem;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.Broadcast;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** MUL of two int8 tensors with numpy broadcasting and a fused activation. */
public final class MulOp implements OperatorSpec {
    public static final OpKernel<MulParams> KERNEL = MulKernel::run;
    private static final int OPTIONS = 21; // BuiltinOptions.MulOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MUL;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(1);
        TensorDef a = ctx.quantized(ctx.input(0), "input 1", TensorType.INT8);
        TensorDef b = ctx.quantized(ctx.input(1), "input 2", TensorType.INT8);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8);
        Table o = ctx.options(OPTIONS, "MulOptions");
        int[] range = ctx.activationRange(OpContext.u8(o, 0, 0), out);
        int[][] strides = Broadcast.strides(ctx, a.shape(), b.shape(), out);
        // TFLite forms the product of the float scales in float, then widens to double.
        double real = (double) (ctx.scale(a) * ctx.scale(b) / ctx.scale(out));
        QuantizedMultiplier m = QuantizedMultiplier.of(real);
        return Prepared.of(new MulParams(strides[0], strides[1], strides[2], Elem.of(out.type()),
                -ctx.zeroPoint(a), -ctx.zeroPoint(b), ctx.zeroPoint(out), m.multiplier(), m.shift(),
                range[0], range[1]), KERNEL, 0, 1);
    }
}
