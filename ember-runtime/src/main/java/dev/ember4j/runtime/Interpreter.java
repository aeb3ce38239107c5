/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.ArenaTooSmallException;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ops.BoundKernel;
import dev.ember4j.core.ops.BoundOps;
import dev.ember4j.core.parallel.ParallelBackend;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;

import java.nio.ByteBuffer;

/**
 * Runs a TensorFlow Lite INT8 model, TFLM-style: the caller supplies the model bytes, an
 * {@link OpResolver} naming the operators it allows and the arena that holds every activation
 * tensor. Everything is parsed, checked and planned here, and the backend packs its weights and sizes
 * its working arrays for the creating thread ({@code KernelBackend.prepare}); {@link #invoke()} only
 * computes and allocates nothing, from the first call on. (Invoked from another thread, a backend with
 * per-thread working arrays sizes that thread's arrays on its first invoke, from the same prepared sizes.)
 *
 * <p>As in TFLM, input tensors share arena memory with tensors computed later: {@code invoke()} may
 * overwrite input data once the last operator reading it has run. Write the inputs before every
 * {@code invoke()}; outputs stay valid until the next one.
 *
 * <p>Stateful models (variable tensors, e.g. SVDF's and LSTM's state): the state lives in the arena after
 * the part the memory planner reuses, is set to its initial value when the Interpreter is created, is
 * updated by every {@code invoke()} and kept until the next one (feed one frame per {@code invoke()}), and
 * {@link #resetVariables()} restores it (TFLM's {@code ResetVariableTensors}). Resource variables
 * (VAR_HANDLE, READ_VARIABLE, ASSIGN_VARIABLE) are state of the same kind, and a CALL_ONCE's
 * initialization subgraph runs on the first {@code invoke()} after creation and after every
 * {@code resetVariables()}. The state belongs to the arena: do not share one arena between interpreters.
 *
 * <p>An Interpreter is not thread-safe: use one per thread (they may share nothing but the model
 * bytes), or synchronize around {@code input → invoke → output}.
 *
 * <p>Multi-threaded inference ({@code builder(...).threads(n)}): the interpreter wraps its backend in a
 * {@link ParallelBackend}, which starts {@code n - 1} worker threads once; each invoke splits the large
 * CONV_2D and DEPTHWISE_CONV_2D operators by output rows over the calling thread and the workers (other
 * operators run on the calling thread). The output
 * bytes are those of one thread, and nothing is allocated per invoke. {@link #close()} stops the workers.
 */
public final class Interpreter implements AutoCloseable {
    private final PreparedModel model;
    private final KernelBackend backend;
    private final byte[] arena;
    private final byte[] scratch;
    private final Tensor[] inputs;
    private final Tensor[] outputs;
    private final Step[] steps;
    /** The kernel the backend chose for each operator (index = position in the prepared model's operators). */
    private final BoundOps bound;
    /** The backend wrapper of a multi-threaded interpreter (owns the worker threads), null with one thread. */
    private final ParallelBackend parallel;
    private volatile boolean closed;
    /** For each step, its operator's position in the prepared model's operator list. */
    private final int[] stepOp;
    /** Variable tensors: arena offset and initial bytes of each. */
    private final int[] variableOffsets;
    private final byte[][] variableInitial;

    Interpreter(PreparedModel model, KernelBackend backend, byte[] arena) {
        this(model, backend, arena, 1);
    }

    Interpreter(PreparedModel model, KernelBackend backend, byte[] arena, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.model = model;
        this.parallel = threads > 1 ? new ParallelBackend(backend, threads) : null;
        backend = parallel != null ? parallel : backend;
        this.backend = backend;
        int needed = model.plan().arenaBytes();
        if (arena.length < needed) {
            throw new ArenaTooSmallException(needed, arena.length);
        }
        this.arena = arena;
        // the kernel of every operator, chosen once; packed weights and the working arrays of this thread
        // (and of the workers): invoke allocates nothing
        this.bound = model.bind(backend);
        this.scratch = new byte[bound.scratchBytes()];
        this.inputs = new Tensor[model.inputs().length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new Tensor(model.input(i), arena);
        }
        this.outputs = new Tensor[model.outputs().length];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new Tensor(model.output(i), arena);
        }
        this.stepOp = Steps.operatorPositions(model);
        this.steps = Steps.build(model, bound, arena);
        var variables = model.variables();
        this.variableOffsets = new int[variables.size()];
        this.variableInitial = new byte[variables.size()][];
        for (int i = 0; i < variableOffsets.length; i++) {
            variableOffsets[i] = variables.get(i).arenaOffset();
            variableInitial[i] = variables.get(i).initial();
        }
        resetVariables();
    }

    /**
     * Restores every variable tensor (the state of stateful operators such as SVDF and LSTM) to its
     * initial value, as after creation: the next {@code invoke()} starts a new sequence. Resource variables
     * become uninitialized again, so the next {@code invoke()} runs the CALL_ONCE initialization again (which
     * assigns their initial values). Allocates nothing.
     */
    public void resetVariables() {
        for (int i = 0; i < variableOffsets.length; i++) {
            System.arraycopy(variableInitial[i], 0, arena, variableOffsets[i], variableInitial[i].length);
        }
    }

    /**
     * Number of variable tensors (persistent state) of the model, counting each resource variable's storage
     * and each CALL_ONCE block's flag; 0 for stateless models.
     */
    public int variableCount() {
        return variableOffsets.length;
    }

    /** An interpreter on the reference backend. */
    public static Interpreter create(byte[] modelBytes, OpResolver resolver, byte[] arena) {
        return create(ByteBuffer.wrap(modelBytes), resolver, arena, new ReferenceBackend());
    }

    /** An interpreter on the reference backend. */
    public static Interpreter create(ByteBuffer modelBytes, OpResolver resolver, byte[] arena) {
        return create(modelBytes, resolver, arena, new ReferenceBackend());
    }

    /** An interpreter on the given backend. */
    public static Interpreter create(byte[] modelBytes, OpResolver resolver, byte[] arena, KernelBackend backend) {
        return create(ByteBuffer.wrap(modelBytes), resolver, arena, backend);
    }

    /**
     * The full-control path: the caller's resolver, arena and backend; nothing else is allocated later.
     *
     * @throws ModelFormatException          the model is malformed or inconsistent
     * @throws UnsupportedOperatorException  an operator is unsupported or not in the resolver
     * @throws ArenaTooSmallException        the arena is smaller than the plan (the message has the exact size)
     * @throws NullPointerException          an argument is null (the message names it)
     */
    public static Interpreter create(ByteBuffer modelBytes, OpResolver resolver, byte[] arena, KernelBackend backend) {
        java.util.Objects.requireNonNull(modelBytes, "model bytes");
        java.util.Objects.requireNonNull(resolver, "op resolver");
        java.util.Objects.requireNonNull(arena, "arena");
        java.util.Objects.requireNonNull(backend, "backend");
        PreparedModel prepared = ModelPreparer.prepare(ModelReader.read(modelBytes), resolver.operators(),
                resolver.customOperators(), dev.ember4j.tflite.prepare.Limits.DEFAULT);
        return new Interpreter(prepared, backend, arena);
    }

    /** Arena bytes the model needs (activation tensors only; weights stay with the model). */
    public static int arenaBytes(byte[] modelBytes) {
        java.util.Objects.requireNonNull(modelBytes, "model bytes");
        return ModelPreparer.prepare(ByteBuffer.wrap(modelBytes)).plan().arenaBytes();
    }

    /** Arena bytes the model needs; the buffer's remaining bytes are the model. */
    public static int arenaBytes(ByteBuffer modelBytes) {
        java.util.Objects.requireNonNull(modelBytes, "model bytes");
        return ModelPreparer.prepare(modelBytes).plan().arenaBytes();
    }

    /**
     * Starts building an interpreter for the model in {@code modelBytes} (not copied: do not change it
     * while the interpreter lives). By default: the best backend available ({@link Backends#best()}),
     * every supported operator, an arena of exactly the planned size.
     */
    public static InterpreterBuilder builder(byte[] modelBytes) {
        return new InterpreterBuilder(ByteBuffer.wrap(java.util.Objects.requireNonNull(modelBytes, "model bytes")));
    }

    /** As {@link #builder(byte[])} for the buffer's remaining bytes (heap or direct). */
    public static InterpreterBuilder builder(ByteBuffer modelBytes) {
        return new InterpreterBuilder(java.util.Objects.requireNonNull(modelBytes, "model bytes").slice());
    }

    /** As {@link #builder(byte[])} for a model file. @throws java.io.UncheckedIOException it cannot be read */
    public static InterpreterBuilder builder(java.nio.file.Path modelFile) {
        java.util.Objects.requireNonNull(modelFile, "model file");
        try {
            return builder(java.nio.file.Files.readAllBytes(modelFile));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read model file " + modelFile + ": " + e.getMessage(), e);
        }
    }

    /** As {@link #builder(byte[])} for a stream, read to its end (not closed). */
    public static InterpreterBuilder builder(java.io.InputStream model) {
        java.util.Objects.requireNonNull(model, "model stream");
        try {
            return builder(model.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the model stream: " + e.getMessage(), e);
        }
    }

    /**
     * As {@link #builder(byte[])} for a class-path resource of {@code loader} (an absolute name without a
     * leading '/', as {@link ClassLoader#getResourceAsStream}).
     *
     * @throws IllegalArgumentException no such resource
     */
    public static InterpreterBuilder builder(ClassLoader loader, String resource) {
        java.util.Objects.requireNonNull(loader, "class loader");
        java.util.Objects.requireNonNull(resource, "resource name");
        return fromResource(loader.getResourceAsStream(resource), resource, "on the class path");
    }

    /**
     * As {@link #builder(byte[])} for a class-path resource, resolved like {@link Class#getResourceAsStream}
     * relative to {@code anchor} (use a leading '/' for an absolute name).
     *
     * @throws IllegalArgumentException no such resource
     */
    public static InterpreterBuilder builder(Class<?> anchor, String resource) {
        java.util.Objects.requireNonNull(anchor, "anchor class");
        java.util.Objects.requireNonNull(resource, "resource name");
        return fromResource(anchor.getResourceAsStream(resource), resource, "relative to " + anchor.getName());
    }

    /** A builder for an opened class-path resource ({@code in} null: not found {@code where}); closes it. */
    private static InterpreterBuilder fromResource(java.io.InputStream in, String resource, String where) {
        if (in == null) {
            throw new IllegalArgumentException("model resource '" + resource + "' not found " + where);
        }
        try (in) {
            return builder(in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read model resource " + resource + ": " + e.getMessage(), e);
        }
    }

    public int inputCount() {
        return inputs.length;
    }

    public int outputCount() {
        return outputs.length;
    }

    public Tensor input(int i) {
        checkIndex(i, inputs.length, "input");
        return inputs[i];
    }

    public Tensor output(int i) {
        checkIndex(i, outputs.length, "output");
        return outputs[i];
    }

    /** The model input with this tensor name. @throws IllegalArgumentException naming the inputs when none has it */
    public Tensor input(String name) {
        return byName(inputs, name, "input");
    }

    /** The model output with this tensor name. @throws IllegalArgumentException naming the outputs when none has it */
    public Tensor output(String name) {
        return byName(outputs, name, "output");
    }

    private static Tensor byName(Tensor[] tensors, String name, String what) {
        java.util.Objects.requireNonNull(name, what + " name");
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no model " + what + " named '" + name + "'; the " + what + "s are "
                + java.util.Arrays.stream(tensors).map(t -> "'" + t.name() + "'").collect(java.util.stream.Collectors.joining(", ")));
    }

    /**
     * One inference on raw bytes: {@code input} into input 0, {@link #invoke()}, output 0 into {@code output}
     * (each exactly the tensor's byte size). Allocates nothing.
     */
    public void run(byte[] input, byte[] output) {
        singleIo();
        inputs[0].copyFrom(input);
        invoke();
        outputs[0].copyTo(output);
    }

    /**
     * One inference on real values: input 0 quantized (or copied, for a float32 input), output 0
     * dequantized (or copied); see {@link Tensor#quantize(float[])}. Allocates nothing.
     */
    public void run(float[] input, float[] output) {
        singleIo();
        inputs[0].quantize(input);
        invoke();
        outputs[0].dequantize(output);
    }

    /** One inference on the buffers' remaining bytes (raw, heap or direct; positions unchanged). Allocates nothing. */
    public void run(ByteBuffer input, ByteBuffer output) {
        singleIo();
        inputs[0].copyFrom(input);
        invoke();
        outputs[0].copyTo(output);
    }

    /**
     * One inference over every input and the outputs asked for, as TFLite's Java API: {@code inputs[i]}
     * is a {@code byte[]} (raw), {@code float[]} (real values) or {@link ByteBuffer} (raw) for model input
     * i; {@code outputs} maps output indices to such arrays or buffers. Allocates nothing beyond the map
     * iteration.
     */
    public void runForMultipleInputsOutputs(Object[] inputs, java.util.Map<Integer, ?> outputs) {
        java.util.Objects.requireNonNull(inputs, "inputs");
        java.util.Objects.requireNonNull(outputs, "outputs");
        if (inputs.length != this.inputs.length) {
            throw new IllegalArgumentException("the model has " + this.inputs.length + " inputs, got " + inputs.length);
        }
        for (int i = 0; i < inputs.length; i++) {
            Tensor t = this.inputs[i];
            Object v = inputs[i];
            if (v instanceof byte[] b) {
                t.copyFrom(b);
            } else if (v instanceof float[] f) {
                t.quantize(f);
            } else if (v instanceof ByteBuffer bb) {
                t.copyFrom(bb);
            } else {
                throw new IllegalArgumentException("input " + i + " must be byte[], float[] or ByteBuffer, got "
                        + (v == null ? "null" : v.getClass().getName()));
            }
        }
        invoke();
        for (java.util.Map.Entry<Integer, ?> e : outputs.entrySet()) {
            Tensor t = output(java.util.Objects.requireNonNull(e.getKey(), "output index"));
            Object v = e.getValue();
            if (v instanceof byte[] b) {
                t.copyTo(b);
            } else if (v instanceof float[] f) {
                t.dequantize(f);
            } else if (v instanceof ByteBuffer bb) {
                t.copyTo(bb);
            } else {
                throw new IllegalArgumentException("output " + e.getKey() + " must be byte[], float[] or ByteBuffer, got "
                        + (v == null ? "null" : v.getClass().getName()));
            }
        }
    }

    private void singleIo() {
        if (inputs.length != 1 || outputs.length != 1) {
            throw new IllegalStateException("the model has " + inputs.length + " inputs and " + outputs.length
                    + " outputs; use runForMultipleInputsOutputs or input(i)/invoke()/output(i)");
        }
    }

    /**
     * Marks this interpreter closed: later calls to invoke fail with IllegalStateException, and a
     * multi-threaded interpreter's worker threads stop. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        if (parallel != null) {
            parallel.close();
        }
    }

    /** Threads an invoke uses: 1, or the {@code threads} given to the builder. */
    public int threads() {
        return parallel == null ? 1 : parallel.threads();
    }

    /** Runs every operator once on the current input data (which it may overwrite; see the class notes). Allocates nothing. */
    public void invoke() {
        if (closed) {
            throw new IllegalStateException("this Interpreter is closed");
        }
        byte[] s = scratch;
        for (Step step : steps) {
            step.run(s);
        }
    }

    /**
     * Runs every operator once like {@link #invoke()}, adding each operator's elapsed nanoseconds to
     * {@code nanosPerOperator[i]} (index = position in {@link PreparedModel#ops()}; RESHAPE costs 0).
     */
    public void invokeProfiled(long[] nanosPerOperator) {
        if (nanosPerOperator.length < model.ops().size()) {
            throw new IllegalArgumentException("need room for " + model.ops().size() + " operators, got "
                    + nanosPerOperator.length);
        }
        byte[] s = scratch;
        for (int i = 0; i < steps.length; i++) {
            long t0 = System.nanoTime();
            steps[i].run(s);
            nanosPerOperator[stepOp[i]] += System.nanoTime() - t0;
        }
    }

    public KernelBackend backend() {
        return backend;
    }

    /**
     * The kernel that runs operator {@code op} (position in {@link PreparedModel#ops()}) and the backend
     * that supplied it, as chosen when this interpreter was built; null for an operator that only
     * relabels its input's bytes (RESHAPE and the like).
     */
    public BoundKernel<?> kernel(int op) {
        checkIndex(op, bound.size(), "operator");
        return bound.choice(op);
    }

    /** The prepared graph this interpreter runs (operators, parameters, memory plan). */
    public PreparedModel prepared() {
        return model;
    }

    /** Arena bytes the plan uses (at most the arena's length). */
    public int arenaBytesUsed() {
        return model.plan().arenaBytes();
    }

    /** Scratch bytes the backend asked for, allocated once at creation. */
    public int scratchBytes() {
        return scratch.length;
    }

    private static void checkIndex(int i, int n, String what) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException(what + " " + i + " out of range, the model has " + n + " " + what + "s");
        }
    }
}
