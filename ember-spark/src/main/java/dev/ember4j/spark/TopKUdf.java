/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.sql.api.java.UDF5;

/**
 * The row function behind {@code ember_topk}: {@code (model, input, k, labels location or null, column
 * label)} to the k best classes of output 0, best first (ties: the lower index first).
 */
final class TopKUdf implements UDF5<String, Object, Integer, String, String, Object> {
    private static final long serialVersionUID = 1L;
    private final EmberOptions options;
    private transient RowScorer scorer;
    private transient String labelsLocation;
    private transient java.util.List<String> labels;

    TopKUdf(EmberOptions options) {
        this.options = options;
    }

    @Override
    public Object call(String model, Object input, Integer k, String labelsAt, String column) {
        RowScorer s = RowScorer.current(scorer, EmberSpark.TOPK, options);
        scorer = s;
        if (k == null) {
            throw new EmberRowException(EmberSpark.TOPK + ": k is null in this row");
        }
        java.util.List<String> l = null;
        if (labelsAt != null) {
            if (!labelsAt.equals(labelsLocation)) {
                labels = LabelFiles.labels(labelsAt);
                labelsLocation = labelsAt;
            }
            l = labels;
        }
        return s.score(s.pool(model), input, column, RowScorer.Output.TOPK, 0, k, l);
    }
}
