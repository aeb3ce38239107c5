/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.testkit;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.RowSplit;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.add.AddKernel;
import dev.ember4j.ops.add.AddParams;
import dev.ember4j.ops.conv2d.Conv2DKernel;
import dev.ember4j.ops.conv2d.Conv2DParams;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DKernel;
import dev.ember4j.ops.depthwiseconv2d.DepthwiseConv2DParams;
import dev.ember4j.ops.fullyconnected.FullyConnectedKernel;
import dev.ember4j.ops.fullyconnected.FullyConnectedParams;
import dev.ember4j.ops.pool.PoolKernels;
import dev.ember4j.ops.pool.PoolParams;
import dev.ember4j.ops.softmax.SoftmaxKernel;
import dev.ember4j.ops.softmax.SoftmaxParams;

/**
 * Runs one operator, as the backend binds it, on separate input and output arrays at offsets (tests'
 * shape of a call): the arrays are laid one after another in an arena, the kernel runs on slots there,
 * and every byte of the output array (also those outside the operator's region) is copied back, so a
 * test still sees writes outside the region.
 */
public final class OperatorCalls {
    private final KernelBackend backend;

    public OperatorCalls(KernelBackend backend) {
        this.backend = backend;
    }

    public KernelBackend backend() {
        return backend;
    }

    /** The kernel the backend binds for the operator, prepared on this thread. */
    public <P extends OperatorParams> BoundKernel<P> bind(P p, OpKernel<P> reference) {
        BoundKernel<P> b = backend.bind(p, reference);
        b.kernel().prepare(p);
        return b;
    }

    public void conv2d(Conv2DParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, Conv2DKernel.KERNEL, out, outOff, -1, -1, in, inOff);
    }

    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, DepthwiseConv2DKernel.KERNEL, out, outOff, -1, -1, in, inOff);
    }

    public void fullyConnected(FullyConnectedParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, FullyConnectedKernel.KERNEL, out, outOff, -1, -1, in, inOff);
    }

    public void averagePool2d(PoolParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, PoolKernels.AVERAGE, out, outOff, -1, -1, in, inOff);
    }

    public void maxPool2d(PoolParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, PoolKernels.MAX, out, outOff, -1, -1, in, inOff);
    }

    public void softmax(SoftmaxParams p, byte[] in, int inOff, byte[] out, int outOff) {
        run(p, SoftmaxKernel.KERNEL, out, outOff, -1, -1, in, inOff);
    }

    public void add(AddParams p, byte[] in1, int in1Off, byte[] in2, int in2Off, byte[] out, int outOff) {
        run(p, AddKernel.KERNEL, out, outOff, -1, -1, in1, in1Off, in2, in2Off);
    }

    /**
     * The reference kernel of a classic int8 operator's record (for pools, which share one record type,
     * MAX_POOL_2D's).
     */
    @SuppressWarnings("unchecked")
    public static <P extends OperatorParams> OpKernel<P> reference(P p) {
        Object k;
        if (p instanceof Conv2DParams) {
            k = Conv2DKernel.KERNEL;
        } else if (p instanceof DepthwiseConv2DParams) {
            k = DepthwiseConv2DKernel.KERNEL;
        } else if (p instanceof FullyConnectedParams) {
            k = FullyConnectedKernel.KERNEL;
        } else if (p instanceof AddParams) {
            k = AddKernel.KERNEL;
        } else if (p instanceof SoftmaxParams) {
            k = SoftmaxKernel.KERNEL;
        } else if (p instanceof PoolParams) {
            k = PoolKernels.MAX;
        } else {
            throw new IllegalArgumentException("not a classic operator's record: " + p.getClass().getName());
        }
        return (OpKernel<P>) k;
    }

    /** How many rows the bound kernel splits the operator into (0 when it does not split). */
    @SuppressWarnings("unchecked")
    public <P extends OperatorParams> int rows(P p, OpKernel<P> reference) {
        OpKernel<P> k = backend.bind(p, reference).kernel();
        return k instanceof RowSplit<?> s ? ((RowSplit<P>) s).rows(p) : 0;
    }

    /** Rows [from, to) of the operator through the bound kernel's {@link RowSplit}. */
    public <P extends OperatorParams> void runRows(P p, OpKernel<P> reference, byte[] out, int outOff, int from, int to,
                                                   Object... inputsAndOffsets) {
        run(p, reference, out, outOff, from, to, inputsAndOffsets);
    }

    /**
     * Runs the operator (rows [from, to) when from &gt;= 0) with inputs given as (byte[], offset) pairs
     * and one output.
     */
    @SuppressWarnings("unchecked")
    public <P extends OperatorParams> void run(P p, OpKernel<P> reference, byte[] out, int outOff, int from, int to,
                                               Object... inputsAndOffsets) {
        int n = inputsAndOffsets.length / 2;
        int size = out.length;
        for (int i = 0; i < n; i++) {
            size += ((byte[]) inputsAndOffsets[2 * i]).length;
        }
        byte[] arena = new byte[size];
        Slot[] in = new Slot[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            byte[] a = (byte[]) inputsAndOffsets[2 * i];
            System.arraycopy(a, 0, arena, at, a.length);
            in[i] = Slot.arena(at + (Integer) inputsAndOffsets[2 * i + 1]);
            at += a.length;
        }
        System.arraycopy(out, 0, arena, at, out.length);
        Slot[] o = {Slot.arena(at + outOff)};
        OpKernel<P> k = bind(p, reference).kernel();
        byte[] scratch = new byte[k.scratchBytes(p)];
        if (from >= 0) {
            if (!(k instanceof RowSplit<?> s)) {
                throw new UnsupportedOperationException(k + " does not split by rows");
            }
            ((RowSplit<P>) s).runRows(p, in, o, arena, scratch, from, to);
        } else {
            k.run(p, in, o, arena, scratch);
        }
        System.arraycopy(arena, at, out, 0, out.length);
    }
}
