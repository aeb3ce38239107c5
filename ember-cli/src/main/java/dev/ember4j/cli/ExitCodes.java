/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

/** Process exit codes of the {@code ember} command; documented in {@code ember --help} and docs/CLI.md. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** Any failure without a more specific code (the message is still one line). */
    public static final int FAILURE = 1;
    /** Bad command line: unknown option, missing argument, unknown backend (picocli's default code). */
    public static final int USAGE = 2;
    /** A file could not be read or written. */
    public static final int IO = 3;
    /** The model file is malformed ({@code ModelFormatException}). */
    public static final int MALFORMED_MODEL = 4;
    /** The model uses an operator this engine does not run ({@code UnsupportedOperatorException}). */
    public static final int UNSUPPORTED_OPERATOR = 5;
    /** The number or size of the input files does not match the model's inputs. */
    public static final int INPUT_MISMATCH = 6;
    /** The model asks for more than a resource limit allows (ResourceLimitException). */
    public static final int RESOURCE_LIMIT = 7;
}
