/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.processor;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The processor compiled against real sources with javax.tools: success and every error case. */
class ModelProcessorTest {
    @TempDir
    Path tmp;

    private Compilation compile(String path, List<String> options) throws Exception {
        return compileIn(tmp.resolve("src"), tmp.resolve("classes"), path, options);
    }

    private static Compilation compileIn(Path src, Path classes, String path, List<String> options) throws Exception {
        Path file = src.resolve("t/Sine.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package t;\n\n@dev.ember4j.runtime.Model(\"" + path.replace("\\", "\\\\") + "\")\n"
                + "public interface Sine {\n}\n");
        return Compilation.compile(src, classes, new ModelProcessor(), options);
    }

    private static void assertErrorOnAnnotation(Compilation c) {
        assertFalse(c.success, "compilation should fail");
        Diagnostic<? extends JavaFileObject> d = c.diagnostics.stream()
                .filter(x -> x.getKind() == Diagnostic.Kind.ERROR).findFirst().orElseThrow();
        assertEquals(3, d.getLineNumber(), "error should point at the @Model line: " + d);
        assertTrue(d.getSource().getName().endsWith("Sine.java"), d.toString());
    }

    private static void assertSineSweep(Compilation c) throws Exception {
        assertTrue(c.success, c.errors());
        Class<?> sine = Class.forName("t.Sine", true, c.loader());
        Class<?> model = Class.forName("t.SineModel", true, sine.getClassLoader());
        assertTrue(sine.isAssignableFrom(model), "SineModel implements Sine");
        byte[] in = SharedData.read(SharedData.root().resolve("samples/sine_sweep.input.bin"));
        byte[] expected = SharedData.read(SharedData.root().resolve("samples/sine_sweep.expected.bin"));
        byte[] actual = new byte[in.length];
        var predict = model.getMethod("predictQuantized", KernelBackend.class, byte[].class, byte[].class);
        KernelBackend backend = new ReferenceBackend();
        for (int i = 0; i < in.length; i++) {
            byte[] out = new byte[1];
            predict.invoke(null, backend, new byte[] {in[i]}, out);
            actual[i] = out[0];
        }
        assertArrayEquals(expected, actual);
    }

    @Test
    void generatesSineWithModelDirOption() throws Exception {
        Path models = SharedData.root().resolve("models");
        assertSineSweep(compile("sine.tflite", List.of("-Aember.modelDir=" + models)));
        assertTrue(Files.isRegularFile(tmp.resolve("classes/t/SineModel.weights")));
    }

    @Test
    void absolutePath() throws Exception {
        assertSineSweep(compile(SharedData.root().resolve("models/sine.tflite").toString(), List.of()));
    }

    @Test
    void relativeToProjectDirectoryFoundFromClassOutput() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.copy(SharedData.root().resolve("models/sine.tflite"), project.resolve("models/sine.tflite"));
        assertSineSweep(compileIn(project.resolve("src/main/java"), project.resolve("target/classes"),
                "models/sine.tflite", List.of()));
    }

    @Test
    void fromSrcMainResources() throws Exception {
        Path project = tmp.resolve("project");
        Files.createDirectories(project.resolve("src/main/resources/nn"));
        Files.writeString(project.resolve("pom.xml"), "<project/>");
        Files.copy(SharedData.root().resolve("models/sine.tflite"), project.resolve("src/main/resources/nn/sine.tflite"));
        assertSineSweep(compileIn(project.resolve("src/main/java"), project.resolve("target/classes"),
                "nn/sine.tflite", List.of()));
    }

    @Test
    void fromSourcePath() throws Exception {
        Path src = tmp.resolve("src");
        Files.createDirectories(src.resolve("nn"));
        Files.copy(SharedData.root().resolve("models/sine.tflite"), src.resolve("nn/sine.tflite"));
        assertSineSweep(compile("nn/sine.tflite", List.of("-sourcepath", src.toString())));
    }

    @Test
    void missingFileListsEveryPlaceSearched() throws Exception {
        Path dir = tmp.resolve("nowhere");
        Compilation c = compile("no_such_model.tflite", List.of("-Aember.modelDir=" + dir));
        assertErrorOnAnnotation(c);
        String msg = c.errors();
        assertTrue(msg.contains("no_such_model.tflite' not found"), msg);
        assertTrue(msg.contains(dir.resolve("no_such_model.tflite").toString()), msg);
        assertTrue(msg.contains(Path.of("").toAbsolutePath().resolve("no_such_model.tflite").toString()), msg);
        assertTrue(msg.contains("CLASS_PATH"), msg);
        assertTrue(msg.contains("SOURCE_PATH"), msg);
    }

    @Test
    void missingAbsoluteFile() throws Exception {
        Path missing = tmp.resolve("missing.tflite");
        Compilation c = compile(missing.toString(), List.of());
        assertErrorOnAnnotation(c);
        assertTrue(c.errors().contains(missing.toString()), c.errors());
    }

    @Test
    void malformedModel() throws Exception {
        Path bad = tmp.resolve("bad.tflite");
        Files.write(bad, new byte[] {12, 0, 0, 0, 'T', 'F', 'L', '3', 1, 2, 3});
        Compilation c = compile(bad.toString(), List.of());
        assertErrorOnAnnotation(c);
        assertTrue(c.errors().contains("cannot compile model"), c.errors());
    }

    @Test
    void unsupportedOperatorIsNamed() throws Exception {
        // The MUL model with its operator code rewritten to HASHTABLE_LOOKUP, which Ember4j does not run.
        byte[] bytes = dev.ember4j.tflite.OperatorCodes.withOperator(
                SharedData.read(SharedData.root().resolve("conformance/mul_two_inputs_same_shape/model.tflite")),
                dev.ember4j.tflite.BuiltinOperator.HASHTABLE_LOOKUP);
        Path model = tmp.resolve("hashtable.tflite");
        Files.write(model, bytes);
        Compilation c = compile(model.toString(), List.of());
        assertErrorOnAnnotation(c);
        String msg = c.errors();
        assertTrue(msg.contains("HASHTABLE_LOOKUP x1"), msg);
        assertTrue(msg.contains("supported operators: ABS, ADD,"), msg);
    }

    @Test
    void floatInputModelCompiles() throws Exception {
        Path model = SharedData.root().resolve("conformance/float_io_conv_relu/model.tflite");
        Compilation c = compile(model.toString(), List.of());
        assertTrue(c.success, c.errors());
    }

    /**
     * A full-float32 model (tools/make_float_models.py's MLP) through the generated float API:
     * predict(backend, float[], float[]) gives TFLite's output floats bit for bit.
     */
    @Test
    void floatModelRunsThroughTheFloatApi() throws Exception {
        Path dir = dev.ember4j.tflite.TestCases.generatedDir().resolve("model_f32_mlp");
        Compilation c = compile(dir.resolve("model.tflite").toString(), List.of());
        assertTrue(c.success, c.errors());
        Class<?> model = Class.forName("t.SineModel", true, c.loader());
        var predict = model.getMethod("predict", KernelBackend.class, float[].class, float[].class);
        for (String sfx : new String[] {"", ".1", ".2"}) {
            java.nio.FloatBuffer in = java.nio.ByteBuffer.wrap(SharedData.read(dir.resolve("input0" + sfx + ".bin")))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            java.nio.FloatBuffer want = java.nio.ByteBuffer.wrap(SharedData.read(dir.resolve("expected0" + sfx + ".bin")))
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] input = new float[in.remaining()];
            in.get(input);
            float[] output = new float[want.remaining()];
            predict.invoke(null, new ReferenceBackend(), input, output);
            for (int i = 0; i < output.length; i++) {
                assertEquals(Float.floatToRawIntBits(want.get(i)), Float.floatToRawIntBits(output[i]),
                        "pair '" + sfx + "' output " + i);
            }
        }
    }

    /**
     * The annotation from ember-core on an interface extending CompiledModel: the application codes against
     * its own interface, gets the generated class from create(backend), and the instance API gives the same
     * bytes as the static one; the class records the model's SHA-256.
     */
    @Test
    void coreAnnotationMakesTheInterfaceTheApi() throws Exception {
        Path src = tmp.resolve("src2");
        Path file = src.resolve("t/Sine.java");
        Files.createDirectories(file.getParent());
        Path model = SharedData.root().resolve("models/sine.tflite");
        Files.writeString(file, "package t;\n\n@dev.ember4j.core.Model(\"" + model.toString().replace("\\", "\\\\") + "\")\n"
                + "public interface Sine extends dev.ember4j.core.CompiledModel {\n}\n");
        Files.writeString(src.resolve("t/App.java"), "package t;\n\npublic final class App {\n"
                + "    public static byte run(dev.ember4j.core.KernelBackend b, byte x) {\n"
                + "        Sine sine = SineModel.create(b);\n"
                + "        byte[] out = new byte[sine.outputBytes(0)];\n"
                + "        sine.run(new byte[] {x}, out);\n"
                + "        return out[0];\n"
                + "    }\n}\n");
        Compilation c = Compilation.compile(src, tmp.resolve("classes2"), new ModelProcessor(), List.of());
        assertTrue(c.success, c.errors());
        Class<?> app = Class.forName("t.App", true, c.loader());
        Class<?> generated = Class.forName("t.SineModel", true, app.getClassLoader());
        byte[] in = SharedData.read(SharedData.root().resolve("samples/sine_sweep.input.bin"));
        byte[] expected = SharedData.read(SharedData.root().resolve("samples/sine_sweep.expected.bin"));
        var run = app.getMethod("run", KernelBackend.class, byte.class);
        for (int i = 0; i < in.length; i++) {
            assertEquals(expected[i], (byte) run.invoke(null, new ReferenceBackend(), in[i]), "input " + in[i]);
        }
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(model)));
        assertEquals(sha, generated.getField("MODEL_SHA256").get(null));
        dev.ember4j.core.CompiledModel m = (dev.ember4j.core.CompiledModel) generated.getMethod("create", KernelBackend.class)
                .invoke(null, new ReferenceBackend());
        assertArrayEquals(new int[] {1, 1}, m.inputShape(0));
        assertEquals(dev.ember4j.core.TensorType.INT8, m.outputType(0));
        assertEquals(-128, m.inputZeroPoint(0));
        Path source;
        try (var files = Files.walk(tmp)) {
            source = files.filter(f -> f.getFileName().toString().equals("SineModel.java")).findFirst().orElseThrow();
        }
        String text = Files.readString(source);
        assertTrue(text.contains("@javax.annotation.processing.Generated(value = \"dev.ember4j.codegen.ModelCodegen\""), text);
        assertTrue(text.contains("implements t.Sine, dev.ember4j.core.CompiledModel"), text);
    }
}
