/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.plan.MemoryPlan;

import java.util.Arrays;
import java.util.List;

/**
 * Variable tensors (TFLite's {@code is_variable}): state that operators read and update in place and
 * that survives from one invocation to the next. They are never handed to the memory planner: they
 * are placed one after another after the planned (reused) part of the arena, and the arena size
 * includes them, so no other tensor can ever overwrite them.
 */
final class Variables {
    private Variables() {}

    /**
     * The bytes a variable holds after creation and after every reset: its buffer's data when the model
     * has some, else what TFLite's {@code ResetVariableTensor} writes (the zero point in every byte of an
     * int8 tensor, zeros otherwise).
     */
    static byte[] initialValue(TfliteModel model, TensorDef t) {
        if (t.type().bytes() < 0) {
            throw new ModelFormatException("variable " + t.label() + " has type " + t.type() + ", which has no fixed size");
        }
        byte[] data = model.constantData(t);
        if (data != null) {
            if (data.length != t.byteSize()) {
                throw new ModelFormatException("variable " + t.label() + " shape " + t.shapeString() + " needs "
                        + t.byteSize() + " bytes, its buffer " + t.buffer() + " has " + data.length);
            }
            return data.clone();
        }
        byte[] init = new byte[t.byteSize()];
        if (t.type() == TensorType.INT8 && t.quantization() != null) {
            long zp = t.quantization().zeroPoint()[0];
            if (zp < -128 || zp > 127) {
                throw new ModelFormatException(t.label() + " zero point " + zp + " is outside the int8 range");
            }
            Arrays.fill(init, (byte) zp);
        }
        return init;
    }

    /**
     * Places every variable tensor after the planned arena (8-byte aligned) and returns the plan with
     * their offsets and the enlarged arena size; the tensors list gets the offsets too.
     */
    static MemoryPlan placeAfter(MemoryPlan plan, List<PreparedTensor> tensors, int operatorCount) {
        long offset = plan.arenaBytes();
        int[] offsets = plan.offsets().clone();
        int[] firstUse = plan.firstUse().clone();
        int[] lastUse = plan.lastUse().clone();
        boolean any = false;
        long variableBytes = 0;
        for (int id = 0; id < tensors.size(); id++) {
            PreparedTensor t = tensors.get(id);
            if (t == null || !t.isVariable()) {
                continue;
            }
            any = true;
            offset = (offset + 7) & ~7L;
            if (offset + t.byteSize() > Integer.MAX_VALUE) {
                throw new ModelFormatException("the arena with its variable tensors exceeds the 2 GiB a byte[] can hold");
            }
            offsets[id] = (int) offset;
            firstUse[id] = 0;
            lastUse[id] = Math.max(operatorCount - 1, 0);
            offset += t.byteSize();
            variableBytes += t.byteSize();
        }
        if (!any) {
            return plan;
        }
        // always live: they add to the lower bound of any plan
        return new MemoryPlan(offsets, firstUse, lastUse, (int) offset, (int) (plan.lowerBound() + variableBytes));
    }
}
