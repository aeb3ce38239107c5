/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compiles a TensorFlow Lite INT8 model into Java at build time. The annotation processor in
 * {@code ember-processor} reads the model named by {@link #value()} and generates, in the same package,
 * a class named after the annotated type plus {@code Model} (e.g. {@code SineModel} for
 * {@code @Model("sine.tflite") interface Sine}) with straight-line kernel calls and a weights resource
 * ({@code SineModel.weights}) next to it. If the annotated type is an interface, the generated class
 * implements it (the interface may be empty).
 *
 * <p>Relative paths are resolved, in order, against the processor option {@code -Aember.modelDir=DIR},
 * the project directory (the directory holding {@code pom.xml} above the class output directory), the
 * current working directory, then the class path, source path and {@code src/main/resources}.
 * See docs/GENERATE.md.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface Model {
    /** Path of the {@code .tflite} file: absolute, or relative as described on the type. */
    String value();
}
