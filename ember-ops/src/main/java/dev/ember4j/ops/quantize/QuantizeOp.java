/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.quantize;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * QUANTIZE: float32 to int8, uint8 or int16; or requantization (int8/uint8 to int8/uint8, int16 to int8,
 * int16 or int32, int32 to int16: the pairs TFLite 2.21 runs; int16/int32 zero points 0) with the
 * multiplier {@code inputScale / outputScale} (formed in double from the float scales, as TFLite does).
 */
public final class QuantizeOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.QUANTIZE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        TensorDef in = ctx.quantized(ctx.input(0), "input", TensorType.FLOAT32, TensorType.INT8, TensorType.UINT8,
                TensorType.INT16, TensorType.INT32);
        TensorDef out = ctx.quantized(ctx.output(0), "output", TensorType.INT8, TensorType.UINT8, TensorType.INT16,
                TensorType.INT32);
        if (in.elementCount() != out.elementCount()) {
            throw ctx.error("output " + out.label() + " " + out.shapeString() + " does not match input "
                    + in.shapeString());
        }
        if (out.quantization() == null || out.quantization().perChannel()) {
            throw ctx.unsupported("output " + out.label() + " needs one scale and zero point (per-tensor)");
        }
        TensorType it = in.type();
        TensorType ot = out.type();
        boolean supported = switch (it) {
            case FLOAT32 -> ot != TensorType.INT32;
            case INT8, UINT8 -> ot == TensorType.INT8 || ot == TensorType.UINT8;
            case INT16 -> ot == TensorType.INT8 || ot == TensorType.INT16 || ot == TensorType.INT32;
            case INT32 -> ot == TensorType.INT16;
            default -> false;
        };
        if (!supported) {
            throw ctx.unsupported("QUANTIZE from " + it + " to " + ot + " is not supported (nor by TFLite)");
        }
        for (TensorDef t : new TensorDef[] {in, out}) {
            if (t.type() == TensorType.INT32 && t.quantization() != null
                    && (t.quantization().zeroPoint()[0] < Integer.MIN_VALUE
                    || t.quantization().zeroPoint()[0] > Integer.MAX_VALUE)) {
                throw ctx.error("int32 " + t.label() + " zero point is out of the int32 range");
            }
            if (t.type() == TensorType.INT32) {
                float s = ctx.scale(t);
                if (t.quantization() == null || !(s > 0) || Float.isInfinite(s)) {
                    throw ctx.unsupported("int32 " + t.label() + " needs a positive finite scale");
                }
                if (t.quantization().perChannel()) {
                    throw ctx.unsupported("per-channel quantized " + t.label() + " is not supported");
                }
            }
        }
        int outElem = Elem.of(out.type());
        if (in.type() == TensorType.FLOAT32) {
            return Prepared.of(new QuantizeParams(out.elementCount(), 1, ctx.scale(out), 0, 0, outElem,
                    ctx.zeroPoint(out), 0, 0), QuantizeKernel.KERNEL, 0);
        }
        double effective = (double) ctx.scale(in) / (double) ctx.scale(out);
        QuantizedMultiplier m = QuantizedMultiplier.of(effective);
        return Prepared.of(new QuantizeParams(out.elementCount(), 0, 0f, Elem.of(in.type()), ctx.zeroPoint(in),
                outElem, ctx.zeroPoint(out), m.multiplier(), m.shift()), QuantizeKernel.KERNEL, 0);
    }
}
