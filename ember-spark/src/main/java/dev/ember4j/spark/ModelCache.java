/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import dev.ember4j.core.EmberException;
import dev.ember4j.runtime.Interpreter;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The models of this JVM (driver or executor), by the SHA-256 of their bytes: each is read and prepared
 * once however many tasks, partitions, queries and task retries use it, and a model that cannot be used
 * is remembered with its error (so a bad model column does not re-parse the model for every row).
 * Counted, so that a test or a job can check "prepared once per JVM".
 *
 * <p>Preparing means building one interpreter on the reference backend to check the model and read its
 * inputs, outputs and state. The interpreters that score rows come from one {@link InterpreterPool} per
 * model, backend and thread count; each of those parses and plans its own copy of the graph (the
 * runtime's public API has no interpreter over a shared prepared graph), once per pooled interpreter,
 * not per task.
 */
public final class ModelCache {
    private record Entry(CachedModel model, EmberSparkException failure) {}

    private record PoolKey(String sha256, String backend, int threads) {}

    private static final ConcurrentHashMap<String, Entry> BY_SHA = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<ModelFiles.FileVersion, String> FILES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<PoolKey, InterpreterPool> POOLS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> PREPARED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, AtomicInteger> INTERPRETERS = new ConcurrentHashMap<>();

    private ModelCache() {}

    /** Times this JVM prepared the model with this SHA-256 (1 once used, however often; 0 before). */
    public static int preparations(String sha256) {
        AtomicInteger n = PREPARED.get(sha256);
        return n == null ? 0 : n.get();
    }

    /** Interpreters this JVM created for the model (one per task running it at once, per backend/threads). */
    public static int interpreters(String sha256) {
        AtomicInteger n = INTERPRETERS.get(sha256);
        return n == null ? 0 : n.get();
    }

    /** Lower-case hex SHA-256 of the bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JDK", e);
        }
    }

    /**
     * The model in these bytes, prepared on first use.
     *
     * @throws EmberSparkException it is malformed or unsupported (Ember's message and exception as cause)
     */
    public static CachedModel model(byte[] bytes, String label) {
        return model(sha256(bytes), () -> bytes, label);
    }

    /** The model with this SHA-256, its bytes fetched (e.g. from a broadcast) only the first time. */
    static CachedModel model(String sha256, Supplier<byte[]> bytes, String label) {
        Entry e = BY_SHA.get(sha256);
        if (e == null) {
            e = BY_SHA.computeIfAbsent(sha256, s -> prepare(s, bytes.get(), label));
        }
        if (e.failure() != null) {
            throw new EmberSparkException(e.failure().getMessage(), e.failure().getCause());
        }
        return e.model();
    }

    /**
     * The model at this location (local path, SparkFiles name or Hadoop URI; see {@link ModelFiles}), read
     * again only when its length or modification time changes.
     *
     * @throws EmberSparkException it cannot be read, or cannot be used
     */
    public static CachedModel model(String location) {
        ModelFiles.FileVersion v;
        try {
            v = ModelFiles.stat(location);
        } catch (IOException | RuntimeException e) {
            throw new EmberSparkException("cannot read model '" + location + "': " + describe(e), e);
        }
        String known = FILES.get(v);
        if (known == null) {
            byte[] bytes;
            try {
                bytes = ModelFiles.read(v);
            } catch (IOException | RuntimeException e) {
                throw new EmberSparkException("cannot read model '" + location + "': " + describe(e), e);
            }
            String sha = sha256(bytes);
            FILES.put(v, sha);
            return model(sha, () -> bytes, "'" + location + "'");
        }
        return model(known, () -> {
            throw new IllegalStateException("model " + known + " left the cache");
        }, location);
    }

    /** The pool of interpreters for the model on this backend (null: the best) and thread count. */
    static InterpreterPool pool(CachedModel model, String backend, int threads) {
        return POOLS.computeIfAbsent(new PoolKey(model.sha256(), backend, threads),
                k -> new InterpreterPool(model, backend, threads));
    }

    static void countInterpreter(String sha256) {
        INTERPRETERS.computeIfAbsent(sha256, s -> new AtomicInteger()).incrementAndGet();
    }

    private static Entry prepare(String sha, byte[] bytes, String label) {
        PREPARED.computeIfAbsent(sha, s -> new AtomicInteger()).incrementAndGet();
        try (Interpreter it = Interpreter.builder(bytes).backend("ref").build()) {
            List<TensorSpec> in = new ArrayList<>();
            for (int i = 0; i < it.inputCount(); i++) {
                in.add(TensorSpec.of(i, it.input(i)));
            }
            List<TensorSpec> out = new ArrayList<>();
            for (int i = 0; i < it.outputCount(); i++) {
                out.add(TensorSpec.of(i, it.output(i)));
            }
            return new Entry(new CachedModel(sha, bytes, in, out, it.variableCount()), null);
        } catch (EmberException | IllegalArgumentException | IllegalStateException | IndexOutOfBoundsException e) {
            return new Entry(null, new EmberSparkException("model " + label + " (sha256 " + sha.substring(0, 12)
                    + ") cannot be used: " + describe(e), e));
        }
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
