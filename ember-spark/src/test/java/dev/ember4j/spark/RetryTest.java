/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A task that fails after scoring rows and is retried by Spark gives the Interpreter's bytes, and gives its
 * interpreter back on failure (the retry needs no new one).
 */
class RetryTest {
    /** Failures thrown (local mode: the tasks run in this JVM). */
    static final java.util.concurrent.atomic.AtomicInteger FAILED = new java.util.concurrent.atomic.AtomicInteger();

    /** Passes its input through, but fails the first attempt of partition 0 at its 50th row. */
    static final class FailFirstAttempt implements UDF1<byte[], byte[]> {
        private static final long serialVersionUID = 1L;
        private transient int seen;

        @Override
        public byte[] call(byte[] input) {
            TaskContext task = TaskContext.get();
            if (task.partitionId() == 0 && task.attemptNumber() == 0 && ++seen == 50) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("failing the first attempt on purpose");
            }
            return input;
        }
    }

    @Test
    void retriedTaskGivesTheSameBytes() {
        SparkSession spark = TestSpark.session();
        spark.udf().register("fail_first_attempt", new FailFirstAttempt(), DataTypes.BinaryType);
        // a model no other test uses, so that its interpreter count is this test's alone
        Path model = TestSpark.shared().resolve("conformance/conv2d_1x1_s1_valid_c3to8_relu/model.tflite");
        Random random = new Random(21);
        List<byte[]> inputs = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[7 * 7 * 3];
            random.nextBytes(b);
            inputs.add(b);
            rows.add(RowFactory.create(i, b));
        }
        spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType).add("input", DataTypes.BinaryType))
                .repartition(2).createOrReplaceTempView("retried_rows");
        String sha = ModelCache.sha256(TestSpark.bytes(model));
        List<Row> out = spark.sql("SELECT id, ember_predict('" + model + "', fail_first_attempt(input)) FROM retried_rows")
                .collectAsList();
        assertEquals(200, out.size());
        assertEquals(1, FAILED.get(), "one task failed and was retried");
        List<byte[]> expected = TestSpark.oracle(model, inputs);
        for (Row r : out) {
            assertArrayEquals(expected.get(r.getInt(0)), (byte[]) r.get(1), "row " + r.getInt(0));
        }
        assertEquals(1, ModelCache.preparations(sha));
        assertTrue(ModelCache.interpreters(sha) <= 2, "the failed task gave its interpreter back: "
                + ModelCache.interpreters(sha) + " made");
    }
}
