/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.common;

import dev.ember4j.core.ops.OperatorParams;

/**
 * Parameters of an operator from input 0 to output 0 whose work divides into units (output rows of a
 * convolution, output channels of FULLY_CONNECTED): what {@link RowKernel} needs to check and split it.
 */
public interface RowShaped extends OperatorParams {
    /** Bytes of input 0. */
    int inputSize();

    /** Bytes of output 0. */
    int outputSize();

    /** The units of a whole run. */
    int units();
}
