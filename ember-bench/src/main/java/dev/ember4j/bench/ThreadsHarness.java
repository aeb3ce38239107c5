/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.parallel.ParallelBackend;
import dev.ember4j.runtime.Interpreter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Multi-threaded inference against one thread, interleaved in one JVM so that drifting machine speed
 * (shared CPUs, frequency changes) affects every configuration alike: per model, every backend at each
 * thread count runs a block of invokes in turn, round after round; the table gives the median of the
 * per-round medians and the speed-up over the same backend on one thread, and whether the outputs equal
 * the reference backend's.
 *
 * <pre>java -cp ember-bench/target/benchmarks.jar[:simd] dev.ember4j.bench.ThreadsHarness
 *      [--models person_detect,vww_96] [--threads 1,2] [--rounds 30] [--block 20]</pre>
 */
public final class ThreadsHarness {
    private List<String> models = List.of("person_detect", "vww_96", "kws", "resnet8", "ad01");
    private int[] threads = {1, 2};
    private int rounds = 30;
    private int block = 20;
    /** Split thresholds to compare (ParallelBackend's minSplitMacs); empty: the default only. */
    private long[] minSplitMacs = {};

    public static void main(String[] args) {
        ThreadsHarness h = new ThreadsHarness();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--models" -> h.models = Arrays.asList(args[++i].split(","));
                case "--threads" -> h.threads = Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--rounds" -> h.rounds = Integer.parseInt(args[++i]);
                case "--block" -> h.block = Integer.parseInt(args[++i]);
                case "--min-split-macs" -> h.minSplitMacs = Arrays.stream(args[++i].split(",")).mapToLong(Long::parseLong).toArray();
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        h.run();
    }

    private void run() {
        List<String> problems = new ArrayList<>();
        Map<String, KernelBackend> backends = Backends.discover(problems);
        System.out.println("# Ember4j threads: interleaved rounds in one JVM");
        System.out.println();
        System.out.println("- CPU: " + PeerHarness.cpu());
        System.out.println("- JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        System.out.println("- " + rounds + " rounds of " + block + " invokes per configuration; median of the round medians");
        problems.forEach(p -> System.out.println("- note: " + p));
        System.out.println();
        System.out.println("| model | backend | threads | median µs | speed-up vs 1 thread | output == ref |");
        System.out.println("|---|---|---:|---:|---:|---|");
        for (String model : models) {
            byte[] bytes = BenchModels.modelBytes(model);
            Map<String, Interpreter> its = new LinkedHashMap<>();
            for (var b : backends.entrySet()) {
                for (int t : threads) {
                    if (t == 1 || minSplitMacs.length == 0) {
                        its.put(b.getKey() + "|" + t, Interpreter.builder(bytes).backend(b.getValue()).threads(t).build());
                        continue;
                    }
                    for (long min : minSplitMacs) {
                        its.put(b.getKey() + "|" + t + " (split >= " + min + " MACs)", Interpreter.builder(bytes)
                                .backend(new ParallelBackend(b.getValue(), t, min)).build());
                    }
                }
            }
            byte[] input = null;
            for (Interpreter it : its.values()) {
                if (input == null) {
                    input = BenchModels.input(model, it.input(0).byteSize());
                }
                for (int i = 0; i < 300; i++) { // warm-up: C2 compiles the kernels of each configuration
                    it.input(0).copyFrom(input);
                    it.invoke();
                }
            }
            Map<String, double[]> roundMedians = new LinkedHashMap<>();
            its.keySet().forEach(k -> roundMedians.put(k, new double[rounds]));
            long[] samples = new long[block];
            for (int r = 0; r < rounds; r++) {
                for (var e : its.entrySet()) {
                    Interpreter it = e.getValue();
                    for (int i = 0; i < block; i++) {
                        it.input(0).copyFrom(input);
                        long t0 = System.nanoTime();
                        it.invoke();
                        samples[i] = System.nanoTime() - t0;
                    }
                    Arrays.sort(samples);
                    roundMedians.get(e.getKey())[r] = samples[block / 2] / 1e3;
                }
            }
            byte[] ref = output(its.values().iterator().next(), input);
            for (var e : its.entrySet()) {
                String[] kt = e.getKey().split("\\|");
                double median = median(roundMedians.get(e.getKey()));
                double one = median(roundMedians.get(kt[0] + "|" + threads[0]));
                System.out.printf(Locale.ROOT, "| %s | %s | %s | %.0f | %.2fx | %s |%n", model, kt[0], kt[1], median,
                        one / median, Arrays.equals(ref, output(e.getValue(), input)) ? "yes" : "NO");
                e.getValue().close();
            }
        }
    }

    private static byte[] output(Interpreter it, byte[] input) {
        it.input(0).copyFrom(input);
        it.invoke();
        byte[] out = new byte[it.output(0).byteSize()];
        it.output(0).copyTo(out);
        return out;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
