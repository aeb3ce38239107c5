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
