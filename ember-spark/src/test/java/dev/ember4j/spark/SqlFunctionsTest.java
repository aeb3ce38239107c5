/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** ember_predict through SQL and the DataFrame API equals a plain Interpreter on the shared samples. */
class SqlFunctionsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    private static Dataset<Row> samples(String... names) {
        StructType schema = new StructType().add("name", DataTypes.StringType).add("input", DataTypes.BinaryType);
        List<Row> rows = java.util.Arrays.stream(names)
                .map(n -> RowFactory.create(n, TestSpark.bytes(TestSpark.sample(n + ".input.bin")))).toList();
        return spark.createDataFrame(rows, schema);
    }

    @Test
    void personDetectSamplesEqualTheInterpreter() {
        Path model = TestSpark.model("person_detect.tflite");
        samples("person", "no_person").createOrReplaceTempView("images");
        List<Row> out = spark.sql("SELECT name, ember_predict('" + model + "', input) AS scores FROM images ORDER BY name")
                .collectAsList();
        for (Row r : out) {
            byte[] input = TestSpark.bytes(TestSpark.sample(r.getString(0) + ".input.bin"));
            assertArrayEquals(TestSpark.oracle(model, input), (byte[]) r.get(1), r.getString(0));
        }
    }
}
