/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

/** Runs the CLI in-process and captures exit code, stdout and stderr. */
final class Cli {
    private Cli() {}

    record Result(int code, String out, String err) {
        /** stderr lines, without a trailing empty one. */
        String[] errLines() {
            return err.isEmpty() ? new String[0] : err.split("\\R");
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EmberCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
        return new Result(code, out.toString(), err.toString());
    }
}
