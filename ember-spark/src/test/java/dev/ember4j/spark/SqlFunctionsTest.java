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
import org.apache.spark.sql.functions;
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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SQL functions, through SQL and the DataFrame API, equal a plain Interpreter on the shared models. */
class SqlFunctionsTest {
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
    }

    private static Dataset<Row> rows(List<String> names, List<byte[]> inputs) {
        StructType schema = new StructType().add("name", DataTypes.StringType).add("input", DataTypes.BinaryType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(RowFactory.create(names.get(i), inputs.get(i)));
        }
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    /** ember_predict over the samples (name.input.bin) equals the Interpreter, row by row. */
    private static void predictEqualsInterpreter(Path model, Path dir, String... names) {
        List<byte[]> inputs = Arrays.stream(names).map(n -> TestSpark.bytes(dir.resolve(n + ".input.bin"))).toList();
        rows(Arrays.asList(names), inputs).createOrReplaceTempView("samples");
        List<Row> out = spark.sql("SELECT name, ember_predict('" + model + "', input) FROM samples").collectAsList();
        assertEquals(names.length, out.size());
        for (Row r : out) {
            int i = Arrays.asList(names).indexOf(r.getString(0));
            assertArrayEquals(TestSpark.oracle(model, inputs.get(i)), (byte[]) r.get(1), r.getString(0));
        }
    }

    @Test
    void personDetectSamples() {
        predictEqualsInterpreter(TestSpark.model("person_detect.tflite"), TestSpark.shared().resolve("samples"),
                "person", "no_person");
    }

    @Test
    void speechSamples() {
        predictEqualsInterpreter(TestSpark.model("speech.tflite"), TestSpark.shared().resolve("samples"),
                "speech_yes", "speech_no");
    }

    @Test
    void mlperfTinyInputsGiveTheInterpreterAndTfliteBytes() {
        Path dir = TestSpark.model("mlperf_tiny");
        for (String name : List.of("ad01_int8", "pretrainedResnet_quant", "kws_ref_model", "vww_96_int8", "str_ww_ref_model")) {
            Path model = dir.resolve(name + ".tflite");
            byte[] input = TestSpark.bytes(dir.resolve(name + ".input.bin"));
            byte[] out = (byte[]) spark.sql("SELECT ember_predict('" + model + "', unhex('" + hex(input) + "'))")
                    .first().get(0);
            assertArrayEquals(TestSpark.oracle(model, input), out, name);
            assertArrayEquals(TestSpark.bytes(dir.resolve(name + ".expected.bin")), out, name + " vs TFLite");
        }
    }

    @Test
    void sineSweepGivesTflitesBytes() {
        byte[] in = TestSpark.bytes(TestSpark.sample("sine_sweep.input.bin"));
        List<String> names = new ArrayList<>();
        List<byte[]> inputs = new ArrayList<>();
        for (int i = 0; i < in.length; i++) {
            names.add(Integer.toString(i));
            inputs.add(new byte[] {in[i]});
        }
        rows(names, inputs).createOrReplaceTempView("sweep");
        byte[] out = new byte[in.length];
        for (Row r : spark.sql("SELECT name, ember_predict('" + TestSpark.model("sine.tflite") + "', input) FROM sweep")
                .collectAsList()) {
            out[Integer.parseInt(r.getString(0))] = ((byte[]) r.get(1))[0];
        }
        assertArrayEquals(TestSpark.bytes(TestSpark.sample("sine_sweep.expected.bin")), out);
        assertArrayEquals(TestSpark.oracle(TestSpark.model("sine.tflite"), inputs).stream().collect(
                java.io.ByteArrayOutputStream::new, (o, b) -> o.writeBytes(b), (a, b) -> a.writeBytes(b.toByteArray()))
                .toByteArray(), out);
    }

    @Test
    void dataFrameApiAndHadoopUriAndModelColumn() {
        Path model = TestSpark.model("speech.tflite").toAbsolutePath();
        List<byte[]> inputs = List.of(TestSpark.bytes(TestSpark.sample("speech_yes.input.bin")),
                TestSpark.bytes(TestSpark.sample("speech_no.input.bin")));
        Dataset<Row> df = rows(List.of("yes", "no"), inputs).withColumn("model", functions.lit(model.toString()));
        List<Row> out = df.select(functions.col("name"),
                functions.call_function("ember_predict", functions.lit(model.toUri().toString()), functions.col("input")),
                functions.call_function("ember_predict", functions.col("model"), functions.col("input")))
                .collectAsList();
        for (Row r : out) {
            byte[] expected = TestSpark.oracle(model, inputs.get(r.getString(0).equals("yes") ? 0 : 1));
            assertArrayEquals(expected, (byte[]) r.get(1), "file: URI through Hadoop");
            assertArrayEquals(expected, (byte[]) r.get(2), "model as a column");
        }
    }

    /** A model column alternating between models (A/B), and one model under two paths: cached by content. */
    @Test
    void modelColumnAlternatingBetweenModels(@TempDir Path tmp) throws IOException {
        Path speech = TestSpark.model("speech.tflite");
        Path sine = TestSpark.model("sine.tflite");
        Path speechCopy = tmp.resolve("speech-b.tflite");
        Files.copy(speech, speechCopy);
        Random random = new Random(17);
        List<Row> rows = new ArrayList<>();
        List<Path> models = List.of(speech, sine, speechCopy);
        for (int i = 0; i < 90; i++) {
            Path m = models.get(i % 3);
            byte[] in = new byte[m == sine ? 1 : 1960];
            random.nextBytes(in);
            rows.add(RowFactory.create(i, m.toString(), in));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("model", DataTypes.StringType)
                .add("input", DataTypes.BinaryType);
        spark.createDataFrame(rows, schema).repartition(2).createOrReplaceTempView("ab_rows");
        List<Row> out = spark.sql("SELECT id, model, input, ember_predict(model, input) FROM ab_rows").collectAsList();
        assertEquals(90, out.size());
        for (Row r : out) {
            assertArrayEquals(TestSpark.oracle(Path.of(r.getString(1)), (byte[]) r.get(2)), (byte[]) r.get(3),
                    "row " + r.getInt(0) + " of " + r.getString(1));
        }
        assertEquals(1, ModelCache.preparations(ModelCache.sha256(TestSpark.bytes(speechCopy))),
                "the copy is the same model: prepared once under both paths");
    }

    @Test
    void modelShippedWithSparkFiles() {
        // the shared file itself (a shipped file must stay where it is while the session lives: tasks check it)
        spark.sparkContext().addFile(TestSpark.model("speech.tflite").toAbsolutePath().toString());
        byte[] input = TestSpark.bytes(TestSpark.sample("speech_no.input.bin"));
        rows(List.of("no"), List.of(input)).createOrReplaceTempView("shipped");
        assertTrue(!Files.exists(Path.of("speech.tflite")), "no local file of that name: SparkFiles answers");
        byte[] out = (byte[]) spark.sql("SELECT ember_predict('speech.tflite', input) FROM shipped").first().get(0);
        assertArrayEquals(TestSpark.oracle(TestSpark.model("speech.tflite"), input), out);
    }

    @Test
    void floatsInAndOutOnSine() {
        Path model = TestSpark.model("sine.tflite");
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            rows.add(RowFactory.create(i, new float[] {random.nextFloat() * 7f - 0.5f}));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("x", DataTypes.createArrayType(DataTypes.FloatType, false));
        spark.createDataFrame(rows, schema).createOrReplaceTempView("xs");
        List<Row> out = spark.sql("SELECT id, x, ember_predict_float('" + model + "', x) FROM xs").collectAsList();
        assertEquals(500, out.size());
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            float[] y = new float[1];
            for (Row r : out) {
                it.run(new float[] {r.<Float>getList(1).get(0)}, y);
                assertEquals(y[0], r.<Float>getList(2).get(0), 0f, "row " + r.getInt(0));
            }
        }
    }

    @Test
    void argmaxAndTopKWithLabels(@TempDir Path tmp) throws IOException {
        Path model = TestSpark.model("speech.tflite");
        Path labels = tmp.resolve("labels.txt");
        Files.writeString(labels, "silence\nunknown\nyes\nno\n");
        List<byte[]> inputs = new ArrayList<>(List.of(TestSpark.bytes(TestSpark.sample("speech_yes.input.bin")),
                TestSpark.bytes(TestSpark.sample("speech_no.input.bin"))));
        Random random = new Random(3);
        for (int i = 0; i < 30; i++) {
            byte[] b = new byte[1960];
            random.nextBytes(b);
            inputs.add(b);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            names.add(Integer.toString(i));
        }
        rows(names, inputs).createOrReplaceTempView("clips");
        List<Row> out = spark.sql("SELECT name, ember_argmax('" + model + "', input), ember_topk('" + model
                + "', input, 3, '" + labels + "'), ember_topk('" + model + "', input, 2) FROM clips").collectAsList();
        List<String> labelList = List.of("silence", "unknown", "yes", "no");
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            for (Row r : out) {
                int i = Integer.parseInt(r.getString(0));
                it.input(0).copyFrom(inputs.get(i));
                it.invoke();
                float[] scores = new float[4];
                it.output(0).dequantize(scores);
                Integer[] order = {0, 1, 2, 3};
                Arrays.sort(order, (a, b) -> scores[a] != scores[b] ? Float.compare(scores[b], scores[a]) : a - b);
                assertEquals(order[0], r.getInt(1), "argmax of row " + i);
                List<Row> top = r.getList(2);
                assertEquals(3, top.size());
                for (int k = 0; k < 3; k++) {
                    assertEquals(order[k], top.get(k).getInt(0), "top-" + k + " of row " + i);
                    assertEquals(labelList.get(order[k]), top.get(k).getString(1));
                    assertEquals(scores[order[k]], top.get(k).getFloat(2), 0f);
                }
                List<Row> top2 = r.getList(3);
                assertEquals(2, top2.size());
                assertNull(top2.get(0).get(1), "no labels file: null labels");
                assertEquals(order[1], top2.get(1).getInt(0));
            }
        }
        assertEquals(2, out.stream().filter(r -> r.getString(0).equals("0")).findFirst().orElseThrow().getInt(1),
                "the yes sample is class 2");
    }

    @Test
    void argmaxAndTopKOfFloatInputs() {
        Path model = TestSpark.model("speech.tflite");
        List<Row> rows = new ArrayList<>();
        Random random = new Random(9);
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            float[] f = new float[1960];
            for (int j = 0; j < f.length; j++) {
                f[j] = random.nextFloat() * 26f;
            }
            inputs.add(f);
            rows.add(RowFactory.create(i, f));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType)
                .add("x", DataTypes.createArrayType(DataTypes.FloatType, false));
        spark.createDataFrame(rows, schema).repartition(2).createOrReplaceTempView("float_clips");
        List<Row> out = spark.sql("SELECT id, ember_argmax('" + model + "', x), ember_topk('" + model + "', x, 1),"
                + " ember_predict_float('" + model + "', x) FROM float_clips").collectAsList();
        assertEquals(20, out.size());
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            float[] scores = new float[4];
            for (Row r : out) {
                it.run(inputs.get(r.getInt(0)), scores);
                int best = 0;
                for (int i = 1; i < 4; i++) {
                    best = scores[i] > scores[best] ? i : best;
                }
                assertEquals(best, r.getInt(1), "argmax of row " + r.getInt(0));
                assertEquals(best, r.<Row>getList(2).get(0).getInt(0), "top-1 of row " + r.getInt(0));
                List<Float> f = r.getList(3);
                for (int i = 0; i < 4; i++) {
                    assertEquals(scores[i], f.get(i), 0f);
                }
            }
        }
    }

    @Test
    void severalInputsThroughPredictAll() {
        Path model = TestSpark.shared().resolve("conformance/add_same_shape_two_inputs/model.tflite");
        byte[] a = TestSpark.bytes(model.resolveSibling("input0.bin"));
        byte[] b = TestSpark.bytes(model.resolveSibling("input1.bin"));
        StructType schema = new StructType().add("a", DataTypes.BinaryType).add("b", DataTypes.BinaryType);
        spark.createDataFrame(List.of(RowFactory.create(a, b), RowFactory.create(b, a)), schema).createOrReplaceTempView("pairs");
        List<Row> out = spark.sql("SELECT a, ember_predict_all('" + model + "', array(a, b)) FROM pairs").collectAsList();
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            for (Row r : out) {
                boolean first = Arrays.equals((byte[]) r.get(0), a);
                byte[] expected = new byte[it.output(0).byteSize()];
                it.runForMultipleInputsOutputs(first ? new Object[] {a, b} : new Object[] {b, a},
                        java.util.Map.of(0, expected));
                List<byte[]> outputs = r.getList(1);
                assertEquals(1, outputs.size());
                assertArrayEquals(expected, outputs.get(0));
            }
        }
        assertArrayEquals(TestSpark.bytes(model.resolveSibling("expected0.bin")),
                (byte[]) out.stream().filter(r -> Arrays.equals((byte[]) r.get(0), a)).findFirst().orElseThrow()
                        .<byte[]>getList(1).get(0), "TFLite's bytes");
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
