package dev.ember4j.runtime;

import dev.ember4j.core.ArenaTooSmallException;
import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.ref.ReferenceBackend;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.PreparedModel;

import java.nio.ByteBuffer;

/**
 * Runs a TensorFlow Lite INT8 model, TFLM-style: the caller supplies the model bytes, an
 * {@link OpResolver} naming the operators it allows and the arena that holds every activation
 * tensor. Everything is parsed, checked and planned here; {@link #invoke()} only computes and
 * allocates nothing.
 *
 * <p>As in TFLM, input tensors share arena memory with tensors computed later: {@code invoke()} may
 * overwrite input data once the last operator reading it has run. Write the inputs before every
 * {@code invoke()}; outputs stay valid until the next one.
 *
 * <p>Stateful models (variable tensors, e.g. SVDF's and LSTM's state): the state lives in the arena after
 * the part the memory planner reuses, is set to its initial value when the Interpreter is created, is
 * updated by every {@code invoke()} and kept until the next one (feed one frame per {@code invoke()}), and
 * {@link #resetVariables()} restores it (TFLM's {@code ResetVariableTensors}). The state belongs to the
 * arena: do not share one arena between interpreters.
 *
 * <p>An Interpreter is not thread-safe: use one per thread (they may share nothing but the model
 * bytes), or synchronize around {@code input → invoke → output}.
 */
public final class Interpreter {
    private final PreparedModel model;
    private final KernelBackend backend;
    private final byte[] arena;
    private final byte[] scratch;
    private final Tensor[] inputs;
    private final Tensor[] outputs;
    private final Step[] steps;
    /** For each step, its operator's position in the prepared model's operator list. */
    private final int[] stepOp;
    /** Variable tensors: arena offset and initial bytes of each. */
    private final int[] variableOffsets;
    private final byte[][] variableInitial;

    private Interpreter(PreparedModel model, KernelBackend backend, byte[] arena) {
        this.model = model;
        this.backend = backend;
        int needed = model.plan().arenaBytes();
        if (arena.length < needed) {
            throw new ArenaTooSmallException(needed, arena.length);
        }
        this.arena = arena;
        this.scratch = new byte[model.scratchBytes(backend)];
        this.inputs = new Tensor[model.inputs().length];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = new Tensor(model.input(i), arena);
        }
        this.outputs = new Tensor[model.outputs().length];
        for (int i = 0; i < outputs.length; i++) {
            outputs[i] = new Tensor(model.output(i), arena);
        }
        this.stepOp = Steps.operatorPositions(model);
        this.steps = Steps.build(model, arena);
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
     * initial value, as after creation: the next {@code invoke()} starts a new sequence. Allocates nothing.
     */
    public void resetVariables() {
        for (int i = 0; i < variableOffsets.length; i++) {
            System.arraycopy(variableInitial[i], 0, arena, variableOffsets[i], variableInitial[i].length);
        }
    }

    /** Number of variable tensors (persistent state) of the model; 0 for stateless models. */
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
     * @throws ModelFormatException          the model is malformed or inconsistent
     * @throws UnsupportedOperatorException  an operator is unsupported or not in the resolver
     * @throws ArenaTooSmallException        the arena is smaller than the plan (the message has the exact size)
     */
    public static Interpreter create(ByteBuffer modelBytes, OpResolver resolver, byte[] arena, KernelBackend backend) {
        PreparedModel prepared = ModelPreparer.prepare(ModelReader.read(modelBytes), resolver.operators());
        return new Interpreter(prepared, backend, arena);
    }

    /** Arena bytes the model needs (activation tensors only; weights stay with the model). */
    public static int arenaBytes(byte[] modelBytes) {
        return ModelPreparer.prepare(ByteBuffer.wrap(modelBytes)).plan().arenaBytes();
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

    /** Runs every operator once on the current input data (which it may overwrite; see the class notes). */
    public void invoke() {
        KernelBackend b = backend;
        byte[] s = scratch;
        for (Step step : steps) {
            step.run(b, s);
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
        KernelBackend b = backend;
        byte[] s = scratch;
        for (int i = 0; i < steps.length; i++) {
            long t0 = System.nanoTime();
            steps[i].run(b, s);
            nanosPerOperator[stepOp[i]] += System.nanoTime() - t0;
        }
    }

    public KernelBackend backend() {
        return backend;
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
