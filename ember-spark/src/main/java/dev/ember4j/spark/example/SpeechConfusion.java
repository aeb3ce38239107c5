/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark.example;

import dev.ember4j.spark.EmberSpark;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.when;

/**
 * Scores a Parquet file of one-second 16 kHz WAVs with the micro_speech model (silence, unknown, yes, no)
 * through the audio front end, and prints a confusion table: true label (the WAV's folder, as in the
 * Speech Commands data set) against the model's answer.
 *
 * <pre>
 * spark-submit --class dev.ember4j.spark.example.SpeechConfusion ember-spark-all.jar \
 *     prepare /data/speech_commands /data/clips.parquet        # WAV folders into one Parquet file
 * spark-submit --class dev.ember4j.spark.example.SpeechConfusion ember-spark-all.jar \
 *     score /data/clips.parquet hdfs:///models/speech.tflite   # the confusion table
 * </pre>
 */
public final class SpeechConfusion {
    /** The speech model's classes, output index order. */
    public static final List<String> CLASSES = List.of("silence", "unknown", "yes", "no");

    private SpeechConfusion() {}

    public static void main(String[] args) {
        if (args.length != 3 || !(args[0].equals("prepare") || args[0].equals("score"))) {
            System.err.println("usage: SpeechConfusion prepare WAV_DIR OUT.parquet | score CLIPS.parquet MODEL.tflite");
            System.exit(2);
        }
        SparkSession spark = SparkSession.builder().appName("ember speech confusion").getOrCreate();
        try {
            if (args[0].equals("prepare")) {
                prepare(spark, args[1], args[2]);
            } else {
                System.out.print(format(confusion(score(spark, spark.read().parquet(args[1]), args[2]))));
            }
        } finally {
            spark.stop();
        }
    }

    /** Every *.wav under {@code wavDir} (recursively) into Parquet: path, truth (its folder's class), wav bytes. */
    public static void prepare(SparkSession spark, String wavDir, String parquet) {
        Dataset<Row> files = spark.read().format("binaryFile").option("pathGlobFilter", "*.wav")
                .option("recursiveFileLookup", "true").load(wavDir);
        Column folder = regexp_extract(col("path"), "([^/]+)/[^/]+$", 1);
        files.select(col("path"), when(folder.isin("yes", "no"), folder)
                        .when(folder.isin("silence", "_silence_", "_background_noise_"), lit("silence"))
                        .otherwise(lit("unknown")).as("truth"), col("content").as("wav"))
                .write().mode("overwrite").parquet(parquet);
    }

    /** Adds {@code predicted}: the model's class for each clip's features. */
    public static Dataset<Row> score(SparkSession spark, Dataset<Row> clips, String model) {
        EmberSpark.register(spark);
        String[] names = CLASSES.toArray(String[]::new);
        return clips.withColumn("features", org.apache.spark.sql.functions.call_function(EmberSpark.SPEECH_FEATURES, col("wav")))
                .withColumn("class", org.apache.spark.sql.functions.call_function(EmberSpark.ARGMAX, lit(model), col("features")))
                .withColumn("predicted", element_at(org.apache.spark.sql.functions.array(
                        java.util.Arrays.stream(names).map(org.apache.spark.sql.functions::lit).toArray(Column[]::new)),
                        col("class").plus(1)));
    }

    /** truth -> predicted -> count, every class present in both. */
    public static Map<String, Map<String, Long>> confusion(Dataset<Row> scored) {
        Map<String, Map<String, Long>> table = new LinkedHashMap<>();
        for (String t : CLASSES) {
            Map<String, Long> row = new LinkedHashMap<>();
            CLASSES.forEach(p -> row.put(p, 0L));
            table.put(t, row);
        }
        for (Row r : scored.groupBy("truth", "predicted").count().collectAsList()) {
            table.get(r.getString(0)).put(r.getString(1), r.getLong(2));
        }
        return table;
    }

    /** The table as text: one line per true class, one column per answer. */
    public static String format(Map<String, Map<String, Long>> table) {
        StringBuilder b = new StringBuilder(String.format("%-10s", "truth"));
        CLASSES.forEach(p -> b.append(String.format("%9s", p)));
        b.append('\n');
        for (Map.Entry<String, Map<String, Long>> e : table.entrySet()) {
            b.append(String.format("%-10s", e.getKey()));
            e.getValue().values().forEach(n -> b.append(String.format("%9d", n)));
            b.append('\n');
        }
        return b.toString();
    }
}
