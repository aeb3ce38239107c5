/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ref;

import dev.ember4j.core.IdentityCache;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.ops.SoftmaxParams;

import java.util.Objects;

/**
 * The reference backend: plain scalar Java reproducing TensorFlow Lite's reference integer kernels
 * bit for bit. It is the oracle other backends are compared with; subclasses may override single
 * operators and inherit the rest. Needs no scratch memory. CONV_2D and DEPTHWISE_CONV_2D widen their
 * weights once per operator (cached by the identity of its parameter record) and use per-thread
 * working arrays, both made in {@link #prepare}, so runs allocate nothing. One instance may serve many
 * threads.
 */
public class ReferenceBackend implements KernelBackend {
    private final IdentityCache<Conv2DParams, ConvKernel.Prepared> convWeights = new IdentityCache<>();
    private final IdentityCache<DepthwiseConv2DParams, DepthwiseConvKernel.Prepared> depthwiseWeights =
            new IdentityCache<>();

    public ReferenceBackend() {}

    @Override
    public String name() {
        return "ref";
    }

    /** Widens CONV_2D and DEPTHWISE_CONV_2D weights and sizes the calling thread's working arrays. */
    @Override
    public void prepare(OperatorParams params) {
        if (params instanceof Conv2DParams p) {
            ConvKernel.reserve(p, convWeights.computeIfAbsent(p, ConvKernel::prepare));
        } else if (params instanceof DepthwiseConv2DParams p) {
            DepthwiseConvKernel.reserve(p, depthwiseWeights.computeIfAbsent(p, DepthwiseConvKernel::prepare));
        }
    }

    /** CONV_2D and DEPTHWISE_CONV_2D split by output rows. */
    @Override
    public int splittableRows(OperatorParams params) {
        if (params instanceof Conv2DParams p) {
            return p.batches() * p.outputHeight();
        }
        if (params instanceof DepthwiseConv2DParams p) {
            return p.batches() * p.outputHeight();
        }
        if (params instanceof AddParams p && p.elementwise()) {
            return p.size();
        }
        if (params instanceof FullyConnectedParams p && p.batches() == 1) {
            return p.outputDepth(); // output channels
        }
        return 0;
    }

    @Override
    public void runRows(OperatorParams params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch,
                        int rowFrom, int rowTo) {
        byte[] input = in[0].array(arena);
        byte[] output = out[0].array(arena);
        int inputOffset = in[0].start();
        int outputOffset = out[0].start();
        if (params instanceof Conv2DParams p) {
            checkRows(p.inputSize(), p.outputSize(), p.batches() * p.outputHeight(), input, inputOffset, output,
                    outputOffset, rowFrom, rowTo);
            conv2dRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else if (params instanceof DepthwiseConv2DParams p) {
            checkRows(p.inputSize(), p.outputSize(), p.batches() * p.outputHeight(), input, inputOffset, output,
                    outputOffset, rowFrom, rowTo);
            depthwiseConv2dRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else if (params instanceof FullyConnectedParams p && p.batches() == 1) {
            checkRows(p.inputSize(), p.outputSize(), p.outputDepth(), input, inputOffset, output, outputOffset,
                    rowFrom, rowTo);
            fullyConnectedRows(p, input, inputOffset, output, outputOffset, rowFrom, rowTo);
        } else if (params instanceof AddParams p && p.elementwise()) {
            byte[] input2 = in[1].array(arena);
            int input2Offset = in[1].start();
            checkRows(p.size(), p.size(), p.size(), input, inputOffset, output, outputOffset, rowFrom, rowTo);
            Objects.checkFromIndexSize(input2Offset, p.size(), input2.length);
            addRows(p, input, inputOffset, input2, input2Offset, output, outputOffset, rowFrom, rowTo);
        } else {
            KernelBackend.super.runRows(params, in, out, arena, scratch, rowFrom, rowTo);
        }
    }

    /** Output channels [from, to) of a one-batch FULLY_CONNECTED (arguments checked); backends may override this. */
    protected void fullyConnectedRows(FullyConnectedParams p, byte[] input, int inputOffset, byte[] output,
                                      int outputOffset, int from, int to) {
        FullyConnectedKernel.fullyConnected(p, input, inputOffset, output, outputOffset, from, to);
    }

    /** Elements [from, to) of an element-wise ADD (arguments checked); backends that accelerate it override this. */
    protected void addRows(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                           byte[] output, int outputOffset, int from, int to) {
        AddKernel.addElements(p, input1, input1Offset, input2, input2Offset, output, outputOffset, from, to);
    }

    /** CONV_2D output rows [rowFrom, rowTo) (arguments checked); backends that accelerate it override this. */
    protected void conv2dRows(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              int rowFrom, int rowTo) {
        ConvKernel.conv2d(p, convWeights.computeIfAbsent(p, ConvKernel::prepare), input, inputOffset,
                output, outputOffset, rowFrom, rowTo);
    }

    /** DEPTHWISE_CONV_2D output rows [rowFrom, rowTo) (arguments checked); backends may override this. */
    protected void depthwiseConv2dRows(DepthwiseConv2DParams p, byte[] input, int inputOffset, byte[] output,
                                       int outputOffset, int rowFrom, int rowTo) {
        DepthwiseConvKernel.depthwiseConv2d(p, depthwiseWeights.computeIfAbsent(p, DepthwiseConvKernel::prepare),
                input, inputOffset, output, outputOffset, rowFrom, rowTo);
    }

    /** The operator's tensors fit their arrays and [rowFrom, rowTo) lies within its rows. */
    private static void checkRows(int inputSize, int outputSize, int rows, byte[] input, int inputOffset,
                                    byte[] output, int outputOffset, int rowFrom, int rowTo) {
        Objects.checkFromIndexSize(inputOffset, inputSize, input.length);
        Objects.checkFromIndexSize(outputOffset, outputSize, output.length);
        Objects.checkFromToIndex(rowFrom, rowTo, rows);
    }

    @Override
    public void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                       byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        ConvKernel.conv2d(p, convWeights.computeIfAbsent(p, ConvKernel::prepare), input, inputOffset,
                output, outputOffset);
    }

    @Override
    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        DepthwiseConvKernel.depthwiseConv2d(p, depthwiseWeights.computeIfAbsent(p, DepthwiseConvKernel::prepare),
                input, inputOffset, output, outputOffset);
    }

    @Override
    public void fullyConnected(FullyConnectedParams p, byte[] input, int inputOffset,
                               byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        FullyConnectedKernel.fullyConnected(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void averagePool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                              byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        PoolKernels.averagePool2d(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void maxPool2d(PoolParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                          byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.inputSize(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.outputSize(), output.length);
        PoolKernels.maxPool2d(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void softmax(SoftmaxParams p, byte[] input, int inputOffset, byte[] output, int outputOffset,
                        byte[] scratch) {
        Objects.checkFromIndexSize(inputOffset, p.size(), input.length);
        Objects.checkFromIndexSize(outputOffset, p.size(), output.length);
        SoftmaxKernel.softmax(p, input, inputOffset, output, outputOffset);
    }

    @Override
    public void add(AddParams p, byte[] input1, int input1Offset, byte[] input2, int input2Offset,
                    byte[] output, int outputOffset, byte[] scratch) {
        Objects.checkFromIndexSize(input1Offset, p.input1Size(), input1.length);
        Objects.checkFromIndexSize(input2Offset, p.input2Size(), input2.length);
        Objects.checkFromIndexSize(outputOffset, p.size(), output.length);
        AddKernel.add(p, input1, input1Offset, input2, input2Offset, output, outputOffset);
    }
}
