/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.tflite.fb.Table;

import java.util.Objects;

/**
 * An operator as the model file declares it.
 *
 * @param inputs      tensor indices, -1 for an omitted optional input
 * @param optionsType the builtin_options union type (0 when none)
 * @param options     the builtin options table, or null
 * @param intermediates tensor indices of the operator's intermediates (schema field 8: tensors that carry
 *                    only quantization for internal values, e.g. the 8x8_16 LSTM's gate scales), -1 for
 *                    an omitted one; empty when the model has none
 * @param customCode  the operator code's {@code custom_code} for a CUSTOM operator (e.g.
 *                    "TFLite_Detection_PostProcess"), null for a builtin one
 * @param customOptions the operator's {@code custom_options} bytes (empty when it has none)
 * @param customOptionsFormat the schema's CustomOptionsFormat (0: FLEXBUFFERS, the only one defined)
 */
public record OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs,
                          int optionsType, Table options, int[] intermediates, String customCode,
                          byte[] customOptions, int customOptionsFormat) {

    public OperatorDef {
        Objects.requireNonNull(customOptions, "customOptions");
    }

    /** A builtin operator. */
    public OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs,
                       int optionsType, Table options, int[] intermediates) {
        this(index, op, version, inputs, outputs, optionsType, options, intermediates, null, new byte[0], 0);
    }

    /** A builtin operator without intermediates. */
    public OperatorDef(int index, BuiltinOperator op, int version, int[] inputs, int[] outputs, int optionsType,
                       Table options) {
        this(index, op, version, inputs, outputs, optionsType, options, new int[0]);
    }

    /** True for a CUSTOM operator (one named by its custom code). */
    public boolean isCustom() {
        return customCode != null;
    }

    /** The builtin operator's name ("CONV_2D"), or "CUSTOM(code)" for a custom operator. */
    public String name() {
        return name(op, customCode);
    }

    /** "CONV_2D" for a builtin operator, "CUSTOM(code)" for a custom one (customCode non-null). */
    public static String name(BuiltinOperator op, String customCode) {
        return customCode == null ? op.name() : "CUSTOM(" + customCode + ")";
    }

    /** "operator 3 (CONV_2D)" or "operator 7 (CUSTOM(TFLite_Detection_PostProcess))" for messages. */
    public String label() {
        return "operator " + index + " (" + name() + ")";
    }
}
