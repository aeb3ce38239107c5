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
import java.util.function.Function;

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
    private final PreparedBudget budget;
    /** Cached for operators past the {@link PreparedBudget}: they run the reference kernels. */
    private static final Object REFERENCE = new Object();

    public SimdBackend() {
        this(PreparedBudget.defaultLimit());
    }

    /** A backend whose kernels keep at most {@code preparedBytesLimit} bytes of packed weights and constants. */
    SimdBackend(long preparedBytesLimit) {
        this.budget = new PreparedBudget(preparedBytesLimit);
        this.makeConv = this::newConv;
        this.makeFc = this::newFc;
        this.makeDepthwise = this::newDepthwise;
        this.makeAdd = this::newAdd;
    }

    /** Bytes of packed weights and constants taken so far (within the budget). */
    long preparedBytes() {
        return budget.used();
    }

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
     * allocate nothing; operators the float kernels cannot run exactly, or past the
     * {@link PreparedBudget}, prepare the reference kernel instead.
     */
    @Override
    public void prepare(OperatorParams params) {
        if (params instanceof Conv2DParams p) {
            Object k = conv(p);
            if (k instanceof PixelConv pc) {
                pc.reserve(p);
            } else if (k instanceof FloatGemm g) {
                GemmKernels.reserve(p, g);
            } else {
                super.prepare(p);
            }
        } else if (params instanceof FullyConnectedParams p) {
            if (fc(p) instanceof Fc f) {
                GemmKernels.reserve(f.gemm());
            } else {
                super.prepare(p);
            }
        } else if (params instanceof DepthwiseConv2DParams p) {
            if (depthwise(p) instanceof FloatDepthwise d && d.exact) {
                d.reserve();
            } else {
                super.prepare(p);
            }
        } else if (params instanceof AddParams p) {
            if (addKernel(p) instanceof AddKernel) {
                AddKernel.reserve();
            } else {
                super.prepare(p);
            }
        } else if (params instanceof PoolParams p) {
            Pools.reserve(p);
        }
    }

    /** CONV_2D output rows through the same kernel as whole runs. */
    @Override
    protected void conv2dRows(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              int rowFrom, int rowTo) {
        Object k = conv(p);
        if (k instanceof PixelConv pc) {
            pc.run(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else if (k instanceof FloatGemm g) {
            GemmKernels.conv2d(p, g, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else {
            super.conv2dRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        }
    }

    /** Output channels of a one-batch FULLY_CONNECTED through the same dot products as whole runs. */
    @Override
    protected void fullyConnectedRows(FullyConnectedParams p, byte[] input, int inputOffset, byte[] output,
                                      int outputOffset, int from, int to) {
        if (fc(p) instanceof Fc fc) {
            GemmKernels.fullyConnectedChannels(p, fc.gemm(), fc.dot(), input, inputOffset, output, outputOffset,
                    from, to);
        } else {
            super.fullyConnectedRows(p, input, inputOffset, output, outputOffset, from, to);
        }
    }

    /** Elements of an element-wise ADD through the same kernel as whole runs. */
    @Override
    protected void addRows(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                           byte[] output, int outputOffset, int from, int to) {
        if (addKernel(p) instanceof AddKernel k) {
            k.runElements(p, input1, input1Offset, input2, input2Offset, output, outputOffset, from, to);
        } else {
            super.addRows(p, input1, input1Offset, input2, input2Offset, output, outputOffset, from, to);
        }
    }

    /** DEPTHWISE_CONV_2D output rows: the float kernel where it is exact, else the reference kernel. */
    @Override
    protected void depthwiseConv2dRows(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output,
                                       int outputOffset, int rowFrom, int rowTo) {
        if (depthwise(p) instanceof FloatDepthwise d && d.exact) {
            d.run(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else {
            super.depthwiseConv2dRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        }
    }

    /**
     * The CONV_2D kernel chosen for the shape at prepare: a {@link PixelConv}, a {@link FloatGemm}, or
     * {@link #REFERENCE} past the budget.
     */
    private Object conv(Conv2DParams p) {
        return cache.computeIfAbsent(p, makeConv);
    }

    /** An {@link Fc} or {@link #REFERENCE}. */
    private Object fc(FullyConnectedParams p) {
        return cache.computeIfAbsent(p, makeFc);
    }

    /** A {@link FloatDepthwise} or {@link #REFERENCE}. */
    private Object depthwise(DepthwiseConv2DParams p) {
        return cache.computeIfAbsent(p, makeDepthwise);
    }

    /** An {@link AddKernel} or {@link #REFERENCE}. */
    private Object addKernel(AddParams p) {
        return cache.computeIfAbsent(p, makeAdd);
    }

    // Made once (in the constructor), so that a cache hit allocates no capturing lambda.
    private final Function<Object, Object> makeConv;
    private final Function<Object, Object> makeFc;
    private final Function<Object, Object> makeDepthwise;
    private final Function<Object, Object> makeAdd;

    private Object newConv(Object o) {
        Conv2DParams q = (Conv2DParams) o;
        if (PixelConv.suits(q) && budget.take(PixelConv.bytes(q))) {
            return PixelConv.forShape(q);
        }
        int k = q.filterHeight() * q.filterWidth() * q.inputDepth();
        return budget.take(FloatGemm.bytes(q.outputDepth(), k)) ? GemmKernels.packConv(q) : REFERENCE;
    }

    private Object newFc(Object o) {
        FullyConnectedParams q = (FullyConnectedParams) o;
        long dot = (long) q.outputDepth() * Lanes.roundUp(q.inputDepth(), Lanes.N) * 4;
        if (!budget.take(FloatGemm.bytes(q.outputDepth(), q.inputDepth()) + dot)) {
            return REFERENCE;
        }
        FloatGemm g = GemmKernels.packFc(q);
        return new Fc(g, new GemmKernels.FcDot(q, g));
    }

    private Object newDepthwise(Object o) {
        DepthwiseConv2DParams q = (DepthwiseConv2DParams) o;
        return budget.take(FloatDepthwise.bytes(q)) ? new FloatDepthwise(q) : REFERENCE;
    }

    private Object newAdd(Object o) {
        return budget.take(AddKernel.bytes()) ? new AddKernel((AddParams) o, addTables) : REFERENCE;
    }

    /** Packed weights of one FULLY_CONNECTED operator in both layouts. */
    private record Fc(FloatGemm gemm, GemmKernels.FcDot dot) {}

    @Override
    public void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        if (fc(p) instanceof Fc fc) {
            GemmKernels.fullyConnected(p, fc.gemm(), fc.dot(), input, inputOffset, output, outputOffset);
        } else {
            super.fullyConnected(p, input, inputOffset, output, outputOffset, scratch);
        }
    }

    @Override
    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        if (depthwise(p) instanceof FloatDepthwise d && d.exact) {
            d.run(p, input, inputOffset, output, outputOffset);
        } else {
            super.depthwiseConv2d(p, input, inputOffset, output, outputOffset, scratch);
        }
    }

    @Override
    public void add(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                    byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(outputOffset, p.size(), output.length);
        if (addKernel(p) instanceof AddKernel k) {
            k.run(p, input1, input1Offset, input2, input2Offset, output, outputOffset);
        } else {
            super.add(p, input1, input1Offset, input2, input2Offset, output, outputOffset, scratch);
        }
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
