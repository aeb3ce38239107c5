/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core.ops;

/**
 * A kernel capability for streaming execution (running chains of row-local operators in row bands
 * through line buffers, so that no whole intermediate tensor is ever held): which input rows an output
 * row band reads. Rows are batch-major image rows ({@code batch * height + y}) of the operator's first
 * input and output.
 *
 * <p>A streaming executor keeps, for each tensor inside a chain, a window of rows; it asks the
 * consumer which input rows an output band needs ({@link #inputRowFrom}, {@link #inputRowTo}), has the
 * producer write just those ({@link RowSplit#runRows}, whose rows are this operator's output rows), and
 * then runs the band. Since {@code runRows} reads input rows at their places in the tensor, the
 * executor gives the kernel slots whose offsets put the window where the band's rows would be. Kernels
 * that read input rows in order and never before {@link #inputRowFrom} are what make that valid; the
 * reference kernels of CONV_2D, DEPTHWISE_CONV_2D and the pools are such kernels.
 */
public interface RowRange<P extends OperatorParams> extends RowSplit<P> {

    /** The first input row that output row {@code outputRow} reads (padding rows excluded). */
    int inputRowFrom(P params, int outputRow);

    /** One past the last input row that output row {@code outputRow} reads (padding rows excluded). */
    int inputRowTo(P params, int outputRow);
}
