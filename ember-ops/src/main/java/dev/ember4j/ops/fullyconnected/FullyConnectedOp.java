package dev.ember4j.ops.fullyconnected;

import dev.ember4j.core.ops.BackendMethod;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.ops.support.Bias;
import dev.ember4j.ops.support.Requantization;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/** FULLY_CONNECTED: input [..., D] (flattened to rows of D), weights [O,D], optional bias, output [rows,O]. */
public final class FullyConnectedOp implements OperatorSpec {
    /** This operator's method of whichever KernelBackend runs the model. */
    public static final OpKernel<FullyConnectedParams> KERNEL = new BackendMethod<>("fullyConnected",
            (b, p, in, out, arena, scratch) -> b.fullyConnected(p, in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), scratch));

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.FULLY_CONNECTED;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        return Prepared.of(params(ctx), KERNEL, 0);
    }

    private static final int OPTIONS = 8;

    static FullyConnectedParams params(OpContext ctx) {
        ctx.expectInputs(2, 3);
        ctx.expectOutputs(1);
        TensorDef input = ctx.int8(ctx.input(0), "input");
        TensorDef filter = ctx.int8(ctx.input(1), "weights");
        TensorDef bias = ctx.optionalInput(2);
        TensorDef output = ctx.int8(ctx.output(0), "output");
        ctx.requireRank(filter, 2, "weights");
        Table o = ctx.options(OPTIONS, "FullyConnectedOptions");
        int activation = OpContext.u8(o, 0, 0);
        int weightsFormat = OpContext.u8(o, 1, 0);
        boolean keepNumDims = o != null && o.bool(2, false);
        if (weightsFormat != 0) {
            throw ctx.unsupported("weights format " + weightsFormat + " (shuffled weights) is not supported");
        }
        int outC = filter.shape()[0];
        int depth = filter.shape()[1];
        int elements = input.elementCount();
        if (depth <= 0 || elements % depth != 0) {
            throw ctx.error("input " + input.label() + " shape " + input.shapeString()
                    + " cannot be split into rows of the weights depth " + depth);
        }
        int rows = elements / depth;
        int[] expected;
        if (keepNumDims) {
            expected = input.shape().clone();
            if (expected.length == 0 || expected[expected.length - 1] != depth) {
                throw ctx.error("keep_num_dims needs the input's last dimension to equal the weights depth " + depth);
            }
            expected[expected.length - 1] = outC;
        } else {
            expected = new int[] {rows, outC};
        }
        if (!Arrays.equals(output.shape(), expected) && output.elementCount() != (long) rows * outC) {
            throw ctx.error("output " + output.label() + " has shape " + output.shapeString() + ", the operator produces "
                    + Arrays.toString(expected));
        }
        byte[] weights = ctx.constant(filter, "weights");
        int[] biasData = Bias.read(ctx, bias, outC);
        float[] weightScales = Requantization.weightScales(ctx, filter, outC);
        int[][] mult = filter.quantization().perChannel()
                ? Requantization.perChannel(ctx, ctx.scale(input), weightScales, ctx.scale(output))
                : Requantization.perChannel(ctx, ctx.scale(input), new float[] {weightScales[0]}, ctx.scale(output));
        int[] range = ctx.activationRange(activation, output);
        return new FullyConnectedParams(rows, depth, outC, -ctx.zeroPoint(input), -ctx.zeroPoint(filter),
                ctx.zeroPoint(output), weights, biasData, mult[0], mult[1], range[0], range[1]);
    }
}
