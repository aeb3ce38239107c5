package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.BuiltinOperator;

/**
 * One operator ready to run: its kernel parameters, the tensors its kernel reads (in kernel
 * argument order) and the tensor it writes.
 *
 * @param params null for RESHAPE, which only relabels its input's bytes
 */
public record PreparedOp(int index, BuiltinOperator op, OperatorParams params, int[] inputs, int output) {

    public String label() {
        return "operator " + index + " (" + op + ")";
    }
}
