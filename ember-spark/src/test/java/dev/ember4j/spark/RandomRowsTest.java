/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Many random rows over several partitions and two task threads equal a plain Interpreter loop, and the
 * JVM prepared each model once and made at most one interpreter per task thread.
 */
class RandomRowsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    private static void randomRowsEqualTheInterpreter(Path model, int rows, int partitions, long seed) {
        int size = inputBytes(model);
        Random random = new Random(seed);
        List<byte[]> inputs = new ArrayList<>();
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            byte[] b = new byte[size];
            random.nextBytes(b);
            inputs.add(b);
            data.add(RowFactory.create(i, b));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("input", DataTypes.BinaryType);
        spark.createDataFrame(data, schema).repartition(partitions).createOrReplaceTempView("random_rows");
        List<byte[]> expected = TestSpark.oracle(model, inputs);
        String sha = ModelCache.sha256(TestSpark.bytes(model));
        // twice: the second query prepares nothing and makes no interpreter
        for (int run = 0; run < 2; run++) {
            List<Row> out = spark.sql("SELECT id, ember_predict('" + model + "', input) FROM random_rows").collectAsList();
            assertEquals(rows, out.size());
            for (Row r : out) {
                assertArrayEquals(expected.get(r.getInt(0)), (byte[]) r.get(1), "row " + r.getInt(0));
            }
            assertEquals(1, ModelCache.preparations(sha), "prepared once in this JVM");
            int interpreters = ModelCache.interpreters(sha);
            assertTrue(interpreters >= 1 && interpreters <= 2,
                    "one interpreter per task thread (local[2]) at most, got " + interpreters);
        }
    }

    private static int inputBytes(Path model) {
        try (var it = dev.ember4j.runtime.Interpreter.builder(model).backend("ref").build()) {
            return it.input(0).byteSize();
        }
    }

    /**
     * 100,000 rows made in Spark (input = a hash of the row id, so every one of the 256 int8 inputs occurs),
     * checked in Spark against the plain Interpreter's answer to each of the 256 inputs.
     */
    @Test
    void hundredThousandSineRowsCheckedInSpark() {
        Path model = TestSpark.model("sine.tflite");
        List<Row> table = new ArrayList<>();
        for (int v = 0; v < 256; v++) {
            byte[] in = {(byte) v};
            table.add(RowFactory.create(in, TestSpark.oracle(model, in)));
        }
        StructType schema = new StructType().add("input", DataTypes.BinaryType).add("expected", DataTypes.BinaryType);
        spark.createDataFrame(table, schema).createOrReplaceTempView("sine_table");
        spark.range(0, 100_000, 1, 8).selectExpr("id", "unhex(lpad(hex(pmod(hash(id), 256)), 2, '0')) AS input")
                .createOrReplaceTempView("sine_rows");
        Row r = spark.sql("SELECT count(*), count(DISTINCT r.input), sum(CASE WHEN ember_predict('" + model
                + "', r.input) = t.expected THEN 0 ELSE 1 END) FROM sine_rows r JOIN sine_table t ON r.input = t.input")
                .first();
        assertEquals(100_000L, r.getLong(0), "rows");
        assertEquals(256L, r.getLong(1), "distinct inputs");
        assertEquals(0L, r.getLong(2), "rows whose answer differs from the Interpreter's");
        assertEquals(1, ModelCache.preparations(ModelCache.sha256(TestSpark.bytes(model))));
    }

    @Test
    void twentyThousandSineRows() {
        randomRowsEqualTheInterpreter(TestSpark.model("sine.tflite"), 20_000, 8, 11);
    }

    @Test
    void fourHundredSpeechRows() {
        randomRowsEqualTheInterpreter(TestSpark.model("speech.tflite"), 400, 6, 12);
    }

    @Test
    void fiftyPersonDetectRows() {
        randomRowsEqualTheInterpreter(TestSpark.model("person_detect.tflite"), 50, 4, 13);
    }
}
