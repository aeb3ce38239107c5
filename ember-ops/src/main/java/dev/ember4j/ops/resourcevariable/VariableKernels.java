/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resourcevariable;

import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.Slot;

/**
 * Reference READ_VARIABLE and ASSIGN_VARIABLE: byte copies, as TFLite's memcpy in read_variable.cc and
 * ResourceVariable::AssignFrom. Input 0 is the variable's storage (a variable tensor in the arena).
 */
public final class VariableKernels {
    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<VariableCopyParams> ASSIGN = VariableKernels::assign;

    /** The reference kernel (backends may replace it when a model is bound). */
    public static final OpKernel<VariableCopyParams> READ = VariableKernels::read;

    private VariableKernels() {}

    /** Storage (input 0) to the output. */
    public static void read(VariableCopyParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        System.arraycopy(in[0].array(arena), in[0].start(), out[0].array(arena), out[0].start(), p.bytes());
    }

    /** The value (input 1) into the storage (input 0), which the kernel updates in place like SVDF's state. */
    public static void assign(VariableCopyParams p, Slot[] in, Slot[] out, byte[] arena, byte[] scratch) {
        System.arraycopy(in[1].array(arena), in[1].start(), in[0].array(arena), in[0].start(), p.bytes());
    }
}
