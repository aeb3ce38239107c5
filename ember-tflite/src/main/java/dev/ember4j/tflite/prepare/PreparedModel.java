/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundOps;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.plan.MemoryPlan;

import java.util.List;

/**
 * A model ready to run: operators with their kernel parameters in execution order, every tensor
 * the graph touches, and the arena plan. Shared by the Interpreter and the code generator.
 *
 * @param tensors indexed by the model's tensor index; null for tensors the graph never touches
 * @param once    operators that run only on the first invocation after creation or a reset (CALL_ONCE's
 *                initialization subgraphs, inlined), in operator order
 */
public record PreparedModel(List<PreparedTensor> tensors, List<PreparedOp> ops, int[] inputs, int[] outputs,
                            MemoryPlan plan, List<OnceBlock> once) {

    /** A model without CALL_ONCE blocks. */
    public PreparedModel(List<PreparedTensor> tensors, List<PreparedOp> ops, int[] inputs, int[] outputs,
                         MemoryPlan plan) {
        this(tensors, ops, inputs, outputs, plan, List.of());
    }

    /** The CALL_ONCE block starting at operator position {@code op}, or null. */
    public OnceBlock onceBlockAt(int op) {
        for (OnceBlock b : once) {
            if (b.from() == op) {
                return b;
            }
        }
        return null;
    }

    public PreparedTensor tensor(int index) {
        return tensors.get(index);
    }

    public PreparedTensor input(int i) {
        return tensors.get(inputs[i]);
    }

    public PreparedTensor output(int i) {
        return tensors.get(outputs[i]);
    }

    /** The variable tensors (persistent state, in the arena after the planned part), in tensor order. */
    public List<PreparedTensor> variables() {
        List<PreparedTensor> out = new java.util.ArrayList<>();
        for (PreparedTensor t : tensors) {
            if (t != null && t.isVariable()) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Binds every operator to {@code backend} (index i = {@code ops().get(i)}; aliases bind to nothing):
     * the backend chooses each kernel once and prepares it on the calling thread, so that runs allocate
     * nothing.
     */
    public BoundOps bind(KernelBackend backend) {
        OperatorParams[] params = new OperatorParams[ops.size()];
        OpKernel<?>[] kernels = new OpKernel<?>[ops.size()];
        for (int i = 0; i < params.length; i++) {
            params[i] = ops.get(i).params();
            kernels[i] = ops.get(i).kernel();
        }
        return BoundOps.bind(backend, params, kernels);
    }

    /** Total multiply-accumulates per inference. */
    public long macs() {
        long total = 0;
        for (PreparedOp op : ops) {
            total += op.params() == null ? 0 : op.params().macs();
        }
        return total;
    }

    /** Bytes of constant tensor data (weights, biases, constant operands). */
    public long constantBytes() {
        long total = 0;
        for (PreparedTensor t : tensors) {
            if (t != null && t.isConstant()) {
                total += t.constant().length;
            }
        }
        return total;
    }
}
