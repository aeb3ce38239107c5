/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import static dev.ember4j.simd.DifferentialTest.activation;
import static dev.ember4j.simd.DifferentialTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.quant.QuantizedMultiplier;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.mul.MulKernel;
import dev.ember4j.ops.mul.MulParams;
import dev.ember4j.ops.softmax.SoftmaxKernel;
import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.LutKernel;
import dev.ember4j.ops.common.LutParams;
import org.junit.jupiter.api.Test;

import java.util.Random;

/**
 * The simd backend's kernels for registry operators (MUL, SOFTMAX) against their reference kernels on
 * randomized shapes and quantizations, whole and by rows, and that the backend really chose them.
 */
class RegistryKernelsTest {
    private static final long SEED = Long.getLong("ember.seed", 0x4E6L);

    private static final KernelBackend ref = new ReferenceBackend();
    private static final KernelBackend simd = new SimdBackend();

    /**
     * The operator on both backends, inputs and output in one arena: the bytes must be equal (whole, and
     * by rows where simd's kernel splits); returns simd's choice.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <P extends OperatorParams> BoundKernel<P> same(P p, OpKernel<P> reference, int outputSize, Random r,
                                                           String what, byte[]... inputs) {
        int size = outputSize;
        for (byte[] in : inputs) {
            size += in.length;
        }
        Slot[] ins = new Slot[inputs.length];
        byte[] expected = new byte[size];
        int at = 0;
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, expected, at, inputs[i].length);
            ins[i] = r.nextBoolean() ? Slot.arena(at) : Slot.constant(inputs[i]);
            at += inputs[i].length;
        }
        byte[] actual = expected.clone();
        Slot[] outs = {Slot.arena(at)};
        BoundKernel<P> chosen = simd.bind(p, reference);
        OpKernel<P> r0 = ref.bind(p, reference).kernel();
        r0.run(p, ins, outs, expected, new byte[r0.scratchBytes(p)]);
        chosen.kernel().prepare(p);
        chosen.kernel().run(p, ins, outs, actual, new byte[chosen.kernel().scratchBytes(p)]);
        assertArrayEquals(expected, actual, what + ": " + chosen.describe());
        if (chosen.kernel() instanceof RowSplit split && split.rows(p) > 1) {
            byte[] parts = new byte[size];
            System.arraycopy(expected, 0, parts, 0, at);
            int rows = split.rows(p);
            int cut = 1 + r.nextInt(rows - 1);
            split.runRows(p, ins, outs, parts, new byte[0], cut, rows);
            split.runRows(p, ins, outs, parts, new byte[0], 0, cut);
            assertArrayEquals(expected, parts, what + " by rows at " + cut + ": " + chosen.describe());
        }
        return chosen;
    }

    /** A random rank-6 broadcast of two shapes: {output shape, strides 1, strides 2}. */
    static int[][] broadcast(Random r) {
        int[] a = new int[6];
        int[] b = new int[6];
        int[] out = new int[6];
        for (int d = 0; d < 6; d++) {
            int n = d < 2 ? 1 : 1 + r.nextInt(d == 5 ? 40 : 9);
            a[d] = r.nextInt(4) == 0 ? 1 : n;
            b[d] = r.nextInt(4) == 0 ? 1 : n;
            out[d] = Math.max(a[d], b[d]);
        }
        return new int[][] {out, strides(a, out), strides(b, out), a, b};
    }

    private static int[] strides(int[] shape, int[] out) {
        int[] dense = AddParams.denseStrides(shape);
        int[] s = new int[6];
        for (int d = 0; d < 6; d++) {
            s[d] = shape[d] == 1 && out[d] != 1 ? 0 : dense[d];
        }
        return s;
    }

    static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    @Test
    void mulInt8() {
        Random r = new Random(SEED);
        int tabulated = 0;
        int vector = 0;
        for (int i = 0; i < 160; i++) {
            int[][] g = broadcast(r);
            while (i % 4 == 1 && count(g[0]) < PairLut.MIN_SIZE) { // broadcasting, large enough for the table
                g = broadcast(r);
            }
            if (i % 3 == 0) { // element-wise
                int n = PairLut.MIN_SIZE + r.nextInt(3 * PairLut.MIN_SIZE);
                g = new int[][] {{1, 1, 1, 1, 1, n}, {0, 0, 0, 0, 0, 1}, {0, 0, 0, 0, 0, 1}, {1, 1, 1, 1, 1, n},
                        {1, 1, 1, 1, 1, n}};
            }
            int outZp = r.nextInt(256) - 128;
            QuantizedMultiplier m = QuantizedMultiplier.of(Math.exp(r.nextDouble() * 12 - 10)); // 4.5e-5 .. 7.4
            int[] act = activation(r, outZp);
            MulParams p = new MulParams(g[0], g[1], g[2], Elem.INT8, r.nextInt(256) - 127, r.nextInt(256) - 127,
                    outZp, m.multiplier(), m.shift(), act[0], act[1]);
            BoundKernel<MulParams> chosen = same(p, MulKernel.KERNEL, count(g[0]), r, "seed " + SEED + " mul case " + i,
                    bytes(r, count(g[3])), bytes(r, count(g[4])));
            String expected = MulVector.suits(p) ? "simd/MulVector"
                    : count(g[0]) >= PairLut.MIN_SIZE ? "simd/PairLut" : "ref/reference";
            assertEquals(expected, chosen.describe(), "case " + i);
            tabulated += expected.equals("simd/PairLut") ? 1 : 0;
            vector += expected.equals("simd/MulVector") ? 1 : 0;
        }
        assertTrue(tabulated >= 10 && vector >= 40, "tabulated " + tabulated + ", vector " + vector);
    }

    @Test
    void mulInt16StaysOnTheReferenceKernel() {
        int[] shape = {1, 1, 1, 1, 1, 5000};
        int[] dense = {0, 0, 0, 0, 0, 1};
        MulParams p = new MulParams(shape, dense, dense, Elem.INT16, 0, 0, 0, 1 << 30, -3, -32768, 32767);
        assertTrue(simd.bind(p, MulKernel.KERNEL).isReference());
    }

    @Test
    void softmaxInt8() {
        Random r = new Random(SEED + 1);
        for (int i = 0; i < 200; i++) {
            int outer = 1 + r.nextInt(40);
            int depth = 1 + r.nextInt(i % 4 == 0 ? 1200 : 40);
            double beta = r.nextInt(5) == 0 ? 1.0 : Math.exp(r.nextDouble() * 4 - 1);
            double scale = Math.exp(r.nextDouble() * 6 - 6);
            double real = Math.min(beta * scale * (1 << 26), (double) Integer.MAX_VALUE);
            if (!(real > 1.0)) {
                continue;
            }
            QuantizedMultiplier qm = QuantizedMultiplier.greaterThanOne(real);
            if (qm.shift() < 0 || qm.shift() > 31) {
                continue;
            }
            double radius = 31.0 * (1L << 26) / (double) (1L << qm.shift());
            SoftmaxParams p = new SoftmaxParams(outer, depth, qm.multiplier(), qm.shift(), -(int) Math.floor(radius));
            byte[] in = bytes(r, p.size());
            if (r.nextInt(4) == 0) { // rows of equal values and extremes: sums at the edges
                byte v = (byte) (r.nextInt(256) - 128);
                java.util.Arrays.fill(in, v);
                in[r.nextInt(in.length)] = 127;
            }
            BoundKernel<SoftmaxParams> chosen = same(p, SoftmaxKernel.KERNEL, p.size(), r,
                    "seed " + (SEED + 1) + " softmax case " + i + " " + p, in);
            assertEquals("simd/SoftmaxTable", chosen.describe());
        }
    }

    @Test
    void byteTablesOfUnaryOperators() {
        Random r = new Random(SEED + 2);
        for (int i = 0; i < 200; i++) {
            int count = i < 70 ? i : 1 + r.nextInt(i % 5 == 0 ? 20_000 : 700);
            LutParams p = new LutParams(count, bytes(r, 256));
            byte[] in = bytes(r, count);
            if (i % 7 == 0) { // every byte value, in order
                for (int k = 0; k < count; k++) {
                    in[k] = (byte) k;
                }
            }
            BoundKernel<LutParams> chosen = same(p, LutKernel.KERNEL, count, r,
                    "seed " + (SEED + 2) + " table case " + i + " count " + count, in);
            assertEquals(ByteLut.available() ? "simd/ByteLut" : "ref/reference", chosen.describe());
        }
    }

    /** Binding a model chooses each operator's kernel once; the Interpreter reports the choices and runs them. */
    @Test
    void theInterpreterRunsTheKernelsTheBackendChose() {
        byte[] model = Shared.model("person_detect.tflite");
        try (dev.ember4j.runtime.Interpreter in = dev.ember4j.runtime.Interpreter.builder(model).backend(simd).build();
             dev.ember4j.runtime.Interpreter oracle = dev.ember4j.runtime.Interpreter.builder(model).backend(ref).build()) {
            java.util.Map<String, Integer> kernels = new java.util.TreeMap<>();
            for (int k = 0; k < in.prepared().ops().size(); k++) {
                BoundKernel<?> b = in.kernel(k);
                String op = in.prepared().ops().get(k).name();
                if (b == null) {
                    assertTrue(in.prepared().ops().get(k).isAlias(), op);
                    continue;
                }
                kernels.merge(op + " " + b.describe(), 1, Integer::sum);
                assertEquals("simd", b.backend(), "every operator of person_detect has a simd kernel: " + op);
                assertTrue(oracle.kernel(k).isReference());
            }
            assertTrue(kernels.containsKey("SOFTMAX simd/SoftmaxTable"), kernels.toString());
            assertTrue(kernels.containsKey("DEPTHWISE_CONV_2D simd/FloatDepthwise"), kernels.toString());
            byte[] input = Shared.sample("person.input.bin");
            byte[] want = new byte[2];
            byte[] got = new byte[2];
            oracle.run(input, want);
            in.run(input, got);
            assertArrayEquals(want, got);
        }
    }
}
