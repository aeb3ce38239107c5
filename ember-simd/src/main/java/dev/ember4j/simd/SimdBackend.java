/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.IdentityCache;
import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.ref.ReferenceBackend;

import java.util.Objects;

/**
 * Vector API kernels for CONV_2D, DEPTHWISE_CONV_2D, FULLY_CONNECTED, AVERAGE_POOL_2D,
 * MAX_POOL_2D and ADD, bit-exact with {@link ReferenceBackend} (which supplies SOFTMAX and the rare
 * cases these kernels decline).
 *
 * <p>Design: int8 products are summed in float lanes with fused multiply-add. That is exact, not an
 * approximation: every product and partial sum is an integer below 2^24 in magnitude (the kernels
 * move float sums into int accumulators before more terms could break that bound, see
 * {@link Exactness}), and float FMA runs 16 multiply-adds per instruction on 512-bit vectors where
 * int8 has no such instruction in the Vector API. Requantization then reproduces TFLite's exact
 * fixed-point rounding ({@link Requant}): in double lanes where the accumulators are bounded at
 * prepare (no 64-bit integer multiply, which AVX2 lacks), else in int/long lanes. Convolutions are
 * an im2col GEMM over weights widened once into float panels ({@link FloatGemm}), windows copied from
 * a padded float image; narrow first layers (one to four input channels) put output pixels in the
 * lanes instead ({@link PixelConv}); depthwise convolution is one flat vector loop per output row
 * over a ring of converted input rows ({@link FloatDepthwise}); large ADDs are a 64 KiB table.
 *
 * <p>Weights are packed and the calling thread's working arrays ({@link Work}) sized in
 * {@link #prepare} (or on first use of an operator that was not prepared), cached by the identity of
 * the immutable parameter record; runs then allocate nothing once C2 has compiled them. One instance may serve many threads.
 *
 * <p>The constructor works wherever {@code jdk.incubator.vector} is present; use
 * {@link SimdBackends#bestAvailable()} to get it only where it is also fast.
 */
public class SimdBackend extends ReferenceBackend {
    private final IdentityCache<Object, Object> cache = new IdentityCache<>();
    private final AddTables addTables = new AddTables();

    public SimdBackend() {}

    @Override
    public String name() {
        return "simd";
    }

    @Override
    public String description() {
        return "simd (Vector API, " + Lanes.F.vectorBitSize() + "-bit, JDK " + Runtime.version().feature() + ")";
    }

    /** Nothing: the kernels' working arrays are per thread ({@link Work}), not in the scratch area. */
    @Override
    public int scratchBytes(OperatorParams params) {
        return 0;
    }

    @Override
    public void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                       byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        conv2dRows(p, input, inputOffset, output, outputOffset, 0, p.batches() * p.outputHeight());
    }

    /**
     * Packs the operator's weights and sizes the calling thread's working arrays, so that runs
     * allocate nothing; depthwise operators the float kernel cannot run exactly prepare the
     * reference kernel instead.
     */
    @Override
    public void prepare(OperatorParams params) {
        if (params instanceof Conv2DParams p) {
            if (conv(p) instanceof PixelConv pc) {
                pc.reserve(p);
            } else {
                GemmKernels.reserve(p, gemm(p));
            }
        } else if (params instanceof FullyConnectedParams p) {
            GemmKernels.reserve(fc(p).gemm());
        } else if (params instanceof DepthwiseConv2DParams p) {
            FloatDepthwise d = depthwise(p);
            if (d.exact) {
                d.reserve();
            } else {
                super.prepare(p);
            }
        } else if (params instanceof AddParams p) {
            addKernel(p);
            AddKernel.reserve();
        } else if (params instanceof PoolParams p) {
            Pools.reserve(p);
        }
    }

    /** CONV_2D output rows through the same kernel as whole runs. */
    @Override
    protected void conv2dRows(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              int rowFrom, int rowTo) {
        if (conv(p) instanceof PixelConv pc) {
            pc.run(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else {
            GemmKernels.conv2d(p, gemm(p), input, inputOffset, output, outputOffset, rowFrom, rowTo);
        }
    }

    /** DEPTHWISE_CONV_2D output rows: the float kernel where it is exact, else the reference kernel. */
    @Override
    protected void depthwiseConv2dRows(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output,
                                       int outputOffset, int rowFrom, int rowTo) {
        FloatDepthwise d = depthwise(p);
        if (d.exact) {
            d.run(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else {
            super.depthwiseConv2dRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        }
    }

    /** The CONV_2D kernel chosen for the shape at prepare: a {@link PixelConv} or a {@link FloatGemm}. */
    private Object conv(Conv2DParams p) {
        return cache.computeIfAbsent(p, o -> {
            Conv2DParams q = (Conv2DParams) o;
            PixelConv pixels = PixelConv.forShape(q);
            return pixels != null ? pixels : GemmKernels.packConv(q);
        });
    }

    private FloatGemm gemm(Conv2DParams p) {
        return (FloatGemm) conv(p);
    }

    private Fc fc(FullyConnectedParams p) {
        return (Fc) cache.computeIfAbsent(p, o -> {
            FullyConnectedParams q = (FullyConnectedParams) o;
            FloatGemm g = GemmKernels.packFc(q);
            return new Fc(g, new GemmKernels.FcDot(q, g));
        });
    }

    private FloatDepthwise depthwise(DepthwiseConv2DParams p) {
        return (FloatDepthwise) cache.computeIfAbsent(p, o -> new FloatDepthwise((DepthwiseConv2DParams) o));
    }

    private AddKernel addKernel(AddParams p) {
        return (AddKernel) cache.computeIfAbsent(p, o -> new AddKernel((AddParams) o, addTables));
    }

    /** Packed weights of one FULLY_CONNECTED operator in both layouts. */
    private record Fc(FloatGemm gemm, GemmKernels.FcDot dot) {}

    @Override
    public void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        Fc fc = fc(p);
        GemmKernels.fullyConnected(p, fc.gemm(), fc.dot(), input, inputOffset, output, outputOffset);
    }

    @Override
    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        FloatDepthwise d = depthwise(p);
        if (!d.exact) {
            super.depthwiseConv2d(p, input, inputOffset, output, outputOffset, scratch);
            return;
        }
        d.run(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void add(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                    byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(outputOffset, p.size(), output.length);
        addKernel(p).run(p, input1, input1Offset, input2, input2Offset, output, outputOffset);
    }

    @Override
    public void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                          byte[] scratch) {
        Pools.maxPool2d(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              byte[] scratch) {
        Pools.averagePool2d(p, input, inputOffset, output, outputOffset);
    }
}
