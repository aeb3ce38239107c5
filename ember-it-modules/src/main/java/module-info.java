/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** An application as a Java module: one {@code requires} gives it the Interpreter and @Model. */
module dev.ember4j.it.app {
    requires dev.ember4j.runtime;
    // Interpreter.builder(SineSweep.class, "sine.tflite") reads the model resource from ember-runtime's code.
    opens dev.ember4j.it.app to dev.ember4j.runtime;
}
