/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.FunctionIdentifier;
import org.apache.spark.sql.catalyst.analysis.FunctionRegistry;
import org.apache.spark.sql.catalyst.expressions.CreateArray;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.connector.catalog.CatalogManager;
import org.apache.spark.sql.catalyst.expressions.NamedExpression;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Ember's SQL functions for a Spark session:
 *
 * <pre>{@code
 * EmberSpark.register(spark);
 * spark.sql("SELECT id, ember_argmax('hdfs:///models/kws.tflite', features) AS label FROM clips");
 * }</pre>
 *
 * <ul>
 *   <li>{@code ember_predict(model STRING, input BINARY) -> BINARY}: the raw bytes of model input 0 in, of
 *       output 0 out (what {@code ember run --input/--output} reads and writes).</li>
 *   <li>{@code ember_predict_float(model, input ARRAY<FLOAT>) -> ARRAY<FLOAT>}: real values in (quantized
 *       as TFLite's QUANTIZE), output 0 dequantized out.</li>
 *   <li>{@code ember_argmax(model, input BINARY | ARRAY<FLOAT>) -> INT}: the index of output 0's largest
 *       value (the first on ties).</li>
 *   <li>{@code ember_topk(model, input, k INT [, labels STRING]) -> ARRAY<STRUCT<index INT, label STRING,
 *       score FLOAT>>}: output 0's k largest values, best first, labelled from a file of one label per
 *       line.</li>
 *   <li>{@code ember_predict_all(model, inputs ARRAY<BINARY>) -> ARRAY<BINARY>}: every input's raw bytes
 *       in model order to every output's.</li>
 *   <li>{@code ember_speech_features(wav BINARY) -> BINARY}: a 16 kHz mono WAV file's bytes to the
 *       micro_speech front end's int8 features (the speech model's input; no model argument).</li>
 * </ul>
 *
 * <p>{@code model} is a path every executor can read: a local path, a file shipped with SparkFiles, or any
 * Hadoop file system URI. When it is a literal, the model is read and prepared on the driver as the query is
 * created, so a malformed, unsupported or stateful model fails there, with Ember's message, not in a task.
 * It may also be a column (the model is then read on the executors, cached by content). Each JVM prepares a
 * model once per content hash ({@link ModelCache}); each task reuses one pooled interpreter.
 *
 * <p>Needs the classic (non-Connect) session: the functions check their model argument when the query is
 * analyzed, through the session's function registry.
 */
public final class EmberSpark {
    public static final String PREDICT = "ember_predict";
    public static final String PREDICT_FLOAT = "ember_predict_float";
    public static final String ARGMAX = "ember_argmax";
    public static final String TOPK = "ember_topk";
    public static final String PREDICT_ALL = "ember_predict_all";
    public static final String SPEECH_FEATURES = "ember_speech_features";

    /** Element of ember_topk's answer. */
    public static final StructType TOPK_ENTRY = new StructType()
            .add("index", DataTypes.IntegerType, false)
            .add("label", DataTypes.StringType, true)
            .add("score", DataTypes.FloatType, false);

    private EmberSpark() {}

    /** Registers the functions with the options of the session's {@code spark.ember.*} settings. */
    public static void register(SparkSession spark) {
        register(spark, EmberOptions.from(spark.conf()));
    }

    /** Registers the functions, scoring with these options (replaces an earlier registration). */
    public static void register(SparkSession spark, EmberOptions options) {
        if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
            throw new UnsupportedOperationException("EmberSpark needs a classic SparkSession, got "
                    + spark.getClass().getName() + " (Spark Connect clients: register on the server)");
        }
        Checks.backend(options.backend());
        FunctionRegistry registry = classic.sessionState().functionRegistry();
        register(spark, registry, PREDICT, new ScoreUdf(PREDICT, RowScorer.Output.RAW, options),
                DataTypes.BinaryType, 2, 2, options);
        register(spark, registry, PREDICT_FLOAT, new ScoreUdf(PREDICT_FLOAT, RowScorer.Output.FLOAT, options),
                DataTypes.createArrayType(DataTypes.FloatType, false), 2, 2, options);
        register(spark, registry, ARGMAX, new ScoreUdf(ARGMAX, RowScorer.Output.ARGMAX, options),
                DataTypes.IntegerType, 2, 2, options);
        register(spark, registry, TOPK, new TopKUdf(options),
                DataTypes.createArrayType(TOPK_ENTRY, false), 3, 4, options);
        register(spark, registry, PREDICT_ALL, new PredictAllUdf(options),
                DataTypes.createArrayType(DataTypes.BinaryType, false), 2, 2, options);
        register(spark, registry, SPEECH_FEATURES, new SpeechFeaturesUdf(options), DataTypes.BinaryType, 1, 1, options);
    }

    /** The row function's name in the registry (called by the public function's builder). */
    private static String rowFunction(String name) {
        return "__" + name + "_row";
    }

    private static void register(SparkSession spark, FunctionRegistry registry, String name, Object udf,
                                 DataType type, int minArgs, int maxArgs, EmberOptions options) {
        String row = rowFunction(name);
        if (udf instanceof org.apache.spark.sql.api.java.UDF2<?, ?, ?> u2) {
            spark.udf().register(row, u2, type);
        } else if (udf instanceof org.apache.spark.sql.api.java.UDF3<?, ?, ?, ?> u3) {
            spark.udf().register(row, u3, type);
        } else {
            spark.udf().register(row, (org.apache.spark.sql.api.java.UDF5<?, ?, ?, ?, ?, ?>) udf, type);
        }
        registry.createOrReplaceTempFunction(name, (scala.Function1<scala.collection.immutable.Seq<Expression>, Expression>) args ->
                        build(registry, name, row, CollectionConverters.asJava(args), minArgs, maxArgs, options), "java_udf");
    }

    /**
     * At query analysis: checks the arguments, loads a literal model on the driver (so that a bad model
     * fails the query's creation), and calls the row function with the input's label added.
     */
    private static Expression build(FunctionRegistry registry, String name, String row, List<Expression> args,
                                    int minArgs, int maxArgs, EmberOptions options) {
        if (args.size() < minArgs || args.size() > maxArgs) {
            throw new IllegalArgumentException(name + " takes " + (minArgs == maxArgs ? minArgs : minArgs + " or " + maxArgs)
                    + " arguments (" + (name.equals(SPEECH_FEATURES) ? "wav" : "model, input")
                    + (name.equals(TOPK) ? ", k[, labels]" : "") + "), got " + args.size());
        }
        if (name.equals(SPEECH_FEATURES)) {
            return lookup(registry, row, List.of(args.get(0), Literal.create(label(args.get(0), false), DataTypes.StringType)));
        }
        Expression model = args.get(0);
        if (model.resolved() && model.foldable()) {
            Object location = model.eval(null);
            if (location == null) {
                throw new EmberSparkException(name + ": the model argument is null");
            }
            CachedModel m = ModelCache.model(location.toString());
            String label = "'" + location + "'";
            Checks.stateless(name, m, label, options);
            if (name.equals(PREDICT_ALL)) {
                Checks.shape(name, m, label, m.inputs().size(), 0);
            } else {
                Checks.shape(name, m, label, 1, 0);
            }
        }
        List<Expression> call = new ArrayList<>(args.subList(0, Math.min(args.size(), name.equals(TOPK) ? 3 : 2)));
        if (name.equals(TOPK)) {
            call.add(args.size() > 3 ? args.get(3) : Literal.create(null, DataTypes.StringType));
        }
        call.add(Literal.create(label(args.get(1), name.equals(PREDICT_ALL)), DataTypes.StringType));
        return lookup(registry, row, call);
    }

    private static Expression lookup(FunctionRegistry registry, String row, List<Expression> call) {
        try {
            return registry.lookupFunction(temporary(row), CollectionConverters.asScala(call).toList());
        } catch (org.apache.spark.sql.AnalysisException e) {
            throw EmberSpark.<RuntimeException>rethrow(e);
        }
    }

    /** A session's temporary function, as the registry names them (system.session.name). */
    private static FunctionIdentifier temporary(String name) {
        return new FunctionIdentifier(name, scala.Option.apply(CatalogManager.SESSION_NAMESPACE()),
                scala.Option.apply(CatalogManager.SYSTEM_CATALOG_NAME()));
    }

    /** Throws a checked exception (Spark's AnalysisException) from the registry's builder function as it is. */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /**
     * How a row error names an input: its column name, or its SQL text; for ember_predict_all, the labels of
     * an {@code array(...)}'s elements joined by newlines.
     */
    private static String label(Expression e, boolean elements) {
        if (elements && e instanceof CreateArray array) {
            return CollectionConverters.asJava(array.children()).stream().map(c -> label(c, false))
                    .collect(Collectors.joining("\n"));
        }
        if (e instanceof NamedExpression named) {
            return named.name();
        }
        try {
            return e.sql();
        } catch (RuntimeException ex) {
            return e.toString();
        }
    }
}
