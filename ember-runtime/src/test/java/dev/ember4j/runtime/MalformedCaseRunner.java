/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs malformed models one by one, each under its own time limit, and sorts the outcomes. A model
 * must either run (Interpreter created with an arena of the reported size, invoked once on zero
 * input) or be rejected with {@link ModelFormatException} / {@link UnsupportedOperatorException};
 * anything else (another exception, an error, a hang) is recorded as a failure with the mutation.
 */
final class MalformedCaseRunner implements AutoCloseable {
    /** Arenas above this are counted as handled without being allocated. */
    static final int MAX_ARENA_BYTES = 64 << 20;
    private static final int MAX_REPORTED_FAILURES = 15;

    enum Outcome { RAN, MODEL_FORMAT, UNSUPPORTED, HUGE_ARENA }

    private final String modelName;
    private final byte[] original;
    private final Duration perCase;
    private ExecutorService executor = newExecutor();
    private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    private final List<String> failures = new ArrayList<>();
    private int failureCount;
    private long slowestNanos;
    private String slowest = "";

    MalformedCaseRunner(String modelName, byte[] original, Duration perCase) {
        this.modelName = modelName;
        this.original = original;
        this.perCase = perCase;
    }

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "malformed-model-case");
            t.setDaemon(true);
            return t;
        });
    }

    /** The outcome of one model, or an exception/error that is not an accepted rejection. */
    static Outcome exercise(byte[] model) {
        int arenaBytes;
        try {
            arenaBytes = Interpreter.arenaBytes(model);
        } catch (ModelFormatException e) {
            requireMessage(e);
            return Outcome.MODEL_FORMAT;
        } catch (UnsupportedOperatorException e) {
            requireMessage(e);
            return Outcome.UNSUPPORTED;
        }
        if (arenaBytes < 0) {
            throw new AssertionError("Interpreter.arenaBytes reported " + arenaBytes);
        }
        if (arenaBytes > MAX_ARENA_BYTES) {
            return Outcome.HUGE_ARENA; // reported, not attempted
        }
        Interpreter interpreter;
        try {
            interpreter = Interpreter.create(model, OpResolver.allBuiltins(), new byte[arenaBytes]);
        } catch (ModelFormatException e) {
            requireMessage(e);
            return Outcome.MODEL_FORMAT;
        } catch (UnsupportedOperatorException e) {
            requireMessage(e);
            return Outcome.UNSUPPORTED;
        }
        interpreter.invoke();
        return Outcome.RAN;
    }

    private static void requireMessage(RuntimeException e) {
        if (e.getMessage() == null || e.getMessage().isBlank()) {
            throw new AssertionError(e.getClass().getSimpleName() + " without a message", e);
        }
    }

    /** Runs one mutation; returns false when it hung (the remaining cases should not be run). */
    boolean run(FuzzMutation mutation) {
        byte[] model = mutation.apply(original);
        long t0 = System.nanoTime();
        Future<Outcome> f = executor.submit(() -> exercise(model));
        try {
            Outcome o = f.get(perCase.toNanos(), TimeUnit.NANOSECONDS);
            counts.merge(o, 1, Integer::sum);
        } catch (TimeoutException e) {
            f.cancel(true);
            executor.shutdownNow();
            executor = newExecutor(); // the stuck thread is a daemon; it cannot be stopped
            fail(mutation, "did not finish within " + perCase.toMillis() + " ms (hang or runaway computation)");
            return false;
        } catch (ExecutionException e) {
            fail(mutation, stackTrace(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(mutation, "interrupted");
            return false;
        }
        long elapsed = System.nanoTime() - t0;
        if (elapsed > slowestNanos) {
            slowestNanos = elapsed;
            slowest = mutation.toString();
        }
        return true;
    }

    private void fail(FuzzMutation mutation, String what) {
        failureCount++;
        if (failures.size() < MAX_REPORTED_FAILURES) {
            failures.add(modelName + ", " + mutation + ":\n    " + what);
        }
    }

    private static String stackTrace(Throwable t) {
        StringWriter s = new StringWriter();
        t.printStackTrace(new PrintWriter(s));
        String[] lines = s.toString().split("\n");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(lines.length, 8); i++) {
            b.append(i == 0 ? "" : "\n    ").append(lines[i].strip());
        }
        return b.toString();
    }

    int failureCount() {
        return failureCount;
    }

    int count(Outcome o) {
        return counts.getOrDefault(o, 0);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum() + failureCount;
    }

    /** All recorded failures (up to a limit), one mutation each, for the assertion message. */
    String report() {
        StringBuilder b = new StringBuilder();
        b.append(failureCount).append(" of ").append(total()).append(" malformed variants of ").append(modelName)
                .append(" failed with something other than ModelFormatException/UnsupportedOperatorException:\n");
        for (String f : failures) {
            b.append("  ").append(f).append('\n');
        }
        if (failureCount > failures.size()) {
            b.append("  ... and ").append(failureCount - failures.size()).append(" more\n");
        }
        return b.toString();
    }

    String summary() {
        return modelName + ": " + total() + " cases, ran " + count(Outcome.RAN) + ", ModelFormatException "
                + count(Outcome.MODEL_FORMAT) + ", UnsupportedOperatorException " + count(Outcome.UNSUPPORTED)
                + ", arena > 64 MiB " + count(Outcome.HUGE_ARENA) + ", failures " + failureCount + "; slowest "
                + slowestNanos / 1_000_000 + " ms (" + slowest + ")";
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
