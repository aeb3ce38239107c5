/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.quant.Activation;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.Quantization;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.flex.FlexBuffer;
import dev.ember4j.tflite.flex.FlexValue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What an operator's preparation reads from the model, with checks that name the operator: every
 * failure is a {@link ModelFormatException} (the file is inconsistent) or an
 * {@link UnsupportedOperatorException} (valid, but outside what Ember4j runs) whose message starts with
 * the operator's index and name.
 */
public final class OpContext {
    public final TfliteModel model;
    public final OperatorDef def;

    /** How messages name the operator: as the file numbers it, also when a subgraph was inlined. */
    private final String label;

    OpContext(TfliteModel model, OperatorDef def) {
        this(model, def, def.label());
    }

    OpContext(TfliteModel model, OperatorDef def, String label) {
        this.model = model;
        this.def = def;
        this.label = label;
    }

    public ModelFormatException error(String message) {
        return new ModelFormatException(label + ": " + message);
    }

    public UnsupportedOperatorException unsupported(String message) {
        return new UnsupportedOperatorException(label + ": " + message);
    }

    public void expectInputs(int min, int max) {
        int n = def.inputs().length;
        if (n < min || n > max) {
            throw error("has " + n + " inputs, expected " + (min == max ? "" + min : min + " to " + max));
        }
    }

    public void expectOutputs(int n) {
        if (def.outputs().length != n) {
            throw error("has " + def.outputs().length + " outputs, expected " + n);
        }
    }

    public TensorDef input(int i) {
        TensorDef t = optionalInput(i);
        if (t == null) {
            throw error("required input " + i + " is missing");
        }
        return nonEmpty(t, "input " + i);
    }

    /** The input, or null when omitted (index -1 or past the end). */
    public TensorDef optionalInput(int i) {
        if (i >= def.inputs().length || def.inputs()[i] < 0) {
            return null;
        }
        return model.tensor(def.inputs()[i]);
    }

    /** Intermediates in the model file (schema field 8), counting omitted ones. */
    public int intermediateCount() {
        return def.intermediates().length;
    }

    /**
     * Intermediate {@code i}: a tensor the operator reads only the quantization of. Missing (past the end
     * or -1) is a {@link ModelFormatException}; intermediates have no data, so empty shapes are fine.
     */
    public TensorDef intermediate(int i) {
        if (i >= def.intermediates().length || def.intermediates()[i] < 0) {
            throw error("intermediate " + i + " is missing (the operator has " + def.intermediates().length
                    + " intermediates)");
        }
        return model.tensor(def.intermediates()[i]);
    }

    public TensorDef output(int i) {
        return nonEmpty(model.tensor(def.outputs()[i]), "output " + i);
    }

    /** Kernels take every dimension to be positive: zero-sized tensors are refused here. */
    private TensorDef nonEmpty(TensorDef t, String role) {
        if (t.elementCount() == 0) {
            throw unsupported(role + " " + t.label() + " has the empty shape " + t.shapeString()
                    + "; empty tensors are not supported");
        }
        return t;
    }

    /** Requires an int8 tensor with a single scale and zero point. */
    public TensorDef int8(TensorDef t, String role) {
        requireType(t, TensorType.INT8, role);
        Quantization q = t.quantization();
        if (q == null) {
            throw unsupported(role + " " + t.label() + " is int8 without quantization parameters");
        }
        return t;
    }

    public void requireType(TensorDef t, TensorType type, String role) {
        if (t.type() != type) {
            throw unsupported(role + " " + t.label() + " has type " + t.type() + ", only " + type + " is supported");
        }
    }

    public float scale(TensorDef t) {
        return t.quantization() == null ? 0f : t.quantization().scale(0);
    }

    public int zeroPoint(TensorDef t) {
        if (t.quantization() == null) {
            return 0;
        }
        long zp = t.quantization().zeroPoint()[0];
        if (t.type() == TensorType.INT8 && (zp < -128 || zp > 127)) {
            throw error(t.label() + " zero point " + zp + " is outside the int8 range");
        }
        if (t.type() == TensorType.UINT8 && (zp < 0 || zp > 255)) {
            throw error(t.label() + " zero point " + zp + " is outside the uint8 range");
        }
        if (t.type() == TensorType.INT16 && (zp < -32768 || zp > 32767)) {
            throw error(t.label() + " zero point " + zp + " is outside the int16 range");
        }
        return (int) zp;
    }

    /** Inputs in the model file, counting omitted optional ones. */
    public int inputCount() {
        return def.inputs().length;
    }

    public int outputCount() {
        return def.outputs().length;
    }

    /**
     * Requires one of {@code allowed}; integer types must carry a finite positive scale (a single
     * one: per-channel quantization is for weights, not activations).
     */
    public TensorDef quantized(TensorDef t, String role, TensorType... allowed) {
        boolean ok = false;
        for (TensorType a : allowed) {
            ok |= t.type() == a;
        }
        if (!ok) {
            throw unsupported(role + " " + t.label() + " has type " + t.type() + ", supported: "
                    + Arrays.toString(allowed));
        }
        if (t.type() != TensorType.FLOAT32 && t.type() != TensorType.INT32 && t.type() != TensorType.INT64
                && t.type() != TensorType.BOOL) {
            Quantization q = t.quantization();
            if (q == null) {
                throw unsupported(role + " " + t.label() + " is " + t.type() + " without quantization parameters");
            }
            float s = q.scale(0);
            if (!(s > 0) || Float.isInfinite(s)) {
                throw error(role + " " + t.label() + " has scale " + s + "; a positive finite scale is needed");
            }
            zeroPoint(t);
        }
        return t;
    }

    /** An INT32 or INT64 constant (axes, paddings, shapes, slice bounds) as ints. */
    public int[] indexConstant(TensorDef t, String role) {
        byte[] data;
        if (t.type() == TensorType.INT32) {
            return int32Constant(t, role);
        }
        requireType(t, TensorType.INT64, role);
        data = constant(t, role);
        int[] out = new int[data.length / 8];
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < out.length; i++) {
            long v = b.getLong();
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw error(role + " " + t.label() + " holds " + v + ", out of the int range");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** True when the tensor's data is in the model file. */
    public boolean isConstant(TensorDef t) {
        return model.constantData(t) != null;
    }

    public static float f32(Table t, int field, float defaultValue) {
        return t == null ? defaultValue : t.f32(field, defaultValue);
    }

    public static boolean bool(Table t, int field, boolean defaultValue) {
        return t == null ? defaultValue : t.bool(field, defaultValue);
    }

    public void requireRank(TensorDef t, int rank, String role) {
        if (t.shape().length != rank) {
            throw error(role + " " + t.label() + " has shape " + t.shapeString() + ", expected rank " + rank);
        }
    }

    /** Constant data of the tensor, checked to be exactly as long as its shape says. */
    public byte[] constant(TensorDef t, String role) {
        byte[] data = model.constantData(t);
        if (data == null) {
            throw unsupported(role + " " + t.label() + " must be a constant tensor");
        }
        if (t.type().bytes() < 0 || (long) t.elementCount() * t.type().bytes() != data.length) {
            throw error(role + " " + t.label() + " shape " + t.shapeString() + " needs "
                    + (long) t.elementCount() * t.type().bytes() + " bytes, its buffer " + t.buffer() + " has "
                    + data.length);
        }
        return data;
    }

    public int[] int32Constant(TensorDef t, String role) {
        requireType(t, TensorType.INT32, role);
        byte[] data = constant(t, role);
        int[] out = new int[data.length / 4];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(out);
        return out;
    }

    /**
     * A custom operator's options: the root of its custom_options FlexBuffer, which must be a map. Reading
     * it is bounds-checked (malformed bytes are a {@link ModelFormatException} naming the operator).
     */
    public FlexValue customOptions() {
        if (def.customOptionsFormat() != 0) {
            throw unsupported("custom_options_format " + def.customOptionsFormat() + " is not FLEXBUFFERS (0)");
        }
        if (def.customOptions().length == 0) {
            throw error("has no custom options");
        }
        FlexValue root = FlexBuffer.root(def.customOptions(), def.label() + " custom options");
        if (!root.isMap()) {
            throw error("custom options are a FlexBuffer " + root.typeName() + ", expected a map");
        }
        return root;
    }

    /** The builtin options table, or null when the operator carries none (all defaults). */
    public Table options(int expectedType, String name) {
        if (def.optionsType() == 0) {
            return null;
        }
        if (def.optionsType() != expectedType) {
            throw error("builtin options type " + def.optionsType() + " does not match " + name + " (" + expectedType + ")");
        }
        return def.options();
    }

    public static int i32(Table t, int field, int defaultValue) {
        return t == null ? defaultValue : t.i32(field, defaultValue);
    }

    public static int u8(Table t, int field, int defaultValue) {
        return t == null ? defaultValue : t.u8(field, defaultValue);
    }

    public Activation activation(int code) {
        Activation a = Activation.fromCode(code);
        if (a == null) {
            throw error("unknown fused activation " + code);
        }
        if (a == Activation.TANH || a == Activation.SIGN_BIT) {
            throw unsupported("fused activation " + a + " is not supported");
        }
        return a;
    }

    /** int8 clamp range of the activation for this output tensor. */
    public int[] activationRange(int code, TensorDef output) {
        Activation a = activation(code);
        int[] range = a.int8Range(scale(output), zeroPoint(output));
        if (range[0] > range[1] || range[0] < -128 || range[1] > 127) {
            // the bound / scale overflows an int for absurdly small scales
            throw unsupported("fused activation " + a + " has no int8 activation range for output " + output.label()
                    + " scale " + scale(output) + " zero point " + zeroPoint(output));
        }
        return range;
    }

    public void requireShape(TensorDef t, int[] expected, String role) {
        if (!Arrays.equals(t.shape(), expected)) {
            throw error(role + " " + t.label() + " has shape " + t.shapeString() + ", the operator produces "
                    + Arrays.toString(expected));
        }
    }
}
