package dev.ember4j.ref;

import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * CONV_2D, int8 NHWC, per-channel requantization, as TFLite's reference_integer_ops::ConvPerChannel.
 * Taps that fall outside the input (padding) contribute nothing.
 */
final class ConvKernel {
    private ConvKernel() {}

    static void conv2d(Conv2DParams p, byte[] input, int inputOffset, byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int outputDepth = p.outputDepth();
        final int filterHeight = p.filterHeight();
        final int filterWidth = p.filterWidth();
        final int strideHeight = p.strideHeight();
        final int strideWidth = p.strideWidth();
        final int dilationHeight = p.dilationHeight();
        final int dilationWidth = p.dilationWidth();
        final int padTop = p.padTop();
        final int padLeft = p.padLeft();
        final int inputZeroOffset = p.inputOffset();
        final int outputZeroOffset = p.outputOffset();
        final byte[] filter = p.filter();
        final int[] bias = p.bias();
        final int[] multiplier = p.outputMultiplier();
        final int[] shift = p.outputShift();
        final int activationMin = p.activationMin();
        final int activationMax = p.activationMax();

        final int inputRowStride = inputWidth * inputDepth;
        final int inputBatchStride = inputHeight * inputRowStride;
        final int filterRowStride = filterWidth * inputDepth;
        final int filterChannelStride = filterHeight * filterRowStride;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    for (int outC = 0; outC < outputDepth; outC++) {
                        final int filterChannel = outC * filterChannelStride;
                        int acc = 0;
                        for (int fy = 0; fy < filterHeight; fy++) {
                            final int inY = inYOrigin + dilationHeight * fy;
                            if (inY < 0 || inY >= inputHeight) {
                                continue;
                            }
                            final int inputRow = inputBatch + inY * inputRowStride;
                            final int filterRow = filterChannel + fy * filterRowStride;
                            for (int fx = 0; fx < filterWidth; fx++) {
                                final int inX = inXOrigin + dilationWidth * fx;
                                if (inX < 0 || inX >= inputWidth) {
                                    continue;
                                }
                                final int in = inputRow + inX * inputDepth;
                                final int f = filterRow + fx * inputDepth;
                                for (int c = 0; c < inputDepth; c++) {
                                    acc += filter[f + c] * (input[in + c] + inputZeroOffset);
                                }
                            }
                        }
                        if (bias != null) {
                            acc += bias[outC];
                        }
                        acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier[outC], shift[outC]);
                        acc += outputZeroOffset;
                        output[out++] = (byte) Math.min(Math.max(acc, activationMin), activationMax);
                    }
                }
            }
        }
    }
}
