/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.sql.api.java.UDF3;

/**
 * The row function behind {@code ember_predict_all}: {@code (model, ARRAY<BINARY> of every input's raw
 * bytes in model order, the inputs' labels joined by newlines)} to every output's raw bytes, in model
 * order.
 */
final class PredictAllUdf implements UDF3<String, scala.collection.Seq<?>, String, Object> {
    private static final long serialVersionUID = 1L;
    private final EmberOptions options;
    private transient RowScorer scorer;
    private transient String labelsJoined;
    private transient String[] labels;
    private transient Object[] values;

    PredictAllUdf(EmberOptions options) {
        this.options = options;
    }

    @Override
    public Object call(String model, scala.collection.Seq<?> inputs, String columns) {
        RowScorer s = RowScorer.current(scorer, EmberSpark.PREDICT_ALL, options);
        scorer = s;
        InterpreterPool pool = s.pool(model);
        CachedModel m = pool.model();
        if (!columns.equals(labelsJoined)) {
            labels = columns.split("\n", -1);
            labelsJoined = columns;
        }
        if (inputs == null || inputs.length() != m.inputs().size()) {
            String problem = EmberSpark.PREDICT_ALL + ": " + (inputs == null ? "the inputs array is null"
                    : "the inputs array holds " + inputs.length() + " values") + " in this row; the model has "
                    + m.inputs().size() + " inputs";
            if (options.onError() == OnError.NULL) {
                return null;
            }
            throw new EmberRowException(problem + " (onError=null gives a null output instead)");
        }
        if (values == null || values.length != m.inputs().size()) {
            values = new Object[m.inputs().size()];
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = inputs.apply(i);
            String label = labels.length == values.length ? labels[i] : labels[0] + "[" + i + "]";
            if (!s.check(m.inputs().get(i), values[i], label)) {
                return null;
            }
        }
        Interpreter it = s.acquire(pool);
        boolean temporary = it == null;
        if (temporary) {
            it = pool.borrow();
        }
        try {
            for (int i = 0; i < values.length; i++) {
                s.write(it, m.inputs().get(i), values[i]);
            }
            s.invoke(it);
            byte[][] out = new byte[m.outputs().size()][];
            for (int o = 0; o < out.length; o++) {
                out[o] = (byte[]) s.read(it, m.outputs().get(o), RowScorer.Output.RAW, 0, null);
            }
            return out;
        } finally {
            if (temporary) {
                pool.giveBack(it);
            }
        }
    }
}
