/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inside a Spark task, in the steady state, a row costs no allocation beyond its answer: the function finds
 * its model, pool and interpreter without allocating, and the interpreter allocates nothing.
 */
class AllocationTest {
    /** Bytes the task thread allocated per call of the row function, after warm-up (run inside a task). */
    static long bytesPerRow(String model, RowScorer.Output output, int rows) {
        ScoreUdf udf = new ScoreUdf("allocation", output, EmberOptions.defaults().withBackend("ref"));
        byte[] input;
        try (var it = dev.ember4j.runtime.Interpreter.builder(Path.of(model)).build()) {
            input = new byte[it.input(0).byteSize()];
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        Object sink = null;
        for (int i = 0; i < rows; i++) {
            input[i % input.length] = (byte) i;
            sink = udf.call(model, input, "input");
        }
        long before = mx.getThreadAllocatedBytes(id);
        for (int i = 0; i < rows; i++) {
            input[i % input.length] = (byte) i;
            sink = udf.call(model, input, "input");
        }
        long after = mx.getThreadAllocatedBytes(id);
        if (sink == null) {
            throw new AssertionError("no answer");
        }
        return (after - before) / rows;
    }

    private static long inTask(SparkSession spark, String model, RowScorer.Output output, int rows) {
        MapPartitionsFunction<Long, Long> f = ignored -> List.of(bytesPerRow(model, output, rows)).iterator();
        List<Long> perRow = spark.range(1).repartition(1).mapPartitions(f, Encoders.LONG()).collectAsList();
        assertEquals(1, perRow.size());
        return perRow.get(0);
    }

    @Test
    void argmaxAllocatesNothingPerRowAndPredictOnlyItsAnswer() {
        SparkSession spark = TestSpark.session();
        String sine = TestSpark.model("sine.tflite").toString();
        long argmax = inTask(spark, sine, RowScorer.Output.ARGMAX, 20_000);
        assertEquals(0, argmax, "ember_argmax: bytes allocated per row (the answer is a cached small Integer)");
        long raw = inTask(spark, sine, RowScorer.Output.RAW, 20_000);
        // the answer: a byte[1] (16-byte header + 1 byte, aligned to 24) and nothing else
        // (at least 16: the measurement sees the answer, so the 0 above is not a blind spot)
        assertTrue(raw >= 16 && raw <= 24, "ember_predict: bytes allocated per row for its 1-byte answer: " + raw);
        String speech = TestSpark.model("speech.tflite").toString();
        assertEquals(0, inTask(spark, speech, RowScorer.Output.ARGMAX, 1_000), "ember_argmax on speech: bytes per row");
    }
}
