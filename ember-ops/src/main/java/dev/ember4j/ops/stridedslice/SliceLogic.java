/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.stridedslice;

import dev.ember4j.ops.copy.StridedCopy;

/**
 * TFLite's STRIDED_SLICE index logic (strided_slice.cc BuildStridedSliceParams and
 * ResizeOutputTensor, strided_slice_logic.h StridedSliceStartForAxis / StridedSliceEndForAxis), as a
 * pure function of the input shape, the constant begin / end / strides and the options.
 *
 * <p>The ellipsis and new-axis masks are first folded into an "effective" input shape (new axes are
 * axes of size 1) with per-axis begin / end / stride and begin, end and shrink masks; then each axis
 * gets its first index and its end. The output shape is TFLite's (a float division of the extent by
 * the stride, shrunk axes left out); the kernel walks the same per-axis ranges.
 */
public final class SliceLogic {
    private SliceLogic() {}

    /** Thrown for slices TFLite itself refuses. */
    public static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    /** Thrown for slices TFLite runs but Ember4j does not (they would leave output elements unwritten). */
    public static final class Unsupported extends RuntimeException {
        Unsupported(String message) {
            super(message);
        }
    }

    /**
     * @param outputShape TFLite's output shape
     * @param starts      first input index per effective axis
     * @param counts      elements taken per effective axis (1 on shrunk axes)
     * @param strides     index step per effective axis
     * @param effectiveShape the input shape with the new axes inserted
     */
    public record Result(int[] outputShape, int[] starts, int[] counts, int[] strides, int[] effectiveShape) {

        /** Byte offset of the first element read and the copy plan. */
        public StridedSliceParams params(int elemBytes) {
            int[] inStrides = StridedCopy.rowMajorStrides(effectiveShape);
            int rank = effectiveShape.length;
            int[] src = new int[rank];
            int base = 0;
            for (int i = 0; i < rank; i++) {
                base += starts[i] * inStrides[i];
                src[i] = strides[i] * inStrides[i];
            }
            int[] dst = StridedCopy.rowMajorStrides(counts);
            return new StridedSliceParams(base * elemBytes, StridedCopy.plan(elemBytes, counts, src, dst));
        }
    }

    public static final int MAX_RANK = 5;

    public static Result compute(int[] inputShape, int[] begin, int[] end, int[] strideData, int beginMask, int endMask,
                                 int ellipsisMask, int newAxisMask, int shrinkMask, boolean offset) {
        int inputDims = inputShape.length;
        if (inputDims > MAX_RANK) {
            throw new Invalid("input rank " + inputDims + " exceeds " + MAX_RANK);
        }
        int beginCount = begin.length;
        if (end.length != beginCount) {
            throw new Invalid("begin has " + beginCount + " entries, end " + end.length);
        }
        if (strideData.length != beginCount) {
            throw new Invalid("begin has " + beginCount + " entries, strides " + strideData.length);
        }
        if (beginCount > 31) {
            throw new Invalid("begin has " + beginCount + " entries");
        }
        int numAddAxis = 0;
        for (int i = 0; i < beginCount; i++) {
            if ((ellipsisMask & (1 << i)) == 0 && (newAxisMask & (1 << i)) != 0) {
                numAddAxis++;
            }
        }
        int dims = inputDims + numAddAxis;
        if (dims > MAX_RANK) {
            throw new Invalid("the slice has " + dims + " axes with the new ones, at most " + MAX_RANK);
        }

        // Where the ellipsis expands and which effective axes are new.
        int effEllipsis = 0;
        int effNewAxis = 0;
        int ellipsisStart = dims;
        int expanded = 0;
        for (int i = 0; i < dims; ) {
            if ((ellipsisMask & (1 << i)) != 0) {
                ellipsisStart = i;
                int ellipsisEnd = Math.max(i + 1, Math.min(i + 1 + numAddAxis + inputDims - beginCount, dims));
                expanded = ellipsisEnd - ellipsisStart - 1;
                for (; i < ellipsisEnd; i++) {
                    effEllipsis |= 1 << i;
                }
                continue;
            }
            int shifted = i - expanded;
            if (shifted >= 0 && shifted < 32 && (newAxisMask & (1 << shifted)) != 0) {
                effNewAxis |= 1 << i;
            }
            i++;
        }

        int[] start = new int[dims];
        int[] stop = new int[dims];
        int[] stride = new int[dims];
        int[] shape = new int[dims];
        int bMask = 0;
        int eMask = 0;
        int sMask = 0;
        int addedEllipsis = 0;
        int addedAxes = 0;
        for (int i = 0; i < dims; i++) {
            int bit = 1 << i;
            if ((effEllipsis & bit) != 0) {
                addedEllipsis = Math.max(0, i - ellipsisStart);
                bMask |= bit;
                eMask |= bit;
                stride[i] = 1;
                shape[i] = inputDim(inputShape, i - addedAxes);
            } else if ((effNewAxis & bit) != 0) {
                start[i] = 0;
                stop[i] = 1;
                stride[i] = 1;
                shape[i] = 1;
                addedAxes++;
            } else if (i >= beginCount + expanded) {
                stride[i] = 1;
                bMask |= bit;
                eMask |= bit;
                shape[i] = inputDim(inputShape, i - addedAxes);
            } else {
                int orig = i - addedEllipsis;
                if (orig < 0 || orig >= beginCount) {
                    throw new Invalid("slice entry " + orig + " is out of range");
                }
                start[i] = begin[orig];
                stop[i] = end[orig];
                stride[i] = strideData[orig];
                int obit = 1 << orig;
                if ((beginMask & obit) != 0) {
                    bMask |= bit;
                }
                if ((endMask & obit) != 0) {
                    eMask |= bit;
                }
                if ((shrinkMask & obit) != 0) {
                    sMask |= bit;
                }
                shape[i] = inputDim(inputShape, i - addedAxes);
            }
        }

        int[] starts = new int[dims];
        int[] counts = new int[dims];
        int outRank = 0;
        int[] outShape = new int[dims];
        for (int i = 0; i < dims; i++) {
            if (stride[i] == 0) {
                throw new Invalid("stride " + i + " is zero");
            }
            int first = startForAxis(start[i], stride[i], shape[i], (bMask & (1 << i)) != 0);
            boolean shrink = (sMask & (1 << i)) != 0;
            int last = endForAxis(stop[i], stride[i], shape[i], (eMask & (1 << i)) != 0, shrink, offset, first);
            starts[i] = first;
            counts[i] = iterations(first, last, stride[i]);
            if (shrink) {
                if (counts[i] != 1) {
                    throw new Unsupported("shrunk axis " + i + " selects " + counts[i] + " elements (begin "
                            + first + ", stride " + stride[i] + " on size " + shape[i] + "), not one");
                }
                continue;
            }
            int extent;
            if (offset) {
                if (i >= end.length) {
                    throw new Unsupported("offset slice reads end entry " + i + " of " + end.length);
                }
                extent = end[i];
            } else {
                extent = last - first;
            }
            int dim = (int) Math.ceil((float) extent / (float) stride[i]);
            dim = Math.max(dim, 0);
            if (dim != counts[i]) {
                throw new Unsupported("axis " + i + " has output size " + dim + " but the slice takes " + counts[i]
                        + " elements");
            }
            outShape[outRank++] = dim;
        }
        return new Result(java.util.Arrays.copyOf(outShape, outRank), starts, counts, stride, shape);
    }

    private static int inputDim(int[] inputShape, int axis) {
        if (axis < 0 || axis >= inputShape.length) {
            throw new Invalid("the masks address input axis " + axis + " of " + inputShape.length);
        }
        return inputShape[axis];
    }

    static int clamp(int v, int lo, int hi) {
        return hi < v ? hi : v < lo ? lo : v;
    }

    /** StridedSliceStartForAxis: negative from the end, clamped, then the begin mask. */
    static int startForAxis(int start, int stride, int size, boolean masked) {
        if (start < 0) {
            start += size;
        }
        start = stride > 0 ? clamp(start, 0, size) : clamp(start, -1, size - 1);
        if (masked) {
            start = stride > 0 ? 0 : size - 1;
        }
        return start;
    }

    /** StridedSliceEndForAxis. */
    static int endForAxis(int end, int stride, int size, boolean masked, boolean shrink, boolean offset, int start) {
        if (shrink) {
            return start >= size ? start : start + 1;
        }
        if (offset) {
            end += start;
        }
        if (end < 0) {
            end += size;
        }
        end = stride > 0 ? clamp(end, 0, size) : clamp(end, -1, size - 1);
        if (masked) {
            end = stride > 0 ? size : -1;
        }
        return end;
    }

    /** How many times the reference loop ({@code i < end} or {@code i > end}, step stride) runs. */
    static int iterations(int start, int end, int stride) {
        long n;
        if (stride > 0) {
            n = end > start ? ((long) end - start + stride - 1) / stride : 0;
        } else {
            long s = -(long) stride;
            n = start > end ? ((long) start - end + s - 1) / s : 0;
        }
        return (int) n;
    }
}
