/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.tflite.BuiltinOperator;

/**
 * One operator of the registry: checks a model's use of it and computes its parameters once, before
 * inference (TFLM's {@code Prepare}). Implementations live one per package in ember-ops, each next
 * to its parameter record and reference kernel, and are listed by an {@link OperatorSet}.
 *
 * <p>The code generator refers to the kernel as {@code <implementation class>.KERNEL}: every
 * implementation declares {@code public static final OpKernel<Params> KERNEL}.
 */
public interface OperatorSpec {

    /** The builtin operator this prepares ({@link BuiltinOperator#CUSTOM} for a custom operator). */
    BuiltinOperator op();

    /**
     * For a custom operator, the operator code's {@code custom_code} it prepares (e.g.
     * "TFLite_Detection_PostProcess", with {@link #op()} = CUSTOM); null for a builtin operator. The registry
     * finds custom operators by this name; their options are in {@link OpContext#customOptions()}.
     */
    default String customCode() {
        return null;
    }

    /**
     * @throws dev.ember4j.core.ModelFormatException       the operator's tensors or options are inconsistent
     * @throws dev.ember4j.core.UnsupportedOperatorException valid TFLite, but a type or option Ember4j does not run
     */
    Prepared prepare(OpContext ctx);
}
