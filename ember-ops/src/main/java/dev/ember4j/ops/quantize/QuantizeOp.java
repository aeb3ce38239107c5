package dev.ember4j.ops.quantize;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.support.Elem;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * QUANTIZE: float32 to int8, uint8 or int16; or requantization between int8, uint8 and int16 with the
 * multiplier {@code inputScale / outputScale} (formed in double from the float scales, as TFLite does).
 */
public final class QuantizeOp implements OperatorSpec {
    public static final OpKernel<QuantizeParams> KERNEL = QuantizeKernel::run;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.QUANTIZE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.FLOAT32, TensorType.INT8, TensorType.UINT8,
                TensorType.INT16);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8, TensorType.UINT8, TensorType.INT16);
        if (in.elementCount() != out.elementCount()) {
            throw ctx.error("output " + out.label() + " " + out.shapeString() + " does not match input "
                    + in.shapeString());
        }
        if (out.quantization().perChannel()) {
            throw ctx.unsupported("per-channel quantized output " + out.label() + " is not supported");
        }
        int outElem = Elem.of(out.type());
        if (in.type() == TensorType.FLOAT32) {
            return Prepared.of(new QuantizeParams(out.elementCount(), 1, ctx.scale(out), 0, 0, outElem,
                    ctx.zeroPoint(out), 0, 0), KERNEL, 0);
        }
        double effective = (double) ctx.scale(in) / (double) ctx.scale(out);
        QuantizedMultiplier m = QuantizedMultiplier.of(effective);
        return Prepared.of(new QuantizeParams(out.elementCount(), 0, 0f, Elem.of(in.type()), ctx.zeroPoint(in),
                outElem, ctx.zeroPoint(out), m.multiplier(), m.shift()), KERNEL, 0);
    }
}
