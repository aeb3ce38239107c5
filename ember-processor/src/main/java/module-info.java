/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The {@code @Model} annotation processor: models compiled to Java classes while the application compiles. */
module dev.ember4j.processor {
    requires java.compiler;
    requires dev.ember4j.core;
    requires dev.ember4j.codegen;

    exports dev.ember4j.processor;

    provides javax.annotation.processing.Processor with dev.ember4j.processor.ModelProcessor;
}
