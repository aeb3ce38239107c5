/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.ops.SoftmaxParams;

import java.util.Objects;

/**
 * A backend that passes every call to another one; wrappers (a service-loader entry choosing its
 * implementation, a multi-threading wrapper) extend it and override what they change.
 */
public abstract class ForwardingBackend implements KernelBackend {
    private final KernelBackend delegate;

    protected ForwardingBackend(KernelBackend delegate) {
        this.delegate = Objects.requireNonNull(delegate, "backend");
    }

    /** The backend calls go to. */
    public final KernelBackend delegate() {
        return delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public String description() {
        return delegate.description();
    }

    @Override
    public int scratchBytes(OperatorParams params) {
        return delegate.scratchBytes(params);
    }

    @Override
    public void prepare(OperatorParams params) {
        delegate.prepare(params);
    }

    @Override
    public int splittableRows(OperatorParams params) {
        return delegate.splittableRows(params);
    }

    @Override
    public void runRows(OperatorParams params, Slot[] in, Slot[] out, byte[] arena, byte[] scratch,
                        int rowFrom, int rowTo) {
        delegate.runRows(params, in, out, arena, scratch, rowFrom, rowTo);
    }

    @Override
    public <P extends OperatorParams> void run(OpKernel<P> reference, P params, Slot[] in, Slot[] out,
                                               byte[] arena, byte[] scratch) {
        delegate.run(reference, params, in, out, arena, scratch);
    }

    @Override
    public void conv2d(Conv2DParams p, byte[] in, int inOff, byte[] out, int outOff, byte[] scratch) {
        delegate.conv2d(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void depthwiseConv2d(DepthwiseConv2DParams p, byte[] in, int inOff, byte[] out, int outOff,
                                byte[] scratch) {
        delegate.depthwiseConv2d(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void fullyConnected(FullyConnectedParams p, byte[] in, int inOff, byte[] out, int outOff,
                               byte[] scratch) {
        delegate.fullyConnected(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void averagePool2d(PoolParams p, byte[] in, int inOff, byte[] out, int outOff, byte[] scratch) {
        delegate.averagePool2d(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void maxPool2d(PoolParams p, byte[] in, int inOff, byte[] out, int outOff, byte[] scratch) {
        delegate.maxPool2d(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void softmax(SoftmaxParams p, byte[] in, int inOff, byte[] out, int outOff, byte[] scratch) {
        delegate.softmax(p, in, inOff, out, outOff, scratch);
    }

    @Override
    public void add(AddParams p, byte[] in1, int in1Off, byte[] in2, int in2Off, byte[] out, int outOff,
                   byte[] scratch) {
        delegate.add(p, in1, in1Off, in2, in2Off, out, outOff, scratch);
    }
}
