/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EmberModel in a DataFrame and in a saved and loaded pipeline equals a plain Interpreter. */
class EmberModelTest {
    private static SparkSession spark;
    private static final Path SPEECH = TestSpark.model("speech.tflite");
    private static Dataset<Row> clips;
    private static List<byte[]> inputs;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        inputs = new ArrayList<>(List.of(TestSpark.bytes(TestSpark.sample("speech_yes.input.bin")),
                TestSpark.bytes(TestSpark.sample("speech_no.input.bin"))));
        Random random = new Random(5);
        for (int i = 0; i < 40; i++) {
            byte[] b = new byte[1960];
            random.nextBytes(b);
            inputs.add(b);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            rows.add(RowFactory.create(i, inputs.get(i)));
        }
        clips = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
                .add("features", DataTypes.BinaryType)).repartition(3);
    }

    private static EmberModel speech() {
        return new EmberModel().setModelPath(SPEECH.toString()).setInputCol("features")
                .setOutputCols("raw", "scores", "label").setOutputTensors("0", "0", "0")
                .setOutputKinds("raw", "float", "argmax");
    }

    /** Raw bytes, dequantized floats and argmax of every row equal the Interpreter's. */
    private static void assertSpeechOutputs(Dataset<Row> scored) {
        List<Row> out = scored.select("id", "raw", "scores", "label").collectAsList();
        assertEquals(inputs.size(), out.size());
        try (Interpreter it = Interpreter.builder(SPEECH).backend("ref").build()) {
            for (Row r : out) {
                int id = r.getInt(0);
                it.input(0).copyFrom(inputs.get(id));
                it.invoke();
                byte[] raw = new byte[4];
                it.output(0).copyTo(raw);
                float[] f = new float[4];
                it.output(0).dequantize(f);
                int best = 0;
                for (int i = 1; i < 4; i++) {
                    best = f[i] > f[best] ? i : best;
                }
                assertArrayEquals(raw, (byte[]) r.get(1), "raw, row " + id);
                List<Float> scores = r.getList(2);
                for (int i = 0; i < 4; i++) {
                    assertEquals(f[i], scores.get(i), 0f, "score " + i + ", row " + id);
                }
                assertEquals(best, r.getInt(3), "argmax, row " + id);
            }
        }
    }

    @Test
    void transformEqualsTheInterpreter() {
        Dataset<Row> scored = speech().transform(clips);
        assertEquals(List.of("id", "features", "raw", "scores", "label"), Arrays.asList(scored.columns()));
        assertSpeechOutputs(scored);
        assertEquals(2, scored.filter("id = 0").first().<Integer>getAs("label"), "the yes sample");
    }

    @Test
    void modelBytesAndBackendByNameAndThreads() {
        EmberModel m = new EmberModel().setModelBytes(TestSpark.bytes(SPEECH)).setInputCol("features")
                .setOutputCols("raw", "scores", "label").setOutputKinds("raw", "float", "argmax")
                .setOutputTensors("0", "0", "0").setBackend("ref").setThreads(2);
        assertSpeechOutputs(m.transform(clips));
        EmberModel unknown = speech().setBackend("no-such-backend");
        Exception e = assertThrows(Exception.class, () -> unknown.transform(clips).collectAsList());
        assertTrue(TestSpark.messages(e).contains("unknown backend 'no-such-backend'"), TestSpark.messages(e));
    }

    @Test
    void pipelineSaveAndLoadCarriesTheModel(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("speech-copy.tflite");
        Files.copy(SPEECH, copy);
        EmberModel stage = new EmberModel().setModelPath(copy.toString()).setInputCol("features")
                .setOutputCols("raw", "scores", "label").setOutputTensors("0", "0", "0")
                .setOutputKinds("raw", "float", "argmax").setOnError("null");
        PipelineModel fitted = new Pipeline().setStages(new PipelineStage[] {stage}).fit(clips);
        Path saved = tmp.resolve("pipeline");
        fitted.write().overwrite().save(saved.toString());
        Files.delete(copy); // the saved pipeline carries the bytes, not the path
        PipelineModel loaded = PipelineModel.load(saved.toString());
        EmberModel back = (EmberModel) loaded.stages()[0];
        assertArrayEquals(TestSpark.bytes(SPEECH), back.getModelBytes());
        assertEquals("null", back.getOrDefault(back.onError()));
        assertEquals(copy.toString(), back.getOrDefault(back.modelPath()));
        assertSpeechOutputs(loaded.transform(clips));

        Path single = tmp.resolve("stage");
        back.save(single.toString());
        EmberModel again = EmberModel.load(single.toString());
        assertEquals(back.uid(), again.uid());
        assertSpeechOutputs(again.transform(clips));
    }

    @Test
    void topKWithLabelsSavedWithTheStage(@TempDir Path tmp) throws Exception {
        EmberModel m = new EmberModel().setModelPath(SPEECH.toString()).setInputCol("features").setOutputCol("top")
                .setOutputKinds("topk").setTopK(2).setLabels("silence", "unknown", "yes", "no");
        m.save(tmp.resolve("topk").toString());
        EmberModel loaded = EmberModel.load(tmp.resolve("topk").toString());
        for (EmberModel each : List.of(m, loaded)) {
            List<Row> out = each.transform(clips).select("id", "top").collectAsList();
            assertEquals(inputs.size(), out.size());
            try (Interpreter it = Interpreter.builder(SPEECH).backend("ref").build()) {
                for (Row r : out) {
                    it.input(0).copyFrom(inputs.get(r.getInt(0)));
                    it.invoke();
                    float[] f = new float[4];
                    it.output(0).dequantize(f);
                    Integer[] order = {0, 1, 2, 3};
                    Arrays.sort(order, (a, b) -> f[a] != f[b] ? Float.compare(f[b], f[a]) : a - b);
                    List<Row> top = r.getList(1);
                    assertEquals(2, top.size());
                    for (int k = 0; k < 2; k++) {
                        assertEquals(order[k], top.get(k).getInt(0), "row " + r.getInt(0));
                        assertEquals(List.of("silence", "unknown", "yes", "no").get(order[k]), top.get(k).getString(1));
                        assertEquals(f[order[k]], top.get(k).getFloat(2), 0f);
                    }
                }
            }
        }
    }

    @Test
    void severalInputsByTensorName() {
        Path model = TestSpark.shared().resolve("conformance/add_same_shape_two_inputs/model.tflite");
        byte[] a = TestSpark.bytes(model.resolveSibling("input0.bin"));
        byte[] b = TestSpark.bytes(model.resolveSibling("input1.bin"));
        String name0;
        String name1;
        byte[] expected = new byte[a.length];
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            name0 = it.input(0).name();
            name1 = it.input(1).name();
            it.runForMultipleInputsOutputs(new Object[] {a, b}, Map.of(0, expected));
        }
        Dataset<Row> df = spark.createDataFrame(List.of(RowFactory.create(b, a)),
                new StructType().add("second", DataTypes.BinaryType).add("first", DataTypes.BinaryType));
        // the columns in the other order than the model's inputs, mapped by name
        Row r = new EmberModel().setModelPath(model.toString()).setInputCols("second", "first")
                .setInputTensors(name1, name0).setOutputCol("sum").transform(df).first();
        assertArrayEquals(expected, (byte[]) r.getAs("sum"));
        assertArrayEquals(TestSpark.bytes(model.resolveSibling("expected0.bin")), (byte[]) r.getAs("sum"));
    }

    @Test
    void badModelOrColumnsFailOnTheDriver() {
        byte[] garbage = new byte[64];
        EmberSparkException e = assertThrows(EmberSparkException.class, () -> new EmberModel().setModelBytes(garbage));
        RuntimeException ember = assertThrows(RuntimeException.class, () -> Interpreter.builder(garbage).build());
        assertTrue(e.getMessage().contains(ember.getMessage()), e.getMessage());

        assertThrows(EmberSparkException.class, () -> new EmberModel().setModelPath("/no/such.tflite"));
        Exception column = assertThrows(IllegalArgumentException.class,
                () -> speech().setInputCol("id").transformSchema(clips.schema()));
        assertTrue(column.getMessage().contains("input column 'id' is int"), column.getMessage());
        Exception missing = assertThrows(IllegalArgumentException.class,
                () -> speech().setInputCol("nope").transform(clips));
        assertTrue(missing.getMessage().contains("no input column 'nope'"), missing.getMessage());
        Exception tensor = assertThrows(IllegalArgumentException.class,
                () -> speech().setOutputTensors("0", "0", "7").transform(clips));
        assertTrue(tensor.getMessage().contains("no model output '7'"), tensor.getMessage());
        Exception stateful = assertThrows(EmberSparkException.class, () -> new EmberModel()
                .setModelPath(TestSpark.testdata().resolve("stateful/svdf_rank1_bias/model.tflite").toString())
                .setInputCol("features").setOutputCol("o").transform(clips));
        assertTrue(stateful.getMessage().contains("is stateful"), stateful.getMessage());
    }

    @Test
    void wrongLengthRowsFailOrGiveNull() {
        List<Row> rows = List.of(RowFactory.create(0, inputs.get(0)), RowFactory.create(1, new byte[7]));
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
                .add("features", DataTypes.BinaryType));
        Exception e = assertThrows(Exception.class, () -> speech().transform(df).collectAsList());
        String all = TestSpark.messages(e);
        assertTrue(all.contains("column 'features' holds 7 bytes in this row"), all);
        assertTrue(all.contains("expects 1960 bytes"), all);
        List<Row> out = speech().setOnError("null").transform(df).orderBy("id").collectAsList();
        assertArrayEquals(TestSpark.oracle(SPEECH, inputs.get(0)), (byte[]) out.get(0).getAs("raw"));
        assertNull(out.get(1).getAs("raw"));
        assertNull(out.get(1).getAs("label"));
    }

    @Test
    void floatArrayInputs() {
        Path sine = TestSpark.model("sine.tflite");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            rows.add(RowFactory.create(i, new float[] {i * 0.1f}));
        }
        Dataset<Row> df = spark.createDataFrame(rows, new StructType().add("id", DataTypes.IntegerType)
                .add("x", DataTypes.createArrayType(DataTypes.FloatType)));
        List<Row> out = new EmberModel().setModelPath(sine.toString()).setInputCol("x").setOutputCol("y")
                .setOutputKinds("float").transform(df).collectAsList();
        try (Interpreter it = Interpreter.builder(sine).backend("ref").build()) {
            float[] y = new float[1];
            for (Row r : out) {
                it.run(new float[] {r.getInt(0) * 0.1f}, y);
                assertEquals(y[0], r.<Float>getList(2).get(0), 0f, "row " + r.getInt(0));
            }
        }
    }
}
