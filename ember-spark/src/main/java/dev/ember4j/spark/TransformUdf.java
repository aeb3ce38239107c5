/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;

/**
 * {@link EmberModel}'s row function: a struct of the input columns to a struct of the outputs. The model
 * bytes come from a broadcast, fetched by an executor only the first time its JVM meets the model's hash.
 */
final class TransformUdf implements UDF1<Row, Row> {
    private static final long serialVersionUID = 1L;
    private final String sha256;
    private final String label;
    private final Broadcast<byte[]> model;
    private final String[] inputCols;
    private final int[] inputTensors;
    private final int[] outputTensors;
    private final OutputKind[] kinds;
    private final EmberOptions options;
    private final int topK;
    private final java.util.List<String> labels;
    private transient RowScorer scorer;
    private transient InterpreterPool pool;
    private transient Object[] values;

    TransformUdf(String sha256, String label, Broadcast<byte[]> model, String[] inputCols, int[] inputTensors,
                 int[] outputTensors, OutputKind[] kinds, EmberOptions options, int topK,
                 java.util.List<String> labels) {
        this.sha256 = sha256;
        this.label = label;
        this.model = model;
        this.inputCols = inputCols;
        this.inputTensors = inputTensors;
        this.outputTensors = outputTensors;
        this.kinds = kinds;
        this.options = options;
        this.topK = topK;
        this.labels = labels;
    }

    @Override
    public Row call(Row row) {
        RowScorer s = RowScorer.current(scorer, "EmberModel", options);
        if (s != scorer || pool == null) {
            scorer = s;
            pool = s.pool(ModelCache.model(sha256, model::value, label), label);
            values = new Object[inputCols.length];
        }
        CachedModel m = pool.model();
        for (int i = 0; i < inputCols.length; i++) {
            values[i] = row.get(i);
            if (!s.check(m.inputs().get(inputTensors[i]), values[i], inputCols[i])) {
                return null;
            }
        }
        Interpreter it = s.acquire(pool);
        boolean temporary = it == null;
        if (temporary) {
            it = pool.borrow();
        }
        try {
            for (int i = 0; i < inputCols.length; i++) {
                s.write(it, m.inputs().get(inputTensors[i]), values[i]);
            }
            s.invoke(it);
            Object[] out = new Object[outputTensors.length];
            for (int o = 0; o < out.length; o++) {
                TensorSpec spec = m.outputs().get(outputTensors[o]);
                out[o] = s.read(it, spec, switch (kinds[o]) {
                    case RAW -> RowScorer.Output.RAW;
                    case FLOAT -> RowScorer.Output.FLOAT;
                    case ARGMAX -> RowScorer.Output.ARGMAX;
                    case TOPK -> RowScorer.Output.TOPK;
                }, topK, labels);
            }
            return RowFactory.create(out);
        } finally {
            if (temporary) {
                pool.giveBack(it);
            }
        }
    }
}
