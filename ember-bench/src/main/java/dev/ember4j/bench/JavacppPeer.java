/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.BuiltinOpResolverWithoutDefaultDelegates;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.bytedeco.tensorflowlite.global.tensorflowlite.kTfLiteOk;

/** TensorFlow Lite 2.19 (C++) in this JVM through JavaCPP, one thread. */
final class JavacppPeer {
    static final String VERSION = "2.19";

    private JavacppPeer() {}

    static Map<String, PeerHarness.Result> run(Path model, byte[] input, int iterations, int warmup, long warmupMs) {
        Map<String, PeerHarness.Result> out = new LinkedHashMap<>();
        for (String resolverName : new String[] {"BuiltinOpResolverWithoutDefaultDelegates", "BuiltinOpResolver"}) {
            String name = "TFLite " + VERSION + " JavaCPP " + resolverName;
            try {
                out.put(name, runOne(name, resolverName, model, input, iterations, warmup, warmupMs));
            } catch (Throwable t) {
                out.put(name, PeerHarness.Result.failed(name, t.toString()));
            }
        }
        return out;
    }

    private static PeerHarness.Result runOne(String name, String resolverName, Path modelPath, byte[] input,
                                             int iterations, int warmup, long warmupMs) {
        FlatBufferModel model = FlatBufferModel.BuildFromFile(modelPath.toString());
        if (model == null || model.isNull()) {
            throw new IllegalStateException("BuildFromFile failed for " + modelPath);
        }
        BuiltinOpResolver resolver = resolverName.equals("BuiltinOpResolver")
                ? new BuiltinOpResolver() : new BuiltinOpResolverWithoutDefaultDelegates();
        InterpreterBuilder builder = new InterpreterBuilder(model, resolver);
        builder.SetNumThreads(1);
        Interpreter interpreter = new Interpreter((org.bytedeco.javacpp.Pointer) null);
        try {
            check(builder.apply(interpreter), "InterpreterBuilder");
            check(interpreter.SetNumThreads(1), "SetNumThreads");
            check(interpreter.AllocateTensors(), "AllocateTensors");
            long inBytes = interpreter.input_tensor(0).bytes();
            if (inBytes != input.length) {
                throw new IllegalStateException("input tensor has " + inBytes + " bytes, expected " + input.length);
            }
            BytePointer in = interpreter.typed_input_tensor_byte(0);
            in.put(input, 0, input.length);
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmupMs);
            for (int i = 0; i < warmup || System.nanoTime() < end; i++) {
                check(interpreter.Invoke(), "Invoke");
            }
            long[] samples = new long[iterations];
            for (int i = 0; i < iterations; i++) {
                long t0 = System.nanoTime();
                interpreter.Invoke();
                samples[i] = System.nanoTime() - t0;
            }
            byte[] output = new byte[(int) interpreter.output_tensor(0).bytes()];
            interpreter.typed_output_tensor_byte(0).get(output, 0, output.length);
            return PeerHarness.stats(name, samples, output, "");
        } finally {
            interpreter.close();
            builder.close();
            resolver.close();
            model.close();
        }
    }

    private static void check(int status, String what) {
        if (status != kTfLiteOk) {
            throw new IllegalStateException(what + " returned status " + status);
        }
    }
}
