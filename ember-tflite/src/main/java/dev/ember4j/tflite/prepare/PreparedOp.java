package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.BuiltinOperator;

/**
 * One operator ready to run: its kernel parameters, the tensors its kernel reads (in kernel
 * argument order) and the tensors it writes.
 *
 * @param params  null for operators that only relabel their input's bytes (RESHAPE and the like)
 * @param kernel  the registry kernel, run through {@link dev.ember4j.core.KernelBackend#run}; null for the
 *                seven classic operators, which have methods of their own on the backend, and for aliases
 * @param spec    the registry entry that prepared it, or null for the classic operators
 */
public record PreparedOp(int index, BuiltinOperator op, OperatorParams params, int[] inputs, int[] outputs,
                         OpKernel<?> kernel, OperatorSpec spec) {

    /** A classic operator with one output. */
    public PreparedOp(int index, BuiltinOperator op, OperatorParams params, int[] inputs, int output) {
        this(index, op, params, inputs, new int[] {output}, null, null);
    }

    /** The first (for most operators the only) output. */
    public int output() {
        return outputs[0];
    }

    /** True when nothing runs: the output shares its input's memory. */
    public boolean isAlias() {
        return params == null;
    }

    public String label() {
        return "operator " + index + " (" + op + ")";
    }
}
