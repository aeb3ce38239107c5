/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Rows per second through Spark ({@code ember_predict} over a cached DataFrame, local[cores]) against a
 * plain Interpreter loop over the same rows (one interpreter per thread, cores threads), for person_detect
 * and the MLPerf Tiny kws model, at 1 and 2 cores. Not a test: run with ember-spark/run-bench.sh.
 *
 * <pre>SparkBench [--rows-per-core N (default: about 4 s of work per run)] [--runs N (3)] [--models a,b]</pre>
 */
public final class SparkBench {
    private SparkBench() {}

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int rowsArg = 0;
        List<String> models = List.of("person_detect", "kws");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--rows-per-core" -> rowsArg = Integer.parseInt(args[++i]);
                case "--models" -> models = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("JDK %s, %d processors, backend %s%n", Runtime.version(), Runtime.getRuntime().availableProcessors(),
                dev.ember4j.runtime.Backends.best().name());
        System.out.printf("%-14s %5s %7s %14s %14s %9s%n", "model", "cores", "rows", "plain rows/s", "spark rows/s", "overhead");
        for (int cores = 1; cores <= 2; cores++) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("ember-spark-bench")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", cores)
                    .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");
            EmberSpark.register(spark);
            for (String name : models) {
                Path model = name.equals("kws") ? TestSpark.model("mlperf_tiny/kws_ref_model.tflite") : TestSpark.model(name + ".tflite");
                int rowsPerCore = rowsArg > 0 ? rowsArg : name.equals("kws") ? 20_000 : 8_000;
                int rows = rowsPerCore * cores;
                List<byte[]> inputs = inputs(model, rows);
                double plain = 0;
                double viaSpark = 0;
                Dataset<Row> df = frame(spark, inputs, cores).cache();
                df.count();
                df.createOrReplaceTempView("bench_rows");
                String query = "SELECT sum(length(ember_predict('" + model + "', input))) FROM bench_rows";
                for (int r = 0; r < runs + 1; r++) { // the first of each: warm-up
                    double p = plainLoop(model, inputs, cores);
                    long t0 = System.nanoTime();
                    spark.sql(query).collectAsList();
                    double s = rows / ((System.nanoTime() - t0) / 1e9);
                    if (r > 0) {
                        plain = Math.max(plain, p);
                        viaSpark = Math.max(viaSpark, s);
                    }
                }
                df.unpersist();
                System.out.printf("%-14s %5d %7d %14.0f %14.0f %8.1f%%%n", name, cores, rows, plain, viaSpark,
                        100 * (plain / viaSpark - 1));
            }
            spark.stop();
        }
    }

    private static List<byte[]> inputs(Path model, int rows) {
        int size;
        try (Interpreter it = Interpreter.builder(model).build()) {
            size = it.input(0).byteSize();
        }
        Random random = new Random(42);
        List<byte[]> inputs = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            inputs.add(b);
        }
        return inputs;
    }

    private static Dataset<Row> frame(SparkSession spark, List<byte[]> inputs, int partitions) {
        List<Row> rows = new ArrayList<>(inputs.size());
        for (byte[] b : inputs) {
            rows.add(RowFactory.create(b));
        }
        return spark.createDataFrame(rows, new StructType().add("input", DataTypes.BinaryType)).repartition(partitions);
    }

    /** Rows per second of {@code threads} threads, each with its own interpreter over its share of the rows. */
    private static double plainLoop(Path model, List<byte[]> inputs, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Interpreter> interpreters = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                interpreters.add(Interpreter.builder(model).build());
            }
            long t0 = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = t * inputs.size() / threads;
                int to = (t + 1) * inputs.size() / threads;
                Interpreter it = interpreters.get(t);
                done.add(pool.submit(() -> {
                    byte[] out = new byte[it.output(0).byteSize()];
                    long sum = 0;
                    for (int i = from; i < to; i++) {
                        it.run(inputs.get(i), out);
                        sum += out[0];
                    }
                    return sum;
                }));
            }
            for (Future<Long> f : done) {
                f.get();
            }
            double rate = inputs.size() / ((System.nanoTime() - t0) / 1e9);
            interpreters.forEach(Interpreter::close);
            return rate;
        } finally {
            pool.shutdown();
        }
    }
}
