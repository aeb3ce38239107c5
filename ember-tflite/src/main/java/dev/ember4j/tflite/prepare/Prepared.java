/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;

/**
 * What {@link OperatorSpec#prepare} found: the kernel's parameters, the kernel, the operator inputs
 * the kernel reads at run time (positions in the operator's input list; inputs folded into the
 * parameters, such as weights, axes or paddings, are left out) and, for operators that only
 * relabel bytes (RESHAPE-like), which of them the output aliases.
 *
 * @param dataInputs positions in the operator's input list, in kernel order
 * @param aliasInput position of the input whose memory the single output shares, or -1; the kernel
 *                   is then not run
 * @param outputShapes null, or the shape of every output as the operator computes it: outputs the file
 *                   declares with the empty shape {@code []} (TFLite's converter leaves the outputs of some
 *                   custom operators unshaped; TFLite resizes them in Prepare) take these shapes, every
 *                   other output must already have them
 */
public record Prepared(OperatorParams params, OpKernel<?> kernel, int[] dataInputs, int aliasInput,
                       int[][] outputShapes) {

    public Prepared(OperatorParams params, OpKernel<?> kernel, int[] dataInputs, int aliasInput) {
        this(params, kernel, dataInputs, aliasInput, null);
    }

    /** A kernel reading the given inputs. */
    public static Prepared of(OperatorParams params, OpKernel<?> kernel, int... dataInputs) {
        return new Prepared(params, kernel, dataInputs, -1);
    }

    /** An operator whose output is input {@code input}'s bytes under another shape. */
    public static Prepared alias(int input) {
        return new Prepared(null, null, new int[] {input}, input);
    }

    /** This, with the outputs' computed shapes (see {@link #outputShapes()}). */
    public Prepared withOutputShapes(int[]... shapes) {
        return new Prepared(params, kernel, dataInputs, aliasInput, shapes);
    }
}
