package dev.ember4j.ops.pool;

import dev.ember4j.core.ops.BackendMethod;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/**
 * MAX_POOL_2D: int8 (a KernelBackend method) or int16 (16x8, {@link PoolInt16Kernel}) [N,H,W,C] with
 * Pool2DOptions (see {@link PoolPrepare}).
 */
public final class MaxPool2DOp implements OperatorSpec {
    public static final OpKernel<PoolParams> KERNEL = new BackendMethod<>("maxPool2d",
            (b, p, in, out, arena, scratch) -> b.maxPool2d(p, in[0].array(arena), in[0].start(), out[0].array(arena),
                    out[0].start(), scratch));

    /** The int16 (16x8) kernel, in this package. */
    public static final OpKernel<PoolInt16Params> KERNEL_INT16 = PoolInt16Kernel::max;

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.MAX_POOL_2D;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        if (PoolPrepare.isInt16(ctx)) {
            return Prepared.of(PoolPrepare.prepareInt16(ctx), KERNEL_INT16, 0);
        }
        return Prepared.of(PoolPrepare.prepare(ctx), KERNEL, 0);
    }
}
