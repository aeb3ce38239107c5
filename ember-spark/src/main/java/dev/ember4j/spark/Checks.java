/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

/** Model checks shared by the driver (query creation) and the executors (model columns). */
final class Checks {
    private Checks() {}

    /**
     * Refuses a stateful model (variable tensors) for a function that scores each row on its own, unless
     * the options reset the state before every row.
     */
    static void stateless(String function, CachedModel model, String label, EmberOptions options) {
        if (model.stateful() && !options.resetState()) {
            throw new EmberSparkException(function + ": model " + label + " (sha256 " + model.shortSha()
                    + ") is stateful (" + model.variableCount() + " variable tensor(s)): a row-by-row function would"
                    + " give answers that depend on which rows a task happened to score before. Score each stream"
                    + " in order with one interpreter per stream (the streaming integration; docs/SPARK.md,"
                    + " \"Stateful models\"), or set spark.ember.resetState=true (EmberOptions.withResetState) to"
                    + " reset the state before every row.");
        }
    }

    /** The model has at least {@code inputs} inputs and an output {@code output}. */
    static void shape(String function, CachedModel model, String label, int inputs, int output) {
        if (model.inputs().size() != inputs) {
            throw new EmberSparkException(function + ": model " + label + " has " + model.inputs().size()
                    + " inputs, this function feeds " + inputs + (inputs == 1 ? "; use ember_predict_all or EmberModel" : ""));
        }
        if (output >= model.outputs().size()) {
            throw new EmberSparkException(function + ": model " + label + " has " + model.outputs().size()
                    + " outputs, no output " + output);
        }
    }

    /** The backend name is known here (null: the best); checked on the driver, as executors have the same jars. */
    static void backend(String name) {
        if (name != null) {
            dev.ember4j.runtime.Backends.byName(name);
        }
    }
}
