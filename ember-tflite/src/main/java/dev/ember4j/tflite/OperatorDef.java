package dev.ember4j.tflite;

import dev.ember4j.tflite.fb.Table;

/**
 * An operator as the model file declares it.
 *
 * @param inputs      tensor indices, -1 for an omitted optional input
 * @param optionsType the builtin_options union type (0 when none)
 * @param options     the builtin options table, or null
 * @param intermediates tensor indices of the operator's intermediates (schema field 8: tensors that carry
 *                    only quantization for internal values, e.g. the 8x8_16 LSTM's gate scales), -1 for
 *                    an omitted one; empty when the model has none
 */
public record OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs,
                          int optionsType, Table options, int[] intermediates) {

    /** An operator without intermediates. */
    public OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs, int optionsType,
                       Table options) {
        this(index, op, version, inputs, outputs, optionsType, options, new int[0]);
    }

    /** "operator 3 (CONV_2D)" for messages. */
    public String label() {
        return "operator " + index + " (" + op + ")";
    }
}
