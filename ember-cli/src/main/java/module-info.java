/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

/** The {@code ember} command-line tool: run, inspect, bench, generate and features. */
module dev.ember4j.cli {
    requires dev.ember4j.core;
    requires dev.ember4j.tflite;
    requires dev.ember4j.runtime;
    requires dev.ember4j.codegen;
    requires dev.ember4j.audio;
    requires dev.ember4j.media;
    requires info.picocli;
    // ember bench: JIT state (java.management) and bytes allocated per run (com.sun.management).
    requires jdk.management;
    // run --image reads images (java.awt.image); the SVG pictures pick colours with java.awt.Color.
    requires java.desktop;

    // picocli fills the commands' annotated fields reflectively.
    opens dev.ember4j.cli to info.picocli;
}
