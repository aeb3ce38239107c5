/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.runtime.Interpreter;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one local[2] SparkSession of the test JVM (starting one costs seconds: every test class shares it,
 * and it stops when the JVM does), the shared test data, and the plain-Interpreter oracle.
 */
final class TestSpark {
    private static SparkSession session;

    private TestSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    // two task threads; a failed task is tried twice (RetryTest retries one on purpose)
                    .master("local[2,2]")
                    .appName("ember-spark-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.sql.adaptive.enabled", "false")
                    .getOrCreate();
            session.sparkContext().setLogLevel("WARN");
            EmberSpark.register(session);
        }
        return session;
    }

    /** ../shared beside the checkout (system property ember.shared, set by the parent pom). */
    static Path shared() {
        return Path.of(System.getProperty("ember.shared", "../../shared"));
    }

    static Path model(String name) {
        return shared().resolve("models").resolve(name);
    }

    static Path sample(String name) {
        return shared().resolve("samples").resolve(name);
    }

    /** The repository's testdata folder (stateful models). */
    static Path testdata() {
        return Path.of("..", "testdata");
    }

    static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every message of the exception and its causes, one a line (Spark wraps a task's exception twice or more). */
    static String messages(Throwable t) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            b.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return b.toString();
    }

    /** Every row's input column through a plain Interpreter, in order. */
    static java.util.List<byte[]> oracle(Path model, java.util.List<byte[]> inputs) {
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            java.util.List<byte[]> out = new java.util.ArrayList<>();
            for (byte[] in : inputs) {
                byte[] o = new byte[it.output(0).byteSize()];
                it.run(in, o);
                out.add(o);
            }
            return out;
        }
    }

    /** What a plain Interpreter (reference backend) answers for raw input 0. */
    static byte[] oracle(Path model, byte[] input) {
        try (Interpreter it = Interpreter.builder(model).backend("ref").build()) {
            byte[] out = new byte[it.output(0).byteSize()];
            it.run(input, out);
            return out;
        }
    }
}
