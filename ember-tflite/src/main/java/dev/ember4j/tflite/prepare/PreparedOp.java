/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.BuiltinOperator;

/**
 * One operator ready to run: its kernel parameters, the tensors its kernel reads (in kernel
 * argument order) and the tensors it writes.
 *
 * @param params  null for operators that only relabel their input's bytes (RESHAPE and the like)
 * @param kernel  the operator's reference kernel, which a backend may replace when the model is bound
 *                ({@link dev.ember4j.core.KernelBackend#bind}); null for aliases
 * @param spec    the registry entry that prepared it
 */
public record PreparedOp(int index, BuiltinOperator op, OperatorParams params, int[] inputs, int[] outputs,
                         OpKernel<?> kernel, OperatorSpec spec) {

    /** The first (for most operators the only) output. */
    public int output() {
        return outputs[0];
    }

    /** True when nothing runs: the output shares its input's memory. */
    public boolean isAlias() {
        return params == null;
    }

    /** "CONV_2D", or "CUSTOM(code)" for a custom operator. */
    public String name() {
        return dev.ember4j.tflite.OperatorDef.name(op, spec == null ? null : spec.customCode());
    }

    public String label() {
        return "operator " + index + " (" + name() + ")";
    }
}
