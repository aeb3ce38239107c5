/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.core.EmberException;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import dev.ember4j.runtime.Tensor;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reading models and tensor files, with every failure turned into a one-line {@link CliException}. */
final class Models {
    private Models() {}

    /** A model file, parsed and prepared (operators checked, kernel parameters computed, arena planned). */
    record Loaded(Path path, byte[] bytes, TfliteModel model, PreparedModel prepared) {
        String fileName() {
            Path f = path.getFileName();
            return f == null ? path.toString() : f.toString();
        }
    }

    static Loaded load(Path path) {
        byte[] bytes = readFile(path, "model file");
        try {
            TfliteModel model = ModelReader.read(ByteBuffer.wrap(bytes));
            PreparedModel prepared = ModelPreparer.prepare(model, ModelPreparer.SUPPORTED);
            // the graph the prepared indices refer to (CALL_ONCE subgraphs inlined), with the shapes preparation
            // gave outputs the file leaves unshaped
            return new Loaded(path, bytes, asPrepared(ModelPreparer.flatten(model), prepared), prepared);
        } catch (RuntimeException e) {
            throw translate(path, e);
        }
    }

    /** The model with the shapes preparation gave outputs the file leaves unshaped (a custom operator's, say). */
    private static TfliteModel asPrepared(TfliteModel model, PreparedModel prepared) {
        TfliteModel result = model;
        for (var t : prepared.tensors()) {
            if (t != null && !Arrays.equals(t.shape(), model.tensor(t.index()).shape())) {
                result = result.withTensor(model.tensor(t.index()).withShape(t.shape().clone()));
            }
        }
        return result;
    }

    /** A readable model's unsupported operators with their counts. */
    record Unsupported(TfliteModel model, int bytes, java.util.Map<String, Integer> operators) {}

    /**
     * The unsupported operators of a model that parses, or null when it has none (or does not parse:
     * {@link #load} then reports that).
     */
    static Unsupported unsupportedOperators(Path path) {
        byte[] bytes = readFile(path, "model file");
        TfliteModel model;
        try {
            model = ModelReader.read(ByteBuffer.wrap(bytes));
        } catch (RuntimeException e) {
            return null;
        }
        var ops = ModelPreparer.unsupported(model.operators());
        return ops.isEmpty() ? null : new Unsupported(model, bytes.length, ops);
    }

    /** An interpreter on {@code backend} with an arena of exactly the planned size. */
    static Interpreter interpreter(Loaded m, KernelBackend backend) {
        return interpreter(m, backend, 1);
    }

    /** As {@link #interpreter(Loaded, KernelBackend)}, splitting large operators over {@code threads} threads. */
    static Interpreter interpreter(Loaded m, KernelBackend backend, int threads) {
        try {
            byte[] arena = new byte[m.prepared().plan().arenaBytes()];
            return Interpreter.builder(ByteBuffer.wrap(m.bytes())).opResolver(OpResolver.allBuiltins()).arena(arena)
                    .backend(backend).threads(threads).build();
        } catch (RuntimeException e) {
            throw translate(m.path(), e);
        }
    }

    /**
     * Maps what parsing or preparing a model can throw to exit codes. Anything unexpected while reading
     * the model (an index or buffer error the reader did not anticipate) still means the file is bad.
     */
    static CliException translate(Path model, RuntimeException e) {
        if (e instanceof CliException c) {
            return c;
        }
        String where = model + ": ";
        if (e instanceof UnsupportedOperatorException) {
            return new CliException(ExitCodes.UNSUPPORTED_OPERATOR, where + e.getMessage(), e);
        }
        if (e instanceof dev.ember4j.core.ResourceLimitException) {
            return new CliException(ExitCodes.RESOURCE_LIMIT, where + e.getMessage(), e);
        }
        if (e instanceof ModelFormatException) {
            return new CliException(ExitCodes.MALFORMED_MODEL, where + e.getMessage(), e);
        }
        if (e instanceof EmberException) {
            return new CliException(ExitCodes.FAILURE, where + e.getMessage(), e);
        }
        if (e instanceof IndexOutOfBoundsException || e instanceof IllegalArgumentException
                || e instanceof java.nio.BufferUnderflowException || e instanceof ArithmeticException
                || e instanceof NegativeArraySizeException) {
            return new CliException(ExitCodes.MALFORMED_MODEL, where + "malformed model ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        return new CliException(ExitCodes.FAILURE, where + describe(e), e);
    }

    /** Copies one file per model input into the interpreter, checking count and sizes first. */
    static void loadInputs(Interpreter it, List<Path> files, Path model) {
        int n = it.inputCount();
        if (files.size() != n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append(i == 0 ? "" : "; ").append(describe(it.input(i), "input " + i))
                        .append(" = ").append(it.input(i).byteSize()).append(" bytes");
            }
            throw new CliException(ExitCodes.INPUT_MISMATCH, model + " has " + n + " input" + (n == 1 ? "" : "s")
                    + " (" + sb + "), got " + files.size() + " --input file" + (files.size() == 1 ? "" : "s"));
        }
        for (int i = 0; i < n; i++) {
            Tensor t = it.input(i);
            byte[] data = readFile(files.get(i), "input file");
            if (data.length != t.byteSize()) {
                throw new CliException(ExitCodes.INPUT_MISMATCH, describe(t, "input " + i) + " expects "
                        + t.byteSize() + " bytes, but " + files.get(i) + " has " + data.length + " bytes");
            }
            t.copyFrom(data);
        }
    }

    /**
     * --steps N: each model input's file, exactly N times the tensor's size (N inputs back to back); the
     * same count and size checks as {@link #loadInputs}, naming the step count.
     */
    static byte[][] readStackedInputs(Interpreter it, List<Path> files, Path model, int steps) {
        int n = it.inputCount();
        if (files.size() != n) {
            loadInputs(it, files, model); // reports the count mismatch
        }
        byte[][] data = new byte[n][];
        for (int i = 0; i < n; i++) {
            Tensor t = it.input(i);
            data[i] = readFile(files.get(i), "input file");
            long want = (long) steps * t.byteSize();
            if (data[i].length != want) {
                String fit = data[i].length % t.byteSize() == 0
                        ? " (" + data[i].length / t.byteSize() + " steps)" : "";
                throw new CliException(ExitCodes.INPUT_MISMATCH, describe(t, "input " + i) + " expects " + steps
                        + " x " + t.byteSize() + " = " + want + " bytes for --steps " + steps + ", but " + files.get(i)
                        + " has " + data[i].length + " bytes" + fit);
            }
        }
        return data;
    }

    /** "input 0 'x0' INT8 [1, 6, 6, 8]". */
    static String describe(Tensor t, String role) {
        String name = t.name() == null || t.name().isEmpty() ? "" : " '" + t.name() + "'";
        return role + name + " " + t.type() + " " + Arrays.toString(t.shape());
    }

    static byte[] readFile(Path p, String what) {
        try {
            if (Files.isDirectory(p)) {
                throw new CliException(ExitCodes.IO, "cannot read " + what + " " + p + ": is a directory");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot read " + what + " " + p + ": " + reason(e), e);
        } catch (OutOfMemoryError e) {
            throw new CliException(ExitCodes.IO, "cannot read " + what + " " + p + ": too large", e);
        }
    }

    /** Writes the file, creating missing parent directories (as --output-dir does for its directory). */
    static void writeFile(Path p, byte[] data, String what) {
        try {
            Path parent = p.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent);
            }
            Files.write(p, data);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot write " + what + " " + p + ": " + reason(e), e);
        }
    }

    static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot create output directory " + dir + ": " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return describe(e);
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
