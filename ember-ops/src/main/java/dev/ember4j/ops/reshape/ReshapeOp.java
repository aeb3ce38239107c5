/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.reshape;

import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

/** RESHAPE relabels bytes: same type, same element count; the planner aliases output to input. */
public final class ReshapeOp implements OperatorSpec {

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.RESHAPE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
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
        return Prepared.alias(0);
    }
}
