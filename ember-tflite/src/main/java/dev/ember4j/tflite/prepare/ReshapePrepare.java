package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.TensorDef;

/** RESHAPE relabels bytes: same type, same element count; the planner aliases output to input. */
final class ReshapePrepare {
    private ReshapePrepare() {}

    static OperatorParams prepare(OpContext ctx) {
        ctx.expectInputs(1, 2);
        ctx.expectOutputs(1);
        TensorDef input = ctx.input(0);
        TensorDef output = ctx.output(0);
        if (input.type() != output.type()) {
            throw ctx.error("input type " + input.type() + " differs from output type " + output.type());
        }
        if (input.elementCount() != output.elementCount()) {
            throw ctx.error("input " + input.label() + " shape " + input.shapeString() + " and output "
                    + output.label() + " shape " + output.shapeString() + " differ in element count");
        }
        if (input.quantization() != null && output.quantization() != null
                && (ctx.scale(input) != ctx.scale(output) || ctx.zeroPoint(input) != ctx.zeroPoint(output))) {
            throw ctx.unsupported("input and output quantization differ; RESHAPE does not requantize");
        }
        return null;
    }
}
