/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.sql.api.java.UDF3;

/**
 * The row function behind {@code ember_predict}, {@code ember_predict_float} and {@code ember_argmax}:
 * {@code (model location, input value, column label)}, the label added by {@link EmberSpark} at query
 * creation so that a bad row's message names its column. One instance per task after Spark deserializes
 * it; its {@link RowScorer} is made on the task's thread.
 */
final class ScoreUdf implements UDF3<String, Object, String, Object> {
    private static final long serialVersionUID = 1L;
    private final String function;
    private final RowScorer.Output output;
    private final EmberOptions options;
    private transient RowScorer scorer;

    ScoreUdf(String function, RowScorer.Output output, EmberOptions options) {
        this.function = function;
        this.output = output;
        this.options = options;
    }

    @Override
    public Object call(String model, Object input, String column) {
        RowScorer s = RowScorer.current(scorer, function, options);
        scorer = s;
        return s.score(s.pool(model), input, column, output, 0, 0, null);
    }
}
