/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.ModelPreparer;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * The operators an application allows, as TFLM's op resolver: a model using any other operator is
 * rejected when the {@link Interpreter} is created. Builtin operators are named by
 * {@link BuiltinOperator}, custom operators by their custom code (TFLM's {@code AddCustom} /
 * {@code AddDetectionPostprocess}): {@code OpResolver.of(CONV_2D, ...).withCustom("TFLite_Detection_PostProcess")}.
 */
public final class OpResolver {
    private final Set<BuiltinOperator> operators;
    private final Set<String> customOperators;

    private OpResolver(Set<BuiltinOperator> operators, Set<String> customOperators) {
        this.operators = Collections.unmodifiableSet(operators);
        this.customOperators = Collections.unmodifiableSet(customOperators);
    }

    /** Every operator this engine supports: every builtin one and every registered custom one. */
    public static OpResolver allBuiltins() {
        return new OpResolver(EnumSet.copyOf(ModelPreparer.SUPPORTED), new TreeSet<>(ModelPreparer.SUPPORTED_CUSTOM));
    }

    /** Exactly these builtin operators (no custom ones); each must be one this engine supports. */
    public static OpResolver of(BuiltinOperator... ops) {
        EnumSet<BuiltinOperator> set = EnumSet.noneOf(BuiltinOperator.class);
        for (BuiltinOperator op : ops) {
            if (!ModelPreparer.SUPPORTED.contains(op)) {
                throw new IllegalArgumentException(op + " is not supported by this engine; supported: "
                        + ModelPreparer.SUPPORTED + (op == BuiltinOperator.CUSTOM
                        ? " (custom operators are added by name with withCustom(...))" : ""));
            }
            set.add(op);
        }
        return new OpResolver(set, new TreeSet<>());
    }

    /** This resolver, also allowing these custom operators (by custom code); each must be one this engine runs. */
    public OpResolver withCustom(String... customCodes) {
        Set<String> set = new TreeSet<>(customOperators);
        for (String code : customCodes) {
            if (!ModelPreparer.SUPPORTED_CUSTOM.contains(code)) {
                throw new IllegalArgumentException("custom operator '" + code + "' is not supported by this engine;"
                        + " supported: " + ModelPreparer.SUPPORTED_CUSTOM);
            }
            set.add(code);
        }
        EnumSet<BuiltinOperator> builtins = EnumSet.noneOf(BuiltinOperator.class);
        builtins.addAll(operators);
        return new OpResolver(builtins, set);
    }

    /** The builtin operators allowed. */
    public Set<BuiltinOperator> operators() {
        return operators;
    }

    /** The custom operators allowed, by custom code. */
    public Set<String> customOperators() {
        return customOperators;
    }

    public boolean allows(BuiltinOperator op) {
        return operators.contains(op);
    }

    /** True when the custom operator with this custom code is allowed. */
    public boolean allowsCustom(String customCode) {
        return customOperators.contains(customCode);
    }

    @Override
    public String toString() {
        return "OpResolver" + operators + (customOperators.isEmpty() ? "" : " custom" + customOperators);
    }
}
