/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.gelu;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.elementwise.Elementwise;
import dev.ember4j.ops.common.Int16Lut;
import dev.ember4j.ops.common.Int8Lut;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * GELU of INT8 and UINT8 (a 256-entry table built at prepare, LUTPopulate) and INT16 (zero points 0; a
 * 513-entry interpolated table, LUTPopulate&lt;int16_t&gt;), GeluOptions.approximate selecting the tanh form,
 * as TFLite 2.21's kernel does. FLOAT32 GELU is refused: TFLite evaluates it with Eigen's vectorized
 * erf / tanh approximations, which differ from the plain formula on about a third of all inputs.
 */
public final class GeluOp implements OperatorSpec {

    private static final int OPTIONS = 116;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.GELU;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (ctx.input(0).type() == TensorType.FLOAT32) {
            throw ctx.unsupported("FLOAT32 GELU is not supported: TFLite 2.21 computes it with Eigen's vectorized "
                    + "erf/tanh approximations, which Ember4j does not reproduce bit for bit (int8, uint8 and int16 are)");
        }
        TensorDef[] t = Elementwise.tensors(ctx, TensorType.INT8, TensorType.UINT8, TensorType.INT16);
        TensorDef in = t[0];
        TensorDef out = t[1];
        Table o = ctx.options(OPTIONS, "GeluOptions");
        boolean approximate = OpContext.bool(o, 0, false);
        Int8Lut.FloatFunction f = approximate ? Gelu::approximate : Gelu::exact;
        float si = ctx.scale(in);
        int zi = ctx.zeroPoint(in);
        float so = ctx.scale(out);
        int zo = ctx.zeroPoint(out);
        return switch (in.type()) {
            case INT8 -> Prepared.of(new LutParams(in.elementCount(), Int8Lut.build(si, zi, so, zo, f)), LutKernel.KERNEL, 0);
            case UINT8 -> Prepared.of(new LutParams(in.elementCount(), Int8Lut.buildUint8(si, zi, so, zo, f)),
                    LutKernel.KERNEL, 0);
            default -> {
                if (zi != 0 || zo != 0) {
                    throw ctx.unsupported("int16 GELU needs zero point 0 (input " + zi + ", output " + zo + ")");
                }
                yield Prepared.of(new GeluInt16Params(in.elementCount(), Int16Lut.populate(si, zi, so, zo, f)),
                        GeluInt16Kernel.KERNEL, 0);
            }
        };
    }
}
