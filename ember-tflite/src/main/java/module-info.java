/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/**
 * TensorFlow Lite models: the bounds-checked flatbuffer reader, per-operator prepare through the operator
 * registry ({@link dev.ember4j.tflite.prepare.OperatorSet}, found with {@link java.util.ServiceLoader}) and
 * the arena memory planner.
 */
module dev.ember4j.tflite {
    requires transitive dev.ember4j.core;

    exports dev.ember4j.tflite;
    exports dev.ember4j.tflite.prepare;
    exports dev.ember4j.tflite.plan;
    // The raw flatbuffer view: only the operator registry reads options through it.
    exports dev.ember4j.tflite.fb to dev.ember4j.ops;
    // The FlexBuffers reader of custom operators' options: likewise.
    exports dev.ember4j.tflite.flex to dev.ember4j.ops;

    uses dev.ember4j.tflite.prepare.OperatorSet;
}
