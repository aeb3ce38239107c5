/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Ember as a Spark ML pipeline stage: input columns to model inputs, model outputs to new columns.
 *
 * <pre>{@code
 * EmberModel kws = new EmberModel().setModelPath("hdfs:///models/kws.tflite")
 *         .setInputCol("features").setOutputCols("label").setOutputKinds("argmax");
 * Dataset<Row> scored = kws.transform(clips);
 * new Pipeline().setStages(new PipelineStage[] {kws}).fit(clips).write().save("hdfs:///pipelines/kws");
 * }</pre>
 *
 * <p>The model comes from a path (read on the driver when set) or from bytes, and is checked on the
 * driver at once: a malformed, unsupported or stateful model fails {@link #setModelPath}/{@link
 * #setModelBytes}, a column/tensor mismatch fails {@link #transformSchema}, not a task. Its bytes reach each
 * executor once, as a broadcast; each executor JVM prepares the model once per content hash and each task
 * reuses one pooled interpreter ({@link ModelCache}). Saved with {@link #write()} (and in a saved
 * pipeline), the stage carries the model bytes: {@code model.tflite} beside Spark's metadata.
 *
 * <p>Input columns are BINARY (raw tensor bytes) or ARRAY of numbers (quantized for the model); they map to
 * {@code inputTensors} (names or indices; by default the model inputs in order). Each output column
 * holds a model output ({@code outputTensors}, by default 0, 1, ...) as {@link OutputKind raw, float, argmax
 * or top-k} (with {@code topK} and {@code labels}).
 */
public final class EmberModel extends Transformer implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Param<String> modelPath;
    private final StringArrayParam inputCols;
    private final StringArrayParam inputTensors;
    private final StringArrayParam outputCols;
    private final StringArrayParam outputTensors;
    private final StringArrayParam outputKinds;
    private final Param<String> backend;
    private final IntParam threads;
    private final Param<String> onError;
    private final BooleanParam resetState;
    private final IntParam topK;
    private final StringArrayParam labels;
    private byte[] modelBytes;
    private transient Broadcast<byte[]> broadcast;
    private transient SparkContext broadcastContext;

    public EmberModel() {
        this(Identifiable.randomUID("ember"));
    }

    public EmberModel(String uid) {
        this.uid = uid;
        modelPath = new Param<>(this, "modelPath", "where the model was read from (informational once loaded)");
        inputCols = new StringArrayParam(this, "inputCols", "input columns: BINARY (raw bytes) or ARRAY of numbers");
        inputTensors = new StringArrayParam(this, "inputTensors",
                "model input of each input column, by name or index (default: the model inputs in order)");
        outputCols = new StringArrayParam(this, "outputCols", "output columns, one per model output used");
        outputTensors = new StringArrayParam(this, "outputTensors",
                "model output of each output column, by name or index (default: 0, 1, ...)");
        outputKinds = new StringArrayParam(this, "outputKinds",
                "raw (BINARY), float (ARRAY<FLOAT>), argmax (INT) or topk (ARRAY<STRUCT<index, label, score>>) per"
                        + " output column; one value applies to all");
        backend = new Param<>(this, "backend", "kernel backend name (ref, simd, ...); empty: the best available");
        threads = new IntParam(this, "threads", "threads per interpreter (per task)");
        onError = new Param<>(this, "onError", "fail or null: what a row with a null or wrong-length input gives");
        resetState = new BooleanParam(this, "resetState",
                "run a stateful model with its state reset before every row instead of refusing it");
        topK = new IntParam(this, "topK", "classes in a topk output (the k largest values)");
        labels = new StringArrayParam(this, "labels", "class labels of topk outputs, label i for index i (saved with the stage)");
        setDefault(modelPath, "");
        setDefault(topK, 5);
        setDefault(labels, new String[0]);
        setDefault(inputTensors, new String[0]);
        setDefault(outputTensors, new String[0]);
        setDefault(outputKinds, new String[] {"raw"});
        setDefault(backend, "");
        setDefault(threads, 1);
        setDefault(onError, "fail");
        setDefault(resetState, false);
    }

    @Override
    public String uid() {
        return uid;
    }

    public Param<String> modelPath() {
        return modelPath;
    }

    public StringArrayParam inputCols() {
        return inputCols;
    }

    public StringArrayParam inputTensors() {
        return inputTensors;
    }

    public StringArrayParam outputCols() {
        return outputCols;
    }

    public StringArrayParam outputTensors() {
        return outputTensors;
    }

    public StringArrayParam outputKinds() {
        return outputKinds;
    }

    public Param<String> backend() {
        return backend;
    }

    public IntParam threads() {
        return threads;
    }

    public Param<String> onError() {
        return onError;
    }

    public BooleanParam resetState() {
        return resetState;
    }

    public IntParam topK() {
        return topK;
    }

    public StringArrayParam labels() {
        return labels;
    }

    /** Classes in each topk output column (default 5). */
    public EmberModel setTopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("topK must be at least 1, got " + k);
        }
        set(topK, k);
        return this;
    }

    /** Labels of the classes of topk outputs, label i naming index i; saved with the stage. */
    public EmberModel setLabels(String... values) {
        set(labels, values);
        return this;
    }

    /**
     * Reads the model (local path, SparkFiles name or Hadoop URI) on the driver and checks it.
     *
     * @throws EmberSparkException it cannot be read or used (Ember's message)
     */
    public EmberModel setModelPath(String path) {
        byte[] bytes;
        try {
            bytes = ModelFiles.read(path);
        } catch (IOException | RuntimeException e) {
            throw new EmberSparkException("cannot read model '" + path + "': " + e.getMessage(), e);
        }
        ModelCache.model(bytes, "'" + path + "'");
        set(modelPath, path);
        setBytes(bytes);
        return this;
    }

    /** This model (not copied: do not change it), checked at once. @throws EmberSparkException it cannot be used */
    public EmberModel setModelBytes(byte[] bytes) {
        ModelCache.model(bytes, "given as bytes");
        setBytes(bytes);
        return this;
    }

    private void setBytes(byte[] bytes) {
        modelBytes = bytes;
        broadcast = null;
        broadcastContext = null;
    }

    /** The model bytes (shared, not copied), or null before a model was set. */
    public byte[] getModelBytes() {
        return modelBytes;
    }

    public EmberModel setInputCol(String column) {
        return setInputCols(column);
    }

    public EmberModel setInputCols(String... columns) {
        set(inputCols, columns);
        return this;
    }

    public EmberModel setInputTensors(String... tensors) {
        set(inputTensors, tensors);
        return this;
    }

    public EmberModel setOutputCol(String column) {
        return setOutputCols(column);
    }

    public EmberModel setOutputCols(String... columns) {
        set(outputCols, columns);
        return this;
    }

    public EmberModel setOutputTensors(String... tensors) {
        set(outputTensors, tensors);
        return this;
    }

    /** "raw", "float", "argmax" or "topk" per output column (one value: for every output column). */
    public EmberModel setOutputKinds(String... kinds) {
        Arrays.stream(kinds).forEach(OutputKind::parse);
        set(outputKinds, kinds);
        return this;
    }

    public EmberModel setBackend(String name) {
        set(backend, name == null ? "" : name);
        return this;
    }

    public EmberModel setThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + n);
        }
        set(threads, n);
        return this;
    }

    /** "fail" (the default) or "null"; see {@link OnError}. */
    public EmberModel setOnError(String value) {
        set(onError, OnError.parse(value).value());
        return this;
    }

    public EmberModel setResetState(boolean value) {
        set(resetState, value);
        return this;
    }

    EmberOptions options() {
        return new EmberOptions(OnError.parse(getOrDefault(onError)), getOrDefault(backend),
                (Integer) getOrDefault(threads), (Boolean) getOrDefault(resetState));
    }

    /** The columns and tensors of a transform, checked against the model and the schema. */
    private record Plan(CachedModel model, String[] inputCols, int[] inputTensors, String[] outputCols,
                        int[] outputTensors, OutputKind[] kinds) {}

    private String label() {
        String p = getOrDefault(modelPath);
        return "EmberModel " + uid + (p.isEmpty() ? "" : " ('" + p + "')");
    }

    private Plan plan(StructType schema) {
        if (modelBytes == null) {
            throw new IllegalStateException(label() + ": no model; call setModelPath or setModelBytes");
        }
        CachedModel m = ModelCache.model(modelBytes, label());
        Checks.stateless("EmberModel", m, label(), options());
        Checks.backend(options().backend());
        if (!isDefined(inputCols) || !isDefined(outputCols)) {
            throw new IllegalArgumentException(label() + ": set the input and output columns");
        }
        String[] in = getOrDefault(inputCols);
        String[] inT = getOrDefault(inputTensors);
        if (inT.length == 0 && in.length != m.inputs().size()) {
            throw new IllegalArgumentException(label() + ": the model has " + m.inputs().size() + " inputs "
                    + m.inputs().stream().map(t -> t.describe("input")).toList() + ", got " + in.length + " input columns");
        }
        int[] inIdx = tensors(inT, in.length, m.inputs(), "input");
        if (Arrays.stream(inIdx).distinct().count() != m.inputs().size()) {
            throw new IllegalArgumentException(label() + ": every model input needs exactly one column; the inputs are "
                    + m.inputs().stream().map(t -> t.describe("input")).toList() + ", mapped: " + Arrays.toString(inIdx));
        }
        for (int i = 0; i < in.length; i++) {
            if (!Arrays.asList(schema.fieldNames()).contains(in[i])) {
                throw new IllegalArgumentException(label() + ": no input column '" + in[i] + "' in " + schema.simpleString());
            }
            DataType t = schema.apply(in[i]).dataType();
            boolean ok = t instanceof BinaryType || t instanceof ArrayType a && a.elementType() instanceof NumericType;
            if (!ok) {
                throw new IllegalArgumentException(label() + ": input column '" + in[i] + "' is " + t.simpleString()
                        + "; model " + m.inputs().get(inIdx[i]).describe("input") + " takes BINARY or ARRAY<FLOAT>");
            }
        }
        String[] out = getOrDefault(outputCols);
        int[] outIdx = tensors(getOrDefault(outputTensors), out.length, m.outputs(), "output");
        String[] k = getOrDefault(outputKinds);
        if (k.length != 1 && k.length != out.length) {
            throw new IllegalArgumentException(label() + ": " + k.length + " output kinds for " + out.length + " output columns");
        }
        OutputKind[] kinds = new OutputKind[out.length];
        for (int o = 0; o < out.length; o++) {
            kinds[o] = OutputKind.parse(k.length == 1 ? k[0] : k[o]);
            if (Arrays.asList(schema.fieldNames()).contains(out[o])) {
                throw new IllegalArgumentException(label() + ": output column '" + out[o] + "' already exists");
            }
        }
        return new Plan(m, in, inIdx, out, outIdx, kinds);
    }

    /** Tensor indices from names or indices (none given: 0, 1, ... n-1). */
    private int[] tensors(String[] given, int n, List<TensorSpec> specs, String role) {
        if (given.length != 0 && given.length != n) {
            throw new IllegalArgumentException(label() + ": " + given.length + " " + role + " tensors for " + n + " "
                    + role + " columns");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            String g = given.length == 0 ? Integer.toString(i) : given[i];
            idx[i] = -1;
            for (TensorSpec s : specs) {
                if (s.name().equals(g) || Integer.toString(s.index()).equals(g)) {
                    idx[i] = s.index();
                    break;
                }
            }
            if (idx[i] < 0) {
                throw new IllegalArgumentException(label() + ": no model " + role + " '" + g + "'; the " + role + "s are "
                        + specs.stream().map(t -> t.describe(role)).toList());
            }
        }
        return idx;
    }

    private static DataType type(OutputKind kind) {
        return switch (kind) {
            case RAW -> DataTypes.BinaryType;
            case FLOAT -> DataTypes.createArrayType(DataTypes.FloatType, false);
            case ARGMAX -> DataTypes.IntegerType;
            case TOPK -> DataTypes.createArrayType(EmberSpark.TOPK_ENTRY, false);
        };
    }

    @Override
    public StructType transformSchema(StructType schema) {
        Plan p = plan(schema);
        StructType out = schema;
        for (int o = 0; o < p.outputCols().length; o++) {
            out = out.add(new StructField(p.outputCols()[o], type(p.kinds()[o]), true,
                    org.apache.spark.sql.types.Metadata.empty()));
        }
        return out;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        Plan p = plan(dataset.schema());
        StructType result = new StructType();
        for (int o = 0; o < p.outputCols().length; o++) {
            result = result.add("_" + o, type(p.kinds()[o]), true);
        }
        TransformUdf udf = new TransformUdf(p.model().sha256(), label(), broadcast(dataset.sparkSession().sparkContext()),
                p.inputCols(), p.inputTensors(), p.outputTensors(), p.kinds(), options(), (Integer) getOrDefault(topK),
                List.of(getOrDefault(labels)));
        Column[] in = Arrays.stream(p.inputCols()).map(functions::col).toArray(Column[]::new);
        String tmp = "__ember_" + uid;
        Dataset<Row> out = dataset.withColumn(tmp, functions.udf(udf, result).apply(functions.struct(in)));
        for (int o = 0; o < p.outputCols().length; o++) {
            out = out.withColumn(p.outputCols()[o], out.col(tmp).getField("_" + o));
        }
        return out.drop(tmp);
    }

    /** The model bytes as a broadcast of this context, made once per transformer and context. */
    private synchronized Broadcast<byte[]> broadcast(SparkContext sc) {
        if (broadcast == null || broadcastContext != sc) {
            broadcast = JavaSparkContext.fromSparkContext(sc).broadcast(modelBytes);
            broadcastContext = sc;
        }
        return broadcast;
    }

    @Override
    public EmberModel copy(ParamMap extra) {
        EmberModel c = new EmberModel(uid);
        copyValues(c, extra);
        c.modelBytes = modelBytes;
        return c;
    }

    /** Writes Spark's metadata (the parameters) and the model bytes, {@code model.tflite}. */
    @Override
    public MLWriter write() {
        return new EmberModelWriter(this);
    }

    public static MLReader<EmberModel> read() {
        return new EmberModelReader();
    }

    public static EmberModel load(String path) {
        return read().load(path);
    }
}
