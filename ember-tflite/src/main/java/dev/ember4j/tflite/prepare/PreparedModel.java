/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.KernelBackend;
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

    /** Scratch bytes the backend needs: the most any single operator asks for. */
    public int scratchBytes(KernelBackend backend) {
        int max = 0;
        for (PreparedOp op : ops) {
            if (op.params() != null) {
                max = Math.max(max, KernelBackend.scratchNeeded(backend, op.params()));
            }
        }
        return max;
    }

    /**
     * Lets {@code backend} pack weights and size its working arrays for every operator on the calling
     * thread ({@link KernelBackend#prepare}), so that runs allocate nothing.
     */
    public void prepareOn(KernelBackend backend) {
        for (PreparedOp op : ops) {
            if (op.params() != null) {
                backend.prepare(op.params());
            }
        }
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
