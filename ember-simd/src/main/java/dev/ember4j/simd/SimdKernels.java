/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.common.ImageRows;
import dev.ember4j.ops.common.RowKernel;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.ops.pool.PoolParams;

import java.util.Objects;

/**
 * The classic int8 operators' Vector API kernels as {@link OpKernel}s, one object per operator holding
 * its packed weights: they check the operator's slots against its shapes, then call the vector code.
 * Those that split by rows implement {@link RowSplit} with the same arithmetic as whole runs.
 */
final class SimdKernels {
    private SimdKernels() {}

    /** Convolution rows through a kernel with a row range. */
    private interface ConvRows {
        void run(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset, int from, int to);
    }

    /** CONV_2D as output pixels in the lanes (narrow first layers). */
    static OpKernel<Conv2DParams> pixelConv(PixelConv pc) {
        return new Conv(pc::run, p -> pc.reserve(p));
    }

    /** CONV_2D as an im2col GEMM over packed float weights. */
    static OpKernel<Conv2DParams> gemmConv(FloatGemm g) {
        return new Conv((p, in, io, out, oo, from, to) -> GemmKernels.conv2d(p, g, in, io, out, oo, from, to),
                p -> GemmKernels.reserve(p, g));
    }

    private static final class Conv extends RowKernel<Conv2DParams> {
        private final ConvRows rows;
        private final java.util.function.Consumer<Conv2DParams> reserve;

        Conv(ConvRows rows, java.util.function.Consumer<Conv2DParams> reserve) {
            this.rows = rows;
            this.reserve = reserve;
        }

        @Override
        public void prepare(Conv2DParams p) {
            reserve.accept(p);
        }

        @Override
        public int scratchBytes(Conv2DParams p) {
            return 0; // working arrays are per thread (Work), not scratch
        }

        @Override
        protected void compute(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                               int from, int to) {
            rows.run(p, input, inputOffset, output, outputOffset, from, to);
        }
    }

    /** DEPTHWISE_CONV_2D, one flat vector loop per output row (only where its float sums are exact). */
    static OpKernel<DepthwiseConv2DParams> depthwise(FloatDepthwise d) {
        return new Depthwise(d);
    }

    private static final class Depthwise extends RowKernel<DepthwiseConv2DParams> {
        private final FloatDepthwise d;

        Depthwise(FloatDepthwise d) {
            this.d = d;
        }

        @Override
        public void prepare(DepthwiseConv2DParams p) {
            d.reserve();
        }

        @Override
        public int scratchBytes(DepthwiseConv2DParams p) {
            return 0;
        }

        @Override
        protected void compute(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output,
                               int outputOffset, int from, int to) {
            d.run(p, input, inputOffset, output, outputOffset, from, to);
        }
    }

    /** FULLY_CONNECTED over packed float weights (GEMM for batches, dot products for one row). */
    static OpKernel<FullyConnectedParams> fullyConnected(FloatGemm g, GemmKernels.FcDot dot) {
        return new FullyConnected(g, dot);
    }

    private static final class FullyConnected extends RowKernel<FullyConnectedParams> {
        private final FloatGemm g;
        private final GemmKernels.FcDot dot;

        FullyConnected(FloatGemm g, GemmKernels.FcDot dot) {
            this.g = g;
            this.dot = dot;
        }

        @Override
        public void prepare(FullyConnectedParams p) {
            GemmKernels.reserve(g);
        }

        @Override
        public int scratchBytes(FullyConnectedParams p) {
            return 0;
        }

        /** Output channels of a one-batch operator. */
        @Override
        public int rows(FullyConnectedParams p) {
            return p.batches() == 1 ? p.outputDepth() : 0;
        }

        @Override
        protected void compute(FullyConnectedParams p, byte[] input, int inputOffset, byte[] output,
                               int outputOffset, int from, int to) {
            if (from == 0 && to == p.outputDepth()) {
                GemmKernels.fullyConnected(p, g, dot, input, inputOffset, output, outputOffset);
            } else {
                GemmKernels.fullyConnectedChannels(p, g, dot, input, inputOffset, output, outputOffset, from, to);
            }
        }
    }

    /** ADD through a 64 KiB table of the operator's rescaled sums. */
    static OpKernel<AddParams> add(AddKernel k) {
        return new Add(k);
    }

    private static final class Add implements OpKernel<AddParams>, RowSplit<AddParams> {
        private final AddKernel k;

        Add(AddKernel k) {
            this.k = k;
        }

        @Override
        public void prepare(AddParams p) {
            AddKernel.reserve();
        }

        @Override
        public int scratchBytes(AddParams p) {
            return 0;
        }

        @Override
        public void run(AddParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
            byte[] input1 = in[0].array(arena);
            byte[] input2 = in[1].array(arena);
            byte[] output = out[0].array(arena);
            Objects.checkFromIndexSize(in[0].start(), p.input1Size(), input1.length);
            Objects.checkFromIndexSize(in[1].start(), p.input2Size(), input2.length);
            Objects.checkFromIndexSize(out[0].start(), p.size(), output.length);
            k.run(p, input1, in[0].start(), input2, in[1].start(), output, out[0].start());
        }

        /** Elements of an element-wise operator. */
        @Override
        public int rows(AddParams p) {
            return p.elementwise() ? p.size() : 0;
        }

        @Override
        public void runRows(AddParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch, int from, int to) {
            byte[] input1 = in[0].array(arena);
            byte[] input2 = in[1].array(arena);
            byte[] output = out[0].array(arena);
            ImageRows.check(input1, in[0].start(), p.size(), output, out[0].start(), p.size(), from, to, rows(p));
            Objects.checkFromIndexSize(in[1].start(), p.size(), input2.length);
            k.runElements(p, input1, in[0].start(), input2, in[1].start(), output, out[0].start(), from, to);
        }
    }

    /** MAX_POOL_2D and AVERAGE_POOL_2D: no packed state, one kernel object each. */
    static final OpKernel<PoolParams> MAX_POOL = new Pool(true);
    static final OpKernel<PoolParams> AVERAGE_POOL = new Pool(false);

    private static final class Pool implements OpKernel<PoolParams> {
        private final boolean max;

        Pool(boolean max) {
            this.max = max;
        }

        @Override
        public void prepare(PoolParams p) {
            Pools.reserve(p);
        }

        @Override
        public void run(PoolParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
            byte[] input = in[0].array(arena);
            byte[] output = out[0].array(arena);
            ImageRows.check(input, in[0].start(), p.inputSize(), output, out[0].start(), p.outputSize(), 0, 0, 0);
            if (max) {
                Pools.maxPool2d(p, input, in[0].start(), output, out[0].start());
            } else {
                Pools.averagePool2d(p, input, in[0].start(), output, out[0].start());
            }
        }
    }
}
