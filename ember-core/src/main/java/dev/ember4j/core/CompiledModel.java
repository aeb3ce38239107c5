/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

/**
 * A model compiled into a Java class ({@code @Model} or {@code ember generate}), as an instance bound to
 * one backend: what an application depends on, while the generated class is its implementation. Make
 * the annotated interface extend this one ({@code @Model("kws.tflite") interface Kws extends
 * CompiledModel {}}) and get a {@code Kws} from {@code KwsModel.create(backend)}.
 *
 * <p>Single-tensor methods use model input 0 and output 0. The {@code run} methods use this thread's
 * workspace in the generated class (allocated on a thread's first call, nothing after), so one instance
 * may serve several threads; a model with state (variable tensors) keeps one state per thread.
 */
public interface CompiledModel extends AutoCloseable {

    /** The backend the operators run on. */
    KernelBackend backend();

    int inputCount();

    int outputCount();

    /** A copy of input {@code i}'s shape. */
    int[] inputShape(int i);

    /** A copy of output {@code i}'s shape. */
    int[] outputShape(int i);

    TensorType inputType(int i);

    TensorType outputType(int i);

    /** Bytes of input {@code i} (its element count times the element size). */
    int inputBytes(int i);

    int outputBytes(int i);

    /** Quantization scale of input {@code i} (0 when not quantized). */
    float inputScale(int i);

    int inputZeroPoint(int i);

    float outputScale(int i);

    int outputZeroPoint(int i);

    /** One inference on raw bytes of input 0 and output 0 (little-endian for wider types). */
    void run(byte[] input, byte[] output);

    /** One inference on real values: input 0 quantized (or copied if float32), output 0 dequantized (or copied). */
    void run(float[] input, float[] output);

    /** One inference on every input and output, raw bytes. */
    void run(byte[][] inputs, byte[][] outputs);

    /** Releases what the instance holds (the worker threads of a multi-threaded instance); nothing by default. */
    @Override
    default void close() {}

    /** Resets this thread's state (variable tensors) to the model's initial values; nothing to do for a stateless model. */
    void reset();
}
