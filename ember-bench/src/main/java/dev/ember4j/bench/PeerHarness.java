/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.prepare.ModelPreparer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs every model on every Ember backend and on TensorFlow Lite, on the same input, and prints
 * Markdown tables: Ember medians (with p10/p90 and heap bytes allocated per inference), peer medians,
 * Ember/peer ratios, whether each peer's output bytes equal Ember's, and the arena sizes.
 *
 * <p>Peers: TensorFlow Lite 2.19 in this JVM through JavaCPP ({@code BuiltinOpResolver}, which may
 * apply the default XNNPACK delegate, and {@code BuiltinOpResolverWithoutDefaultDelegates}), and the
 * TensorFlow Lite Python interpreter as a subprocess ({@code tools/peer_tflite.py}; resolvers
 * BUILTIN_REF, BUILTIN_WITHOUT_DEFAULT_DELEGATES, BUILTIN). Every peer runs one thread. Peers get a
 * copy of each model with {@link QuantizedDimensionPatch} applied (desktop TFLite rejects
 * person_detect as shipped).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ember-bench/target/benchmarks.jar dev.ember4j.bench.PeerHarness \
 *      [--iterations 300] [--warmup 100] [--warmup-ms 1500] [--models sine,speech,...] [--python PATH]
 *      [--no-python] [--no-javacpp]
 * </pre>
 */
public final class PeerHarness {

    static final String[] PY_RESOLVERS = {"BUILTIN_REF", "BUILTIN_WITHOUT_DEFAULT_DELEGATES", "BUILTIN"};

    /** One measured configuration. */
    record Result(String name, double medianUs, double p10Us, double p90Us, byte[] output, String note) {
        static Result failed(String name, String note) {
            return new Result(name, Double.NaN, Double.NaN, Double.NaN, null, note);
        }

        boolean ok() {
            return output != null;
        }
    }

    private int iterations = 300;
    private int warmup = 100;
    private long warmupMs = 5000;
    private List<String> models = BenchModels.ALL;
    /** Thread counts each Ember backend runs with (Interpreter threads(n)); "NAME xN" rows for N > 1. */
    private int[] threadCounts = {1};
    private String python;
    private boolean runPython = true;
    private boolean runJavacpp = true;
    private final List<String> notes = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        PeerHarness h = new PeerHarness();
        h.parse(args);
        h.run();
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--iterations": iterations = Integer.parseInt(args[++i]); break;
                case "--warmup": warmup = Integer.parseInt(args[++i]); break;
                case "--warmup-ms": warmupMs = Long.parseLong(args[++i]); break;
                case "--models": models = Arrays.asList(args[++i].split(",")); break;
                case "--threads":
                    threadCounts = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                    break;
                case "--python": python = args[++i]; break;
                case "--no-python": runPython = false; break;
                case "--no-javacpp": runJavacpp = false; break;
                case "-h":
                case "--help":
                    System.out.println("PeerHarness [--iterations N] [--warmup N] [--warmup-ms MS] "
                            + "[--models a,b] [--threads 1,2] [--python PATH] [--no-python] [--no-javacpp]");
                    System.exit(0);
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + a);
            }
        }
        if (python == null) {
            String env = System.getenv("EMBER_PYTHON");
            python = env != null && !env.isBlank() ? env : "python3";
        }
    }

    private void run() throws Exception {
        List<String> problems = new ArrayList<>();
        Map<String, KernelBackend> backends = Backends.discover(problems);
        notes.addAll(problems);
        System.out.println("# Ember4j peer comparison");
        System.out.println();
        System.out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", jdk.incubator.vector loaded: " + Backends.vectorModuleLoaded());
        System.out.println("- CPU: " + cpu());
        System.out.println("- Ember backends: " + backends.keySet() + ", threads " + Arrays.toString(threadCounts)
                + " (alloc column: calling thread; workers are checked in the test suite)");
        System.out.println("- iterations: " + iterations + " timed invokes after >= " + warmup + " invokes and >= "
                + warmupMs + " ms warm-up; all peers single-threaded");
        System.out.println("- shared data: " + BenchModels.sharedDir());
        System.out.println();

        Map<String, Map<String, Result>> ember = new LinkedHashMap<>();
        Map<String, Map<String, Double>> alloc = new LinkedHashMap<>();
        Map<String, Map<String, Result>> peers = new LinkedHashMap<>();
        Path tmp = Files.createTempDirectory("ember-peers");
        Path script = runPython ? findScript() : null;
        for (String model : models) {
            System.err.println("[ember-bench] " + model + " ...");
            byte[] bytes = BenchModels.modelBytes(model);
            Map<String, Result> er = new LinkedHashMap<>();
            Map<String, Double> ea = new LinkedHashMap<>();
            byte[] input = null;
            for (Map.Entry<String, KernelBackend> e : backends.entrySet()) {
                for (int t : threadCounts) {
                    String key = t == 1 ? e.getKey() : e.getKey() + " x" + t;
                    try (Interpreter in = Interpreter.builder(ByteBuffer.wrap(bytes)).opResolver(OpResolver.allBuiltins())
                            .backend(e.getValue()).threads(t).build()) {
                        if (input == null) {
                            input = BenchModels.input(model, in.input(0).byteSize());
                        }
                        double[] allocPerInvoke = new double[1];
                        er.put(key, timeEmber(key, in, input, allocPerInvoke));
                        ea.put(key, allocPerInvoke[0]);
                    }
                }
            }
            ember.put(model, er);
            alloc.put(model, ea);

            byte[] patched = bytes.clone();
            int changed = QuantizedDimensionPatch.patch(patched);
            if (changed > 0) {
                notes.add(model + ": peers get a copy with quantized_dimension set to 0 on " + changed
                        + " rank-1 tensors");
            }
            Path modelFile = tmp.resolve(model + ".tflite");
            Path inputFile = tmp.resolve(model + ".input.bin");
            Files.write(modelFile, patched);
            Files.write(inputFile, input);
            Map<String, Result> pr = new LinkedHashMap<>();
            if (runJavacpp) {
                pr.putAll(JavacppPeer.run(modelFile, input, iterations, warmup, warmupMs));
            }
            if (runPython) {
                pr.putAll(runPython(script, modelFile, inputFile));
            }
            peers.put(model, pr);
        }

        printEmber(ember, alloc);
        printPeers(ember, peers);
        printArena();
        if (!notes.isEmpty()) {
            System.out.println("Notes:");
            System.out.println();
            for (String n : notes) {
                System.out.println("- " + n);
            }
            System.out.println();
        }
        for (String model : models) {
            Files.deleteIfExists(tmp.resolve(model + ".tflite"));
            Files.deleteIfExists(tmp.resolve(model + ".input.bin"));
        }
        Files.deleteIfExists(tmp);
    }

    /** CPU model and its vector flags, from /proc/cpuinfo (Linux), else the OS architecture. */
    static String cpu() {
        try {
            String model = null;
            String flags = null;
            for (String line : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (model == null && line.startsWith("model name")) {
                    model = line.substring(line.indexOf(':') + 1).trim();
                } else if (flags == null && line.startsWith("flags")) {
                    flags = line.substring(line.indexOf(':') + 1).trim();
                }
            }
            List<String> vector = new ArrayList<>();
            if (flags != null) {
                for (String f : flags.split("\\s+")) {
                    if (f.startsWith("avx") || f.equals("fma") || f.startsWith("sse4") || f.equals("amx_int8")) {
                        vector.add(f);
                    }
                }
            }
            return model + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, vector flags: "
                    + String.join(" ", vector);
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
        }
    }

    private Result timeEmber(String name, Interpreter in, byte[] input, double[] allocPerInvoke) {
        // The memory plan may reuse the input tensor's bytes once it is consumed (TFLM-style), so the
        // input is copied in before every invoke, outside the timed region.
        var inTensor = in.input(0);
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(warmupMs);
        for (int i = 0; i < warmup || System.nanoTime() < end; i++) {
            inTensor.copyFrom(input);
            in.invoke();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        long id = Thread.currentThread().getId();
        long[] samples = new long[iterations];
        threads.getThreadAllocatedBytes(id);
        long a0 = threads.getThreadAllocatedBytes(id);
        long a1 = threads.getThreadAllocatedBytes(id); // cost of the reading itself (normally 0)
        for (int i = 0; i < iterations; i++) {
            inTensor.copyFrom(input);
            long t0 = System.nanoTime();
            in.invoke();
            samples[i] = System.nanoTime() - t0;
        }
        long a2 = threads.getThreadAllocatedBytes(id);
        allocPerInvoke[0] = Math.max(0, (a2 - a1) - (a1 - a0)) / (double) iterations;
        byte[] out = new byte[in.output(0).byteSize()];
        in.output(0).copyTo(out);
        return stats(name, samples, out, "");
    }

    static Result stats(String name, long[] nanos, byte[] output, String note) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return new Result(name, pct(s, 50) / 1e3, pct(s, 10) / 1e3, pct(s, 90) / 1e3, output, note);
    }

    private static double pct(long[] sorted, int p) {
        double rank = (sorted.length - 1) * p / 100.0;
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    // ---------------------------------------------------------------- Python TFLite

    private Path findScript() {
        String prop = System.getProperty("ember.tools");
        List<Path> candidates = new ArrayList<>();
        if (prop != null) {
            candidates.add(Paths.get(prop));
        }
        for (Path d = Paths.get("").toAbsolutePath(); d != null; d = d.getParent()) {
            candidates.add(d.resolve("tools"));
        }
        try {
            Path code = Paths.get(PeerHarness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path d = code; d != null; d = d.getParent()) {
                candidates.add(d.resolve("tools"));
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // working-directory candidates remain
        }
        for (Path c : candidates) {
            Path s = c.resolve("peer_tflite.py");
            if (Files.isRegularFile(s)) {
                return s;
            }
        }
        notes.add("TFLite (Python) skipped: tools/peer_tflite.py not found (pass -Dember.tools=DIR)");
        runPython = false;
        return null;
    }

    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|[-0-9.eE+]+|null)");

    private Map<String, Result> runPython(Path script, Path modelFile, Path inputFile) {
        Map<String, Result> out = new LinkedHashMap<>();
        if (!runPython) {
            return out;
        }
        List<String> cmd = List.of(python, script.toString(), modelFile.toString(), inputFile.toString(),
                Integer.toString(iterations), String.join(",", PY_RESOLVERS), "--warmup", Integer.toString(warmup),
                "--warmup-ms", Long.toString(warmupMs));
        String stdout;
        int rc;
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            try (InputStream is = p.getInputStream()) {
                ByteArrayOutputStream bo = new ByteArrayOutputStream();
                is.transferTo(bo);
                stdout = bo.toString(StandardCharsets.UTF_8);
            }
            rc = p.waitFor();
        } catch (IOException e) {
            notes.add("TFLite 2.21 (Python) skipped: cannot run " + python + ": " + e.getMessage());
            runPython = false;
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return out;
        }
        for (String line : stdout.split("\n")) {
            line = line.trim();
            if (!line.startsWith("{")) {
                continue;
            }
            Map<String, String> f = new LinkedHashMap<>();
            Matcher m = FIELD.matcher(line);
            while (m.find()) {
                f.put(m.group(1), m.group(3) != null ? m.group(3) : m.group(2));
            }
            if (f.containsKey("skipped")) {
                notes.add(f.get("skipped"));
                runPython = false;
                return out;
            }
            String version = f.getOrDefault("tf_version", "?");
            String name = "TFLite " + version + " Python " + f.get("resolver");
            if (f.containsKey("error")) {
                out.put(name, Result.failed(name, f.get("error")));
                notes.add(name + " failed: " + f.get("error"));
            } else {
                out.put(name, new Result(name, Double.parseDouble(f.get("median_us")),
                        Double.parseDouble(f.get("p10_us")), Double.parseDouble(f.get("p90_us")),
                        hex(f.get("output_hex")), ""));
            }
        }
        if (out.isEmpty()) {
            notes.add("TFLite (Python) gave no result (exit " + rc + ") for " + modelFile.getFileName());
        }
        return out;
    }

    static String hexOf(byte[] b) {
        if (b == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, 16); i++) {
            sb.append(String.format("%02x", b[i] & 0xff));
        }
        return b.length > 16 ? sb + "…(" + b.length + " B)" : sb.toString();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }

    // ---------------------------------------------------------------- report

    private static String us(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void printEmber(Map<String, Map<String, Result>> ember, Map<String, Map<String, Double>> alloc) {
        System.out.println("## Ember (median µs, p10–p90, heap bytes allocated per inference)");
        System.out.println();
        System.out.println("| model | backend | median µs | p10–p90 µs | alloc B/inference | output == ref backend | output (hex) |");
        System.out.println("|---|---|---:|---:|---:|---|---|");
        for (var m : ember.entrySet()) {
            byte[] ref = m.getValue().get("ref").output();
            for (Result r : m.getValue().values()) {
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %s–%s | %.1f | %s | %s |%n", m.getKey(), r.name(),
                        us(r.medianUs()), us(r.p10Us()), us(r.p90Us()), alloc.get(m.getKey()).get(r.name()),
                        Arrays.equals(ref, r.output()) ? "yes" : "NO", hexOf(r.output()));
            }
        }
        System.out.println();
    }

    private static void printPeers(Map<String, Map<String, Result>> ember, Map<String, Map<String, Result>> peers) {
        List<String> names = new ArrayList<>(ember.values().iterator().next().keySet());
        StringBuilder head = new StringBuilder("| model | peer | peer median µs (p10–p90) |");
        StringBuilder rule = new StringBuilder("|---|---|---:|");
        for (String b : names) {
            head.append(" Ember ").append(b).append(" µs | ").append(b).append("/peer |");
            rule.append("---:|---:|");
        }
        head.append(" peer output == Ember |");
        rule.append("---|");
        System.out.println("## Peers (ratio < 1: Ember faster)");
        System.out.println();
        System.out.println(head);
        System.out.println(rule);
        for (var m : peers.entrySet()) {
            Map<String, Result> er = ember.get(m.getKey());
            byte[] ref = er.get("ref").output();
            for (Result p : m.getValue().values()) {
                StringBuilder row = new StringBuilder();
                row.append("| ").append(m.getKey()).append(" | ").append(p.name()).append(" | ")
                        .append(us(p.medianUs())).append(" (").append(us(p.p10Us())).append("–")
                        .append(us(p.p90Us())).append(") |");
                for (String b : names) {
                    double e = er.get(b).medianUs();
                    row.append(' ').append(us(e)).append(" | ")
                            .append(p.ok() ? String.format(Locale.ROOT, "%.2f", e / p.medianUs()) : "n/a").append(" |");
                }
                row.append(' ').append(p.ok() ? (Arrays.equals(ref, p.output()) ? "yes" : "no (" + hexOf(p.output()) + ")")
                        : "failed: " + p.note())
                        .append(" |");
                System.out.println(row);
            }
        }
        System.out.println();
    }

    private void printArena() {
        System.out.println("## Arena (activation bytes; lower bound = largest total of simultaneously live tensors)");
        System.out.println();
        System.out.println("| model | arena bytes | lower bound | arena / bound |");
        System.out.println("|---|---:|---:|---:|");
        for (String model : models) {
            MemoryPlan plan = ModelPreparer.prepare(ByteBuffer.wrap(BenchModels.modelBytes(model))).plan();
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %.3f |%n", model, plan.arenaBytes(), plan.lowerBound(),
                    plan.arenaBytes() / (double) plan.lowerBound());
        }
        System.out.println();
    }
}
