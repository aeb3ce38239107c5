package dev.ember4j.tflite;

import dev.ember4j.tflite.fb.Table;

/**
 * An operator as the model file declares it.
 *
 * @param inputs      tensor indices, -1 for an omitted optional input
 * @param optionsType the builtin_options union type (0 when none)
 * @param options     the builtin options table, or null
 */
public record OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs,
                          int optionsType, Table options) {

    /** "operator 3 (CONV_2D)" for messages. */
    public String label() {
        return "operator " + index + " (" + op + ")";
    }
}
