/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.runtime.Interpreter;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code ember bench}'s default warm-up: inferences in windows of about 50 ms until the JVM has
 * settled, i.e. over the last {@value #QUIET_WINDOWS} windows the JIT compiled nothing, the thread
 * allocated nothing and latency stopped falling (the last windows' mean within 3% of the best
 * earlier one). A fixed count is not enough: how long C2 needs depends on the model size, the
 * backend and what the JVM ran before (Vector API code runs a boxing fallback until compiled).
 */
final class WarmUp {
    static final int QUIET_WINDOWS = 5;
    private static final long WINDOW_NANOS = 50_000_000L;

    /** How the warm-up ended. */
    record Result(long inferences, long nanos, boolean steady, String detail) {
        String describe() {
            String time = String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
            return steady
                    ? "auto: steady after " + time + " (" + inferences + " inferences; " + detail + ")"
                    : "auto: NOT steady after " + time + " (" + inferences + " inferences; " + detail
                        + "): the figures below may still include JIT warm-up";
        }
    }

    private WarmUp() {}

    /** Runs until steady, at least {@code minNanos} and at most {@code maxNanos}. */
    static Result untilSteady(Interpreter it, BenchCommand.Allocation alloc, long minNanos, long maxNanos) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long start = System.nanoTime();
        it.invoke();
        long one = Math.max(1, System.nanoTime() - start);
        long count = 1;
        List<double[]> windows = new ArrayList<>(); // {ns per inference, bytes allocated, ms compiled}
        long lastJit = jitTimed ? jit.getTotalCompilationTime() : 0;
        while (true) {
            int n = (int) Math.max(3, Math.min(100_000, WINDOW_NANOS / one));
            long a0 = alloc.now();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                it.invoke();
            }
            long t = System.nanoTime() - t0;
            long bytes = alloc.since(a0);
            long jitNow = jitTimed ? jit.getTotalCompilationTime() : 0;
            windows.add(new double[] {(double) t / n, bytes, jitNow - lastJit});
            lastJit = jitNow;
            count += n;
            one = Math.max(1, t / n);
            long elapsed = System.nanoTime() - start;
            String unsettled = unsettled(windows, jitTimed);
            if (elapsed >= minNanos && unsettled == null) {
                return new Result(count, elapsed, true, "over the last " + QUIET_WINDOWS
                        + " windows: no JIT compilation" + (jitTimed ? "" : " (not measurable here)")
                        + ", no allocation, no speed-up");
            }
            if (elapsed >= maxNanos) {
                return new Result(count, elapsed, false, unsettled == null ? "minimum time" : unsettled);
            }
        }
    }

    /** Null when the last windows are quiet, else what is still moving. */
    static String unsettled(List<double[]> w, boolean jitTimed) {
        int n = w.size();
        if (n < 2 * QUIET_WINDOWS) {
            return "too few windows";
        }
        double recent = 0;
        for (int i = n - QUIET_WINDOWS; i < n; i++) {
            double[] x = w.get(i);
            if (x[1] > 0) {
                return "still allocating, " + (long) x[1] + " B in the last window";
            }
            if (jitTimed && x[2] > 0) {
                return "JIT still compiling";
            }
            recent += x[0];
        }
        recent /= QUIET_WINDOWS;
        double best = Double.MAX_VALUE;
        for (int i = 0; i + QUIET_WINDOWS < n; i++) {
            best = Math.min(best, meanOf(w, i, Math.min(n - QUIET_WINDOWS, i + QUIET_WINDOWS)));
        }
        if (recent < 0.97 * best) {
            return "latency still falling";
        }
        return null;
    }

    private static double meanOf(List<double[]> w, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += w.get(i)[0];
        }
        return s / (to - from);
    }
}
