/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.KernelTable;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.add.AddQuantizedParams;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.conv2d.Conv2DQuantizedParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.dequantize.DequantizeParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedQuantizedParams;
import dev.ember4j.ops.mul.MulKernel;
import dev.ember4j.ops.mul.MulParams;
import dev.ember4j.ops.pool.PoolKernels;
import dev.ember4j.ops.quantize.QuantizeParams;
import dev.ember4j.ops.softmax.SoftmaxParams;
import dev.ember4j.ops.common.Elem;
import dev.ember4j.ops.common.LutParams;
import dev.ember4j.ops.pool.PoolParams;

import java.util.List;

/**
 * Vector API kernels, bit-exact with the reference kernels, registered in a {@link KernelTable}: every
 * other operator (and every operator these kernels decline) runs its reference kernel.
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
 * <p>16x8 (int16 activations, int8 weights) CONV_2D and FULLY_CONNECTED sum in int lanes instead
 * ({@link Int16Gemm}: an int16 product reaches 2^22, past float's exact range after a few terms), widened
 * to 64 bits per chunk, requantized by the reference's scalar function; int16 ADD runs its contiguous rows in
 * 64-bit (general) or int (power-of-two) lanes ({@link Int16Add}); QUANTIZE float32 to int8 in float
 * lanes ({@link QuantizeInt8}); DEQUANTIZE int8 to float32 in double lanes ({@link DequantizeInt8}).
 *
 * <p>Each operator's kernel is made once, when a model is bound: weights packed (within a
 * {@link PreparedBudget}; past it the reference kernel runs), the calling thread's working arrays
 * ({@link Work}) sized; runs then allocate nothing once C2 has compiled them. One instance may serve
 * many threads.
 *
 * <p>The constructor works wherever {@code jdk.incubator.vector} is present; use
 * {@link SimdBackends#bestAvailable()} to get it only where it is also fast.
 */
public class SimdBackend implements KernelBackend {
    private final AddTables addTables = new AddTables();
    private final PreparedBudget budget;
    private final KernelTable table;

    public SimdBackend() {
        this(PreparedBudget.defaultLimit());
    }

    /** A backend whose kernels keep at most {@code preparedBytesLimit} bytes of packed weights and constants. */
    SimdBackend(long preparedBytesLimit) {
        this.budget = new PreparedBudget(preparedBytesLimit);
        this.table = KernelTable.builder(name())
                .add(Conv2DParams.class, "PixelConv", 20, PixelConv::suits, this::pixelConv)
                .add(Conv2DParams.class, "FloatGemm", 10, this::gemmConv)
                .add(DepthwiseConv2DParams.class, "FloatDepthwise", 10, this::depthwise)
                .add(FullyConnectedParams.class, "FloatGemm", 10, this::fullyConnected)
                .add(AddParams.class, "AddTable", 10, this::add)
                .add(MulParams.class, "MulVector", 20, MulVector::suits, this::mulVector)
                .add(MulParams.class, "PairLut", 10, p -> p.elem() == Elem.INT8 && p.macs() >= PairLut.MIN_SIZE, this::mul)
                .add(SoftmaxParams.class, "SoftmaxTable", 10, this::softmax)
                .add(LutParams.class, "ByteLut", 10, p -> ByteLut.available(), p -> ByteLut.KERNEL)
                .add(Conv2DQuantizedParams.class, "Int16Gemm", 10, Int16Conv::suits, this::int16Conv)
                .add(FullyConnectedQuantizedParams.class, "Int16Gemm", 10, Int16FullyConnected::suits,
                        this::int16FullyConnected)
                .add(AddQuantizedParams.class, "Int16Add", 10, Int16Add::suits, this::int16Add)
                .add(QuantizeParams.class, "QuantizeInt8", 10, QuantizeInt8::suits, p -> QuantizeInt8.KERNEL)
                .add(DequantizeParams.class, "DequantizeInt8", 10, DequantizeInt8::suits, this::dequantize)
                .replace(PoolKernels.MAX, PoolParams.class, "MaxPool", 10, p -> true, p -> SimdKernels.MAX_POOL)
                .replace(PoolKernels.AVERAGE, PoolParams.class, "AveragePool", 10, p -> true, p -> SimdKernels.AVERAGE_POOL)
                .build();
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

    @Override
    public <P extends OperatorParams> BoundKernel<P> bind(P params, OpKernel<P> reference) {
        return table.bind(params, reference);
    }

    @Override
    public List<KernelTable.Entry<?>> kernels() {
        return table.entries();
    }

    private OpKernel<Conv2DParams> pixelConv(Conv2DParams p) {
        return budget.take(PixelConv.bytes(p)) ? SimdKernels.pixelConv(PixelConv.forShape(p)) : null;
    }

    private OpKernel<Conv2DParams> gemmConv(Conv2DParams p) {
        int k = p.filterHeight() * p.filterWidth() * p.inputDepth();
        return budget.take(FloatGemm.bytes(p.outputDepth(), k)) ? SimdKernels.gemmConv(GemmKernels.packConv(p)) : null;
    }

    private OpKernel<DepthwiseConv2DParams> depthwise(DepthwiseConv2DParams p) {
        if (!budget.take(FloatDepthwise.bytes(p))) {
            return null;
        }
        FloatDepthwise d = new FloatDepthwise(p);
        return d.exact ? SimdKernels.depthwise(d) : null; // sums that could leave float's exact range: reference
    }

    private OpKernel<FullyConnectedParams> fullyConnected(FullyConnectedParams p) {
        long dot = (long) p.outputDepth() * Lanes.roundUp(p.inputDepth(), Lanes.N) * 4;
        if (!budget.take(FloatGemm.bytes(p.outputDepth(), p.inputDepth()) + dot)) {
            return null;
        }
        FloatGemm g = GemmKernels.packFc(p);
        return SimdKernels.fullyConnected(g, new GemmKernels.FcDot(p, g));
    }

    /** What a MUL's table depends on. */
    private record MulKey(int elem, int input1Offset, int input2Offset, int outputOffset, int multiplier, int shift,
                          int activationMin, int activationMax) {}

    private OpKernel<MulParams> mul(MulParams p) {
        if (!budget.take(PairLut.bytes())) {
            return null;
        }
        MulParams grid = new MulParams(PairLut.GRID_SHAPE, PairLut.GRID_STRIDES, PairLut.GRID_STRIDES, p.elem(),
                p.input1Offset(), p.input2Offset(), p.outputOffset(), p.multiplier(), p.shift(), p.activationMin(),
                p.activationMax());
        byte[] t = addTables.get(new MulKey(p.elem(), p.input1Offset(), p.input2Offset(), p.outputOffset(),
                p.multiplier(), p.shift(), p.activationMin(), p.activationMax()), () -> PairLut.table(MulKernel.KERNEL, grid));
        return t == null ? null : new PairLut<>(t, p.outputShape(), p.strides1(), p.strides2());
    }

    private OpKernel<MulParams> mulVector(MulParams p) {
        return budget.take(MulVector.bytes()) ? new MulVector(p) : null;
    }

    private OpKernel<SoftmaxParams> softmax(SoftmaxParams p) {
        return budget.take(SoftmaxTable.bytes()) ? new SoftmaxTable(p) : null;
    }

    private OpKernel<Conv2DQuantizedParams> int16Conv(Conv2DQuantizedParams p) {
        return budget.take(Int16Conv.bytes(p)) ? new Int16Conv(p) : null;
    }

    private OpKernel<FullyConnectedQuantizedParams> int16FullyConnected(FullyConnectedQuantizedParams p) {
        return budget.take(Int16FullyConnected.bytes(p)) ? new Int16FullyConnected(p) : null;
    }

    private OpKernel<AddQuantizedParams> int16Add(AddQuantizedParams p) {
        return budget.take(Int16Add.bytes()) ? new Int16Add(p) : null;
    }

    private OpKernel<DequantizeParams> dequantize(DequantizeParams p) {
        return budget.take(DequantizeInt8.bytes()) ? new DequantizeInt8(p) : null;
    }

    private OpKernel<AddParams> add(AddParams p) {
        return budget.take(AddKernel.bytes()) ? SimdKernels.add(new AddKernel(p, addTables)) : null;
    }
}
