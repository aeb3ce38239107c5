package dev.ember4j.ref;

import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.quant.FixedPoint;

/**
 * DEPTHWISE_CONV_2D, int8 NHWC, per-channel requantization, as TFLite's
 * reference_integer_ops::DepthwiseConvPerChannel: output channel {@code ic * depthMultiplier + m}
 * filters input channel {@code ic} only.
 */
final class DepthwiseConvKernel {
    private DepthwiseConvKernel() {}

    static void depthwiseConv2d(DepthwiseConv2DParams p, byte[] input, int inputOffset,
                                byte[] output, int outputOffset) {
        final int batches = p.batches();
        final int inputHeight = p.inputHeight();
        final int inputWidth = p.inputWidth();
        final int inputDepth = p.inputDepth();
        final int outputHeight = p.outputHeight();
        final int outputWidth = p.outputWidth();
        final int outputDepth = p.outputDepth();
        final int depthMultiplier = p.depthMultiplier();
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
        final int filterRowStride = filterWidth * outputDepth;

        int out = outputOffset;
        for (int b = 0; b < batches; b++) {
            final int inputBatch = inputOffset + b * inputBatchStride;
            for (int outY = 0; outY < outputHeight; outY++) {
                final int inYOrigin = outY * strideHeight - padTop;
                for (int outX = 0; outX < outputWidth; outX++) {
                    final int inXOrigin = outX * strideWidth - padLeft;
                    for (int ic = 0; ic < inputDepth; ic++) {
                        for (int m = 0; m < depthMultiplier; m++) {
                            final int outC = ic * depthMultiplier + m;
                            int acc = 0;
                            for (int fy = 0; fy < filterHeight; fy++) {
                                final int inY = inYOrigin + dilationHeight * fy;
                                if (inY < 0 || inY >= inputHeight) {
                                    continue;
                                }
                                final int inputRow = inputBatch + inY * inputRowStride + ic;
                                final int filterRow = fy * filterRowStride + outC;
                                for (int fx = 0; fx < filterWidth; fx++) {
                                    final int inX = inXOrigin + dilationWidth * fx;
                                    if (inX < 0 || inX >= inputWidth) {
                                        continue;
                                    }
                                    acc += filter[filterRow + fx * outputDepth]
                                            * (input[inputRow + inX * inputDepth] + inputZeroOffset);
                                }
                            }
                            if (bias != null) {
                                acc += bias[outC];
                            }
                            acc = FixedPoint.multiplyByQuantizedMultiplier(acc, multiplier[outC], shift[outC]);
                            acc += outputZeroOffset;
                            // Output channels are visited in increasing order, so out advances densely.
                            output[out++] = (byte) Math.min(Math.max(acc, activationMin), activationMax);
                        }
                    }
                }
            }
        }
    }
}
