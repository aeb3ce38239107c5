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
 * ASSIGN_VARIABLE (TFLite 2.21 assign_variable.cc): copies the value (input 1) into a resource variable.
 * The preparer has replaced the resource id input by the variable's storage tensor, typed and shaped as
 * the variable's ASSIGNs are (see ResourceVariables in ember-tflite). No outputs.
 */
public final class AssignVariableOp implements OperatorSpec {
    private static final int OPTIONS = 113; // BuiltinOptions.AssignVariableOptions

    @Override
    public BuiltinOperator op() {
        return BuiltinOperator.ASSIGN_VARIABLE;
    }

    @Override
    public Prepared prepare(OpContext ctx) {
        ctx.expectInputs(2, 2);
        ctx.expectOutputs(0);
        ctx.options(OPTIONS, "AssignVariableOptions");
        TensorDef storage = Storage.of(ctx);
        TensorDef value = ctx.input(1);
        if (value.type() != storage.type() || !Arrays.equals(value.shape(), storage.shape())) {
            throw ctx.error("value " + value.label() + " " + value.type() + value.shapeString()
                    + " does not fit the variable " + storage.label() + " " + storage.type() + storage.shapeString());
        }
        return Prepared.of(new VariableCopyParams(storage.byteSize()), VariableKernels.ASSIGN, 0, 1);
    }
}
