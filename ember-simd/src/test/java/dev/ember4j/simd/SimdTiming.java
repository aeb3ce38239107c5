/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Not a test: median microseconds per inference, ref vs simd, through the Interpreter.
 * Run with the test classpath and --add-modules jdk.incubator.vector; args: [warmup] [iterations].
 */
public final class SimdTiming {
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int iters = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        String only = args.length > 2 ? args[2] : "";
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + "; simd supported: " + SimdSupport.isSupported() + " " + SimdSupport.unsupportedReason());
        String[][] models = {{"person_detect.tflite", "person.input.bin"}, {"speech.tflite", "speech_yes.input.bin"}};
        for (String[] m : models) {
            for (KernelBackend b : new KernelBackend[] {new ReferenceBackend(), new SimdBackend()}) {
                if (!only.isEmpty() && !b.name().equals(only)) {
                    continue;
                }
                byte[] model = Shared.model(m[0]);
                Interpreter it = Interpreter.create(ByteBuffer.wrap(model), OpResolver.allBuiltins(),
                        new byte[Interpreter.arenaBytes(model)], b);
                it.input(0).copyFrom(Shared.sample(m[1]));
                for (int i = 0; i < warmup; i++) {
                    it.invoke();
                }
                com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
                long a0 = tb.getThreadAllocatedBytes(Thread.currentThread().getId());
                long[] t = new long[iters];
                for (int i = 0; i < iters; i++) {
                    long s = System.nanoTime();
                    it.invoke();
                    t[i] = System.nanoTime() - s;
                }
                long a1 = tb.getThreadAllocatedBytes(Thread.currentThread().getId());
                Arrays.sort(t);
                System.out.printf("%-22s %-5s median %8.1f us  p10 %8.1f  p90 %8.1f  alloc/inv %d B%n", m[0], b.name(),
                        t[iters / 2] / 1e3, t[iters / 10] / 1e3, t[iters * 9 / 10] / 1e3, (a1 - a0) / iters);
                if (System.getProperty("profile") != null) {
                    long[] ns = new long[it.prepared().ops().size()];
                    for (int i = 0; i < iters; i++) {
                        it.invokeProfiled(ns);
                    }
                    for (int i = 0; i < ns.length; i++) {
                        System.out.printf("   op %2d %-40.40s %8.1f us%n", i, it.prepared().ops().get(i).params() == null ? "-" : it.prepared().ops().get(i).params().getClass().getSimpleName(), ns[i] / 1e3 / iters);
                    }
                }
            }
        }
    }
}
