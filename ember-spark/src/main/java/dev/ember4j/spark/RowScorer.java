/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.TaskCompletionListener;

import java.util.IdentityHashMap;
import java.util.List;

/**
 * Scores rows on one thread, the task's: checks a row's values against the model inputs, writes them into
 * an interpreter, invokes it and reads an output. The interpreter is borrowed from the JVM's pool on the
 * task's first row and given back when the task completes, so a task reuses one interpreter (and its
 * arena) for all its rows and two threads never share one; outside a task (e.g. on the driver) each call
 * borrows and gives back. Per row it allocates only the answer Spark keeps (and, for float inputs, nothing
 * beyond Spark's own array).
 *
 * <p>Not thread-safe by design: {@link #current} gives each thread its own.
 */
final class RowScorer {
    private final String function;
    private final EmberOptions options;
    private final Thread owner = Thread.currentThread();
    private final TaskContext task = TaskContext.get();
    private final IdentityHashMap<InterpreterPool, Interpreter> held = new IdentityHashMap<>();
    private InterpreterPool lastPool;
    private Interpreter lastInterpreter;
    private String lastLocation;
    private InterpreterPool lastLocationPool;
    /** Every model location this task met (a model column may alternate between a few). */
    private final java.util.HashMap<String, InterpreterPool> locations = new java.util.HashMap<>();
    private float[][] floatInputs = new float[0][];
    private float[] floatOutput = new float[0];

    RowScorer(String function, EmberOptions options) {
        this.function = function;
        this.options = options;
    }

    /** {@code existing} if it belongs to this thread, else a new scorer for it. */
    static RowScorer current(RowScorer existing, String function, EmberOptions options) {
        return existing != null && existing.owner == Thread.currentThread() ? existing : new RowScorer(function, options);
    }

    EmberOptions options() {
        return options;
    }

    /** The pool of the model at this location (remembered for the next row). */
    InterpreterPool pool(String location) {
        if (location == null) {
            throw new EmberSparkException(function + ": the model argument is null in this row");
        }
        if (location.equals(lastLocation)) {
            return lastLocationPool;
        }
        InterpreterPool p = locations.get(location);
        if (p == null) {
            p = pool(ModelCache.model(location), "'" + location + "'");
            locations.put(location, p);
        }
        lastLocation = location;
        lastLocationPool = p;
        return p;
    }

    /** The pool of this model; refuses a stateful one unless the options reset its state per row. */
    InterpreterPool pool(CachedModel model, String label) {
        Checks.stateless(function, model, label, options);
        return ModelCache.pool(model, options.backend(), options.threads());
    }

    /**
     * Checks one input value, in place of every row problem an interpreter would report less clearly.
     *
     * @return false when the row must give null ({@link OnError#NULL})
     * @throws EmberRowException the value cannot be scored and the option is {@link OnError#FAIL}
     */
    boolean check(TensorSpec spec, Object value, String column) {
        String problem = problem(spec, value, column);
        if (problem == null) {
            return true;
        }
        if (options.onError() == OnError.NULL) {
            return false;
        }
        throw new EmberRowException(function + ": " + problem + " (onError=null gives a null output instead)");
    }

    private String problem(TensorSpec spec, Object value, String column) {
        if (value == null) {
            return "column '" + column + "' is null in this row; model " + spec.describe("input") + " expects "
                    + spec.byteSize() + " bytes (or " + spec.elementCount() + " floats)";
        }
        if (value instanceof byte[] b) {
            return b.length == spec.byteSize() ? null : "column '" + column + "' holds " + b.length
                    + " bytes in this row; model " + spec.describe("input") + " expects " + spec.byteSize() + " bytes";
        }
        if (value instanceof scala.collection.Seq<?> seq) {
            int n = seq.length();
            if (n != spec.elementCount()) {
                return "column '" + column + "' holds " + n + " values in this row; model " + spec.describe("input")
                        + " expects " + spec.elementCount() + " values";
            }
            float[] f = floatInput(spec);
            scala.collection.Iterator<?> it = seq.iterator();
            for (int i = 0; i < n; i++) {
                Object v = it.next();
                if (!(v instanceof Number num)) {
                    return "column '" + column + "' has " + (v == null ? "a null" : "a " + v.getClass().getSimpleName())
                            + " at index " + i + " in this row; model " + spec.describe("input") + " takes numbers";
                }
                f[i] = num.floatValue();
            }
            return null;
        }
        if (value instanceof float[] a) {
            if (a.length != spec.elementCount()) {
                return "column '" + column + "' holds " + a.length + " values in this row; model "
                        + spec.describe("input") + " expects " + spec.elementCount() + " values";
            }
            System.arraycopy(a, 0, floatInput(spec), 0, a.length);
            return null;
        }
        return "column '" + column + "' is a " + value.getClass().getName() + "; model " + spec.describe("input")
                + " takes BINARY (raw bytes) or ARRAY<FLOAT>";
    }

    private float[] floatInput(TensorSpec spec) {
        int i = spec.index();
        if (i >= floatInputs.length) {
            floatInputs = java.util.Arrays.copyOf(floatInputs, i + 1);
        }
        float[] f = floatInputs[i];
        if (f == null || f.length != spec.elementCount()) {
            f = new float[spec.elementCount()];
            floatInputs[i] = f;
        }
        return f;
    }

    /** Writes a value that {@link #check} accepted into input {@code spec.index()}. */
    void write(Interpreter it, TensorSpec spec, Object value) {
        if (value instanceof byte[] b) {
            it.input(spec.index()).copyFrom(b);
        } else {
            it.input(spec.index()).quantize(floatInputs[spec.index()]);
        }
    }

    /** This task's interpreter of the pool, or null outside a task or off the owner thread (then borrow). */
    Interpreter acquire(InterpreterPool pool) {
        if (task == null || Thread.currentThread() != owner) {
            return null;
        }
        if (pool == lastPool) {
            return lastInterpreter;
        }
        Interpreter it = held.get(pool);
        if (it == null) {
            Interpreter borrowed = pool.borrow();
            it = borrowed;
            held.put(pool, borrowed);
            task.addTaskCompletionListener((TaskCompletionListener) ctx -> pool.giveBack(borrowed));
        }
        lastPool = pool;
        lastInterpreter = it;
        return it;
    }

    /** Runs the interpreter on the inputs written, with the state reset first when the options ask. */
    void invoke(Interpreter it) {
        if (options.resetState()) {
            it.resetVariables();
        }
        it.invoke();
    }

    /** Scores one row of a one-input model function; null under onError=null for a bad value. */
    Object score(InterpreterPool pool, Object value, String column, Output output, int outputIndex, int k,
                 List<String> labels) {
        CachedModel m = pool.model();
        if (m.inputs().size() != 1) {
            throw new EmberSparkException(function + ": the model has " + m.inputs().size()
                    + " inputs; use ember_predict_all or EmberModel for several");
        }
        TensorSpec in = m.inputs().get(0);
        if (!check(in, value, column)) {
            return null;
        }
        Interpreter it = acquire(pool);
        boolean temporary = it == null;
        if (temporary) {
            it = pool.borrow();
        }
        try {
            write(it, in, value);
            invoke(it);
            return read(it, m.outputs().get(outputIndex), output, k, labels);
        } finally {
            if (temporary) {
                pool.giveBack(it);
            }
        }
    }

    /** What a function answers from an output tensor. */
    enum Output { RAW, FLOAT, ARGMAX, TOPK }

    Object read(Interpreter it, TensorSpec out, Output output, int k, List<String> labels) {
        switch (output) {
            case RAW: {
                byte[] b = new byte[out.byteSize()];
                it.output(out.index()).copyTo(b);
                return b;
            }
            case FLOAT: {
                float[] f = new float[out.elementCount()];
                it.output(out.index()).dequantize(f);
                return f;
            }
            case ARGMAX: {
                float[] f = floatOutput(it, out);
                int best = 0;
                for (int i = 1; i < f.length; i++) {
                    if (f[i] > f[best]) {
                        best = i;
                    }
                }
                return best;
            }
            default: {
                float[] f = floatOutput(it, out);
                int n = Math.min(Math.max(k, 0), f.length);
                Row[] top = new Row[n];
                boolean[] taken = new boolean[f.length];
                for (int r = 0; r < n; r++) {
                    int best = -1;
                    for (int i = 0; i < f.length; i++) {
                        if (!taken[i] && (best < 0 || f[i] > f[best])) {
                            best = i;
                        }
                    }
                    taken[best] = true;
                    String label = labels != null && best < labels.size() ? labels.get(best) : null;
                    top[r] = RowFactory.create(best, label, f[best]);
                }
                return top;
            }
        }
    }

    /** Output {@code out} dequantized into a buffer reused from row to row. */
    private float[] floatOutput(Interpreter it, TensorSpec out) {
        if (floatOutput.length != out.elementCount()) {
            floatOutput = new float[out.elementCount()];
        }
        it.output(out.index()).dequantize(floatOutput);
        return floatOutput;
    }
}
