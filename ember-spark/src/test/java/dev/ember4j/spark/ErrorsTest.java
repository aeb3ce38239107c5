/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad models fail on the driver when the query is created, with Ember's message; bad rows fail the job
 * naming the column and both sizes, or give null under onError=null; stateful models are refused.
 */
class ErrorsTest {
    private static SparkSession spark;
    private static final Path SPEECH = TestSpark.model("speech.tflite");
    private static final Path SVDF = TestSpark.testdata().resolve("stateful/svdf_rank1_bias/model.tflite");

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("input", DataTypes.BinaryType);
        List<Row> rows = new ArrayList<>();
        rows.add(RowFactory.create(0, TestSpark.bytes(TestSpark.sample("speech_yes.input.bin"))));
        rows.add(RowFactory.create(1, new byte[5]));
        rows.add(RowFactory.create(2, null));
        rows.add(RowFactory.create(3, TestSpark.bytes(TestSpark.sample("speech_no.input.bin"))));
        spark.createDataFrame(rows, schema).createOrReplaceTempView("bad_rows");
    }

    /** What Ember itself says about these model bytes. */
    private static String emberMessage(byte[] model) {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Interpreter.builder(model).backend("ref").build());
        return e.getMessage();
    }

    @Test
    void malformedModelFailsWhenTheQueryIsCreated(@TempDir Path tmp) throws IOException {
        byte[] speech = TestSpark.bytes(SPEECH);
        byte[] truncated = Arrays.copyOf(speech, speech.length / 3);
        Path bad = tmp.resolve("truncated.tflite");
        Files.write(bad, truncated);
        String ember = emberMessage(truncated);
        // spark.sql analyzes at once: nothing is collected, no task runs
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_predict('" + bad + "', input) FROM bad_rows"));
        String all = TestSpark.messages(e);
        assertTrue(all.contains(ember), all);
        assertTrue(all.contains("truncated.tflite"), all);

        Files.write(tmp.resolve("garbage.tflite"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        Exception g = assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_argmax('" + tmp.resolve("garbage.tflite") + "', input) FROM bad_rows"));
        assertTrue(TestSpark.messages(g).contains(emberMessage(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})), TestSpark.messages(g));
    }

    @Test
    void unsupportedModelFailsWhenTheQueryIsCreated(@TempDir Path tmp) throws IOException {
        byte[] unsupported = UnsupportedModels.withEveryOperator(TestSpark.bytes(SPEECH), UnsupportedModels.LSH_PROJECTION);
        Path file = tmp.resolve("unsupported.tflite");
        Files.write(file, unsupported);
        RuntimeException ember = assertThrows(dev.ember4j.core.UnsupportedOperatorException.class,
                () -> Interpreter.builder(unsupported).backend("ref").build());
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_predict('" + file + "', input) FROM bad_rows"));
        String all = TestSpark.messages(e);
        assertTrue(all.contains(ember.getMessage()), all);
        assertTrue(all.contains(dev.ember4j.core.UnsupportedOperatorException.class.getName()), all);
        EmberSparkException transformer = assertThrows(EmberSparkException.class,
                () -> new EmberModel().setModelPath(file.toString()));
        assertTrue(transformer.getMessage().contains(ember.getMessage()), transformer.getMessage());
    }

    @Test
    void missingModelFileFailsWhenTheQueryIsCreated() {
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_predict('/no/such/model.tflite', input) FROM bad_rows"));
        assertTrue(TestSpark.messages(e).contains("cannot read model '/no/such/model.tflite'"), TestSpark.messages(e));
    }

    @Test
    void wrongLengthRowNamesColumnAndSizes() {
        Exception e = assertThrows(Exception.class, () -> spark.sql(
                "SELECT ember_predict('" + SPEECH + "', input) FROM bad_rows WHERE id = 1").collectAsList());
        String all = TestSpark.messages(e);
        assertTrue(all.contains(EmberRowException.class.getName()), all);
        assertTrue(all.contains("ember_predict: column 'input' holds 5 bytes in this row"), all);
        assertTrue(all.contains("expects 1960 bytes"), all);
    }

    @Test
    void nullRowNamesColumn() {
        Exception e = assertThrows(Exception.class, () -> spark.sql(
                "SELECT ember_argmax('" + SPEECH + "', input) FROM bad_rows WHERE id = 2").collectAsList());
        String all = TestSpark.messages(e);
        assertTrue(all.contains("ember_argmax: column 'input' is null in this row"), all);
        assertTrue(all.contains("expects 1960 bytes"), all);
    }

    @Test
    void wrongFloatCountNamesColumn() {
        Exception e = assertThrows(Exception.class, () -> spark.sql(
                "SELECT ember_predict_float('" + TestSpark.model("sine.tflite") + "', array(1.0f, 2.0f))").collectAsList());
        String all = TestSpark.messages(e);
        assertTrue(all.contains("holds 2 values in this row"), all);
        assertTrue(all.contains("expects 1 values"), all);
    }

    @Test
    void onErrorNullGivesNullForBadRowsOnly() {
        SparkSession lenient = spark.newSession();
        EmberSpark.register(lenient, EmberOptions.defaults().withOnError(OnError.NULL));
        // temp views belong to their session: make the rows again in the new one
        lenient.createDataFrame(spark.table("bad_rows").collectAsList(), spark.table("bad_rows").schema())
                .createOrReplaceTempView("bad_rows");
        List<Row> out = lenient.sql("SELECT id, input, ember_predict('" + SPEECH + "', input) FROM bad_rows ORDER BY id")
                .collectAsList();
        assertEquals(4, out.size());
        assertArrayEquals(TestSpark.oracle(SPEECH, (byte[]) out.get(0).get(1)), (byte[]) out.get(0).get(2));
        assertNull(out.get(1).get(2), "wrong length: null");
        assertNull(out.get(2).get(2), "null input: null");
        assertArrayEquals(TestSpark.oracle(SPEECH, (byte[]) out.get(3).get(1)), (byte[]) out.get(3).get(2));
    }

    @Test
    void statefulModelIsRefusedAtQueryCreation() {
        Exception e = assertThrows(Exception.class,
                () -> spark.sql("SELECT ember_predict('" + SVDF + "', unhex('00'))"));
        String all = TestSpark.messages(e);
        assertTrue(all.contains("is stateful"), all);
        assertTrue(all.contains("streaming integration"), all);
        assertTrue(all.contains("spark.ember.resetState=true"), all);
    }

    @Test
    void statefulModelWithStateResetBeforeEveryRow() {
        SparkSession reset = spark.newSession();
        EmberSpark.register(reset, EmberOptions.defaults().withResetState(true));
        Path dir = SVDF.getParent();
        List<byte[]> inputs = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int s = 0; s < 12; s++) {
            byte[] in = TestSpark.bytes(dir.resolve("step" + s + ".input0.bin"));
            inputs.add(in);
            rows.add(RowFactory.create(s, in));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("input", DataTypes.BinaryType);
        reset.createDataFrame(rows, schema).repartition(2).createOrReplaceTempView("steps");
        List<Row> out = reset.sql("SELECT id, ember_predict('" + SVDF + "', input) FROM steps").collectAsList();
        assertEquals(12, out.size());
        try (Interpreter it = Interpreter.builder(SVDF).backend("ref").build()) {
            assertTrue(it.variableCount() > 0);
            for (Row r : out) {
                it.resetVariables();
                byte[] expected = new byte[it.output(0).byteSize()];
                it.run(inputs.get(r.getInt(0)), expected);
                assertArrayEquals(expected, (byte[]) r.get(1), "step " + r.getInt(0));
            }
        }
    }

    @Test
    void badModelColumnFailsTheTaskWithEmbersMessage(@TempDir Path tmp) throws IOException {
        byte[] garbage = {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9};
        Path bad = tmp.resolve("column.tflite");
        Files.write(bad, garbage);
        Exception e = assertThrows(Exception.class, () -> spark.sql(
                "SELECT ember_predict(m, input) FROM (SELECT '" + bad + "' AS m, input FROM bad_rows WHERE id = 0)")
                .collectAsList());
        assertTrue(TestSpark.messages(e).contains(emberMessage(garbage)), TestSpark.messages(e));
    }

    @Test
    void wrongArgumentCount() {
        Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT ember_predict('" + SPEECH + "')"));
        assertTrue(TestSpark.messages(e).contains("ember_predict takes 2 arguments"), TestSpark.messages(e));
    }
}
