/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.codegen;

import dev.ember4j.core.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCodegenTest {

    static byte[] model(String name) throws IOException {
        String shared = System.getProperty("ember.shared", "../../shared");
        return Files.readAllBytes(Path.of(shared, "models", name));
    }

    @Test
    void sineSourceAndWeights() throws IOException {
        GeneratedModel g = ModelCodegen.generate(model("sine.tflite"), "com.example", "SineModel",
                "com.example.Sine", "sine.tflite");
        assertEquals("com.example.SineModel", g.qualifiedName());
        assertEquals("com/example/SineModel.java", g.sourcePath());
        assertEquals("com/example/SineModel.weights", g.resourcePath());
        String src = g.source();
        assertTrue(src.contains("public final class SineModel implements com.example.Sine, dev.ember4j.core.CompiledModel {"), src);
        assertTrue(src.contains("public static final int INPUT_LENGTH = 1;"), src);
        assertTrue(src.contains("public static final int OUTPUT_LENGTH = 1;"), src);
        // three operators, each through the kernel its backend bound; their reference kernels named on the
        // kernel class (which needs only ember-core), never on the prepare class FullyConnectedOp
        assertEquals(3, src.split("k\\.kernel\\([0-2]\\)\\.run\\(OP[0-9]+, ", -1).length - 1, src);
        assertEquals(3, src.split("dev\\.ember4j\\.ops\\.fullyconnected\\.FullyConnectedKernel\\.KERNEL", -1).length - 1, src);
        assertTrue(!src.contains("FullyConnectedOp"), src);

        DataInputStream in = new DataInputStream(new ByteArrayInputStream(g.resource()));
        assertEquals(WeightsFormat.MAGIC, in.readInt());
        assertEquals(WeightsFormat.VERSION, in.readInt());
        int count = in.readInt();
        assertTrue(count > 0);
        for (int i = 0; i < count; i++) {
            int kind = in.readUnsignedByte();
            int len = in.readInt();
            in.readFully(new byte[kind == WeightsFormat.KIND_INT8 ? len : len * 4]);
        }
        assertEquals(-1, in.read());
    }

    @Test
    void rejectsBadNamesAndGarbage() throws IOException {
        byte[] sine = model("sine.tflite");
        assertThrows(IllegalArgumentException.class, () -> ModelCodegen.generate(sine, "com.example", "class"));
        assertThrows(IllegalArgumentException.class, () -> ModelCodegen.generate(sine, "1com", "X"));
        assertThrows(ModelFormatException.class, () -> ModelCodegen.generate(new byte[] {1, 2, 3}, "p", "X"));
    }
}
