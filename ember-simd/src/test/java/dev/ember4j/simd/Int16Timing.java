/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.add.AddQuantizedKernel;
import dev.ember4j.ops.add.AddQuantizedParams;
import dev.ember4j.ops.conv2d.Conv2DQuantizedKernel;
import dev.ember4j.ops.conv2d.Conv2DQuantizedParams;
import dev.ember4j.ops.dequantize.DequantizeKernel;
import dev.ember4j.ops.dequantize.DequantizeParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedParams;
import dev.ember4j.ops.quantize.QuantizeKernel;
import dev.ember4j.ops.quantize.QuantizeParams;
import dev.ember4j.ops.common.Elem;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

/**
 * Not a test: median microseconds per run of the 16x8, int16 ADD and QUANTIZE/DEQUANTIZE kernels, reference
 * vs simd, on fixed shapes, one thread. Run with the test classpath and --add-modules jdk.incubator.vector;
 * args: [milliseconds per kernel and backend].
 */
public final class Int16Timing {
    public static void main(String[] args) {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : 1500;
        only = args.length > 1 ? args[1] : "";
        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + new SimdBackend().description());
        Random r = new Random(1);
        int[] act = {-32768, 32767};
        byte[] bias64 = ByteBuffer.allocate(8 * 64).order(ByteOrder.LITTLE_ENDIAN).putLong(12345).array();
        int[] m = {1 << 30};
        int[] s = {-12};
        time("CONV_2D 16x8 1x32x32x32 3x3 -> 32", new Conv2DQuantizedParams(Elem.INT16, 1, 32, 32, 32, 32, 32, 32, 3, 3,
                1, 1, 1, 1, 1, 1, 0, 0, 0, bytes(r, 32 * 9 * 32), 64, Arrays.copyOf(bias64, 8 * 32), m, s, act[0], act[1]),
                Conv2DQuantizedKernel.KERNEL, 2 * 32 * 32 * 32, millis, r, 2 * 32 * 32 * 32);
        time("CONV_2D 16x8 1x1x256x64 1x7 -> 64", new Conv2DQuantizedParams(Elem.INT16, 1, 1, 256, 64, 1, 256, 64, 1, 7,
                1, 1, 1, 1, 0, 3, 0, 0, 0, bytes(r, 64 * 7 * 64), 64, bias64, m, s, act[0], act[1]),
                Conv2DQuantizedKernel.KERNEL, 2 * 256 * 64, millis, r, 2 * 256 * 64);
        time("FULLY_CONNECTED 16x8 1x1024 -> 256", new FullyConnectedQuantizedParams(Elem.INT16, 1, 1024, 256, 0, 0, 0,
                bytes(r, 1024 * 256), 0, new byte[0], m, s, true, act[0], act[1]),
                FullyConnectedQuantizedKernel.KERNEL, 2 * 256, millis, r, 2 * 1024);
        time("FULLY_CONNECTED 16x8 16x256 -> 128", new FullyConnectedQuantizedParams(Elem.INT16, 16, 256, 128, 0, 0, 0,
                bytes(r, 256 * 128), 64, Arrays.copyOf(bias64, 8 * 128), m, s, false, act[0], act[1]),
                FullyConnectedQuantizedKernel.KERNEL, 2 * 16 * 128, millis, r, 2 * 16 * 256);
        int n = 65536;
        int[] shape = {1, 1, 1, 1, 256, 256};
        int[] dense = {0, 0, 0, 0, 256, 1};
        time("ADD int16 general 65536", new AddQuantizedParams(Elem.INT16, shape, dense, dense, 0, 0, 0, 15,
                1 << 30, -1, 1518500250, -1, 1 << 30, -14, act[0], act[1], false, 0, 0),
                AddQuantizedKernel.KERNEL, 2 * n, millis, r, 2 * n, 2 * n);
        time("ADD int16 pot 65536", new AddQuantizedParams(Elem.INT16, shape, dense, dense, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                act[0], act[1], true, 0, 3), AddQuantizedKernel.KERNEL, 2 * n, millis, r, 2 * n, 2 * n);
        ByteBuffer floats = ByteBuffer.allocate(4 * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            floats.putFloat((float) r.nextGaussian() * 3);
        }
        time("QUANTIZE float32->int8 65536", new QuantizeParams(n, 1, 0.05f, 0, 0, Elem.INT8, -3, 0, 0),
                QuantizeKernel.KERNEL, n, millis, r, floats.array());
        time("DEQUANTIZE int8->float32 65536", new DequantizeParams(n, Elem.INT8, 0.05f, -3), DequantizeKernel.KERNEL,
                4 * n, millis, r, n);
    }

    /** Runs only the kernels whose description contains this. */
    private static String only = "";

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    private static <P extends OperatorParams> void time(String what, P p, OpKernel<P> reference, int outputBytes,
                                                        long millis, Random r, int... inputBytes) {
        byte[][] inputs = new byte[inputBytes.length][];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = bytes(r, inputBytes[i]);
        }
        time(what, p, reference, outputBytes, millis, r, inputs);
    }

    private static <P extends OperatorParams> void time(String what, P p, OpKernel<P> reference, int outputBytes,
                                                        long millis, Random r, byte[]... inputs) {
        if (!what.contains(only)) {
            return;
        }
        double[] median = new double[2];
        long[] alloc = new long[2];
        String chosen = "";
        KernelBackend[] backends = {new ReferenceBackend(), new SimdBackend()};
        for (int b = 0; b < 2; b++) {
            BoundKernel<P> k = backends[b].bind(p, reference);
            chosen = k.describe();
            k.kernel().prepare(p);
            int size = outputBytes;
            for (byte[] in : inputs) {
                size += in.length;
            }
            byte[] arena = new byte[size];
            Slot[] ins = new Slot[inputs.length];
            int at = 0;
            for (int i = 0; i < inputs.length; i++) {
                System.arraycopy(inputs[i], 0, arena, at, inputs[i].length);
                ins[i] = Slot.arena(at);
                at += inputs[i].length;
            }
            Slot[] outs = {Slot.arena(at)};
            byte[] scratch = new byte[k.kernel().scratchBytes(p)];
            long end = System.nanoTime() + millis * 2_000_000L; // warm-up: C2 takes seconds on a loaded machine
            while (System.nanoTime() < end) {
                k.kernel().run(p, ins, outs, arena, scratch);
            }
            long[] t = new long[4096];
            int count = 0;
            com.sun.management.ThreadMXBean tb = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long a0 = tb.getThreadAllocatedBytes(Thread.currentThread().getId());
            end = System.nanoTime() + millis * 1_000_000L;
            while (count < t.length && System.nanoTime() < end) {
                long t0 = System.nanoTime();
                k.kernel().run(p, ins, outs, arena, scratch);
                t[count++] = System.nanoTime() - t0;
            }
            alloc[b] = (tb.getThreadAllocatedBytes(Thread.currentThread().getId()) - a0) / count;
            Arrays.sort(t, 0, count);
            median[b] = t[count / 2] / 1e3;
        }
        System.out.printf("%-38s ref %9.1f us  %-22s %9.1f us  %5.1fx  alloc/run %d B%n", what, median[0], chosen,
                median[1], median[0] / median[1], alloc[1]);
    }
}
