/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.core.TensorType;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;
import dev.ember4j.tflite.prepare.PreparedOp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code ember bench}: latency statistics of repeated inferences, a per-operator profile and the bytes
 * allocated per inference (which should be 0).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {
            "Measures latency per inference, time per operator and bytes allocated.",
            "Times repeated inferences on one thread: after the warmup, a timed loop of plain invoke()",
            "calls gives the latency statistics and the allocation count; a second loop of the same",
            "length with per-operator timing gives the operator table.",
        })
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TensorFlow Lite model (.tflite)")
    Path model;

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", defaultValue = "ref",
            description = "Kernel backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = {"Threads per inference (default: ${DEFAULT-VALUE}): N > 1 splits the large",
                "convolutions by output rows over N threads (same output bytes)."})
    int threads;

    @Option(names = "--warmup", paramLabel = "auto|N", defaultValue = "auto",
            description = {"Untimed inferences first: 'auto' (default) runs until the JIT has compiled",
                "everything, nothing is allocated and latency stops falling (at least 1 s); N runs N."})
    String warmup;

    @Option(names = "--max-warmup", paramLabel = "SECONDS", defaultValue = "30",
            description = "Longest automatic warm-up; the report says when it ended unsettled (default: ${DEFAULT-VALUE}).")
    double maxWarmup;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "200",
            description = "Timed inferences (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Raw bytes of one model input, once per input; random data when omitted.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--svg", paramLabel = "FILE",
            description = "Also write the per-operator median times as an SVG bar chart (with MACs and GMAC/s).")
    Path svg;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "Seed of the random input data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        long warmupCount = -1;
        if (!warmup.equals("auto")) {
            try {
                warmupCount = Long.parseLong(warmup);
            } catch (NumberFormatException e) {
                warmupCount = -1;
            }
            if (warmupCount < 0) {
                throw new ParameterException(spec.commandLine(), "--warmup must be 'auto' or a count >= 0, got " + warmup);
            }
        }
        if (!(maxWarmup > 0 && maxWarmup <= 3600)) {
            throw new ParameterException(spec.commandLine(), "--max-warmup must be in (0, 3600] seconds, got " + maxWarmup);
        }
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be in [1, 256], got " + threads);
        }
        if (iterations < 1) {
            throw new ParameterException(spec.commandLine(), "--iterations must be >= 1, got " + iterations);
        }
        PrintWriter out = spec.commandLine().getOut();
        var backendImpl = Backends.discover().select(backend);
        Models.Loaded loaded = Models.load(model);
        Interpreter it = Models.interpreter(loaded, backendImpl, threads);
        String inputText;
        if (inputs.isEmpty()) {
            randomInputs(it, seed);
            inputText = "random (seed " + seed + ")";
        } else {
            Models.loadInputs(it, inputs, model);
            inputText = String.join(", ", inputs.stream().map(Path::toString).toList());
        }

        List<PreparedOp> ops = it.prepared().ops();
        int n = iterations;
        long[] total = new long[n];
        long[][] perOp = new long[ops.size()][n];
        long[] acc = new long[ops.size()];
        Allocation alloc = Allocation.create();

        String warmupText;
        boolean unsettled = false;
        if (warmupCount >= 0) {
            for (long i = 0; i < warmupCount; i++) {
                it.invoke();
            }
            warmupText = warmupCount + " inferences";
        } else {
            long max = (long) (maxWarmup * 1e9);
            // progress on stderr (seen even when stdout is piped): the warm-up alone takes a second or more
            PrintWriter progress = spec.commandLine().getErr();
            progress.println("ember bench: warming up until the JIT has settled (1 to " + maxWarmup + " s)...");
            progress.flush();
            WarmUp.Result w = WarmUp.untilSteady(it, alloc, Math.min(1_000_000_000L, max), max);
            warmupText = w.describe();
            unsettled = !w.steady();
            double estimate = 2.0 * n * w.nanos() / Math.max(1, w.inferences()) / 1e9;
            if (estimate > 2) {
                progress.printf(Locale.ROOT, "ember bench: timing %d + %d inferences (about %.0f s)...%n", n, n, estimate);
                progress.flush();
            }
        }
        long allocBefore = alloc.now();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            it.invoke();
            total[i] = System.nanoTime() - t0;
        }
        long allocTimed = alloc.since(allocBefore);

        allocBefore = alloc.now();
        for (int i = 0; i < n; i++) {
            Arrays.fill(acc, 0L);
            it.invokeProfiled(acc);
            for (int k = 0; k < acc.length; k++) {
                perOp[k][i] = acc[k];
            }
        }
        long allocProfiled = alloc.since(allocBefore);

        long[] sorted = total.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(total).average().orElse(0);
        long macs = it.prepared().macs();

        out.println("Model:       " + model + " (" + ops.size() + " operators, " + macs + " MACs per inference)");
        out.println("Backend:     " + backendImpl.description()
                + (threads > 1 ? ", " + threads + " threads (bytes allocated: calling thread only)" : ""));
        out.println("Input:       " + inputText);
        out.println("Warmup:      " + warmupText);
        out.println("Iterations:  " + n + " timed + " + n + " profiled inferences");
        out.println();
        out.println("Latency per inference (us):");
        out.println("  median  " + us(percentile(sorted, 50)));
        out.println("  p10     " + us(percentile(sorted, 10)));
        out.println("  p90     " + us(percentile(sorted, 90)) + "   (spread p90-p10 "
                + us(percentile(sorted, 90) - percentile(sorted, 10)) + ")");
        out.println("  min     " + us(sorted[0]));
        out.println("  mean    " + us(mean));
        out.println("Throughput:  " + gmacs(macs, percentile(sorted, 50)) + " GMAC/s at the median");
        out.println("Allocated:   " + perInference(allocTimed, n) + " per inference in the timed loop, "
                + perInference(allocProfiled, n) + " in the profiled loop");
        if (warmupCount >= 0 && (allocTimed > 0 || allocProfiled > 0)) {
            out.println("             (after a fixed warm-up: allocation can be the JIT not having compiled the"
                    + " kernels yet; the default --warmup auto waits for that)");
        } else if (unsettled && (allocTimed > 0 || allocProfiled > 0)) {
            out.println("             (the warm-up did not settle: this backend keeps allocating on this JVM)");
        }
        out.println();

        out.println("Per operator (median of " + n + " profiled inferences):");
        TextTable table = new TextTable(">#", "op", "kernel", ">median us", ">share %", ">MACs", ">GMAC/s");
        double medianSum = 0;
        double[] medians = new double[ops.size()];
        long[] opMacsAll = new long[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            long[] s = perOp[k].clone();
            Arrays.sort(s);
            medians[k] = percentile(s, 50);
            medianSum += medians[k];
            opMacsAll[k] = ops.get(k).params() == null ? 0 : ops.get(k).params().macs();
        }
        // the share of each operator's median in the sum of the medians: the column adds up to the total row
        for (int k = 0; k < ops.size(); k++) {
            PreparedOp op = ops.get(k);
            double med = medians[k];
            long opMacs = opMacsAll[k];
            var chosen = it.kernel(k);
            table.row(op.index(), op.name(), chosen == null ? "(alias)" : chosen.describe(), us(med),
                    medianSum <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", 100.0 * med / medianSum),
                    opMacs, opMacs == 0 ? "-" : gmacs(opMacs, med));
        }
        table.row("", "total", "", us(medianSum), medianSum <= 0 ? "-" : "100.0", macs, gmacs(macs, medianSum));
        table.print(out, "  ");
        if (svg != null) {
            Path name = model.getFileName();
            Pictures.write(svg, Pictures.benchSvg(name == null ? model.toString() : name.toString(),
                    backendImpl.description(), ops, medians, opMacsAll), "SVG file");
            out.println();
            out.println("Wrote " + svg);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Fills every input with seeded random data: any int8/uint8 byte, floats uniform in [-1, 1). */
    static void randomInputs(Interpreter it, long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < it.inputCount(); i++) {
            Tensor t = it.input(i);
            byte[] data = new byte[t.byteSize()];
            if (t.type() == TensorType.FLOAT32) {
                ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
                while (b.remaining() >= 4) {
                    b.putFloat(random.nextFloat() * 2 - 1);
                }
            } else {
                random.nextBytes(data);
            }
            t.copyFrom(data);
        }
    }

    /** Nearest-rank percentile of sorted values, interpolated linearly between ranks. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (rank - lo) * (sorted[hi] - sorted[lo]);
    }

    private static String us(double nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1000.0);
    }

    private static String gmacs(long macs, double nanos) {
        return nanos <= 0 ? "-" : String.format(Locale.ROOT, "%.3f", macs / nanos);
    }

    private static String perInference(long bytes, int n) {
        if (bytes < 0) {
            return "n/a";
        }
        return (bytes % n == 0 ? Long.toString(bytes / n) : String.format(Locale.ROOT, "%.1f", (double) bytes / n))
                + " B";
    }

    /** Bytes allocated by the current thread, via com.sun.management.ThreadMXBean when available. */
    static final class Allocation {
        private final com.sun.management.ThreadMXBean bean;
        private final long overhead;

        private Allocation(com.sun.management.ThreadMXBean bean) {
            this.bean = bean;
            long overhead = 0;
            if (bean != null) {
                // The measurement itself may allocate a little: measure two back-to-back readings.
                for (int i = 0; i < 3; i++) {
                    long a = bean.getCurrentThreadAllocatedBytes();
                    long b = bean.getCurrentThreadAllocatedBytes();
                    overhead = b - a;
                }
            }
            this.overhead = Math.max(0, overhead);
        }

        static Allocation create() {
            try {
                if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean b
                        && b.isThreadAllocatedMemorySupported()) {
                    if (!b.isThreadAllocatedMemoryEnabled()) {
                        b.setThreadAllocatedMemoryEnabled(true);
                    }
                    return new Allocation(b);
                }
            } catch (UnsupportedOperationException | SecurityException ignored) {
                // fall through: not measurable here
            }
            return new Allocation(null);
        }

        long now() {
            return bean == null ? -1 : bean.getCurrentThreadAllocatedBytes();
        }

        /** Bytes allocated since {@code before}, or -1 if unmeasurable. */
        long since(long before) {
            if (bean == null || before < 0) {
                return -1;
            }
            return Math.max(0, bean.getCurrentThreadAllocatedBytes() - before - overhead);
        }
    }
}
