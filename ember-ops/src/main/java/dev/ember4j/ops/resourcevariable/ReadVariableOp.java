/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resourcevariable;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;
import dev.ember4j.tflite.prepare.OperatorSpec;
import dev.ember4j.tflite.prepare.Prepared;

import java.util.Arrays;

/**
 * READ_VARIABLE (TFLite 2.21 read_variable.cc): copies a resource variable into the output. The preparer
 * has replaced the resource id input by the variable's storage tensor (see ResourceVariables in
 * ember-tflite). TFLite resizes the output to the variable's shape at run time; here the output's static
 * shape must be that shape, and its type the variable's (TFLite fails the invocation otherwise).
 */
public final class ReadVariableOp implements OperatorSpec {
    private static final int OPTIONS = 112; // BuiltinOptions.ReadVariableOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.READ_VARIABLE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(1, 1);
        ctx.expectOutputs(1);
        ctx.options(OPTIONS, "ReadVariableOptions");
        TensorDef storage = Storage.of(ctx);
        TensorDef out = ctx.output(0);
        if (out.type() != storage.type()) {
            throw ctx.error("output " + out.label() + " has type " + out.type() + ", the variable holds "
                    + storage.type() + " (" + storage.label() + ")");
        }
        if (!Arrays.equals(out.shape(), storage.shape())) {
            throw ctx.unsupported("output " + out.label() + " has shape " + out.shapeString() + ", the variable "
                    + storage.shapeString() + "; TFLite resizes the output at run time, Ember4j needs the variable's"
                    + " shape in the model");
        }
        return Prepared.of(new VariableCopyParams(storage.byteSize()), VariableKernels.READ, 0);
    }
}
