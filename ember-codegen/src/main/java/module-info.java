/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** Java source generation from a prepared model: one class plus one weights resource per model. */
module dev.ember4j.codegen {
    requires transitive dev.ember4j.core;
    requires dev.ember4j.tflite;
    requires dev.ember4j.ops;
    requires java.compiler;

    exports dev.ember4j.codegen;
}
