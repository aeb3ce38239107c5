package dev.ember4j.runtime;

import dev.ember4j.core.ops.AddParams;
import dev.ember4j.core.ops.Conv2DParams;
import dev.ember4j.core.ops.DepthwiseConv2DParams;
import dev.ember4j.core.ops.FullyConnectedParams;
import dev.ember4j.core.ops.OpKernel;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.core.ops.Slot;
import dev.ember4j.core.ops.PoolParams;
import dev.ember4j.core.ops.SoftmaxParams;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import dev.ember4j.tflite.prepare.PreparedTensor;

import java.util.ArrayList;
import java.util.List;

/** Binds each prepared operator to the arrays and offsets of its tensors, once. */
final class Steps {
    private Steps() {}

    static Step[] build(PreparedModel model, byte[] arena) {
        List<Step> steps = new ArrayList<>();
        for (PreparedOp op : model.ops()) {
            Step s = bind(model, op, arena);
            if (s != null) {
                steps.add(s);
            }
        }
        return steps.toArray(new Step[0]);
    }

    /** Positions in {@code model.ops()} of the operators that get a step (all but aliases such as RESHAPE). */
    static int[] operatorPositions(PreparedModel model) {
        List<PreparedOp> ops = model.ops();
        return java.util.stream.IntStream.range(0, ops.size())
                .filter(i -> !skipped(ops.get(i))).toArray();
    }

    private static boolean skipped(PreparedOp op) {
        return op.op() == BuiltinOperator.RESHAPE || (op.kernel() != null || op.spec() != null) && op.isAlias();
    }

    /** Where each of these tensors lives: constant data or an arena offset. */
    static Slot[] slots(PreparedModel model, int[] ids) {
        Slot[] slots = new Slot[ids.length];
        for (int k = 0; k < ids.length; k++) {
            PreparedTensor t = model.tensor(ids[k]);
            slots[k] = t.isConstant() ? Slot.constant(t.constant()) : Slot.arena(t.arenaOffset());
        }
        return slots;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Step generic(PreparedModel model, PreparedOp op, byte[] arena) {
        OpKernel kernel = op.kernel();
        OperatorParams p = op.params();
        Slot[] in = slots(model, op.inputs());
        Slot[] out = slots(model, op.outputs());
        return (b, s) -> b.run(kernel, p, in, out, arena, s);
    }

    private static byte[] array(PreparedTensor t, byte[] arena) {
        return t.isConstant() ? t.constant() : arena;
    }

    private static int offset(PreparedTensor t) {
        return t.isConstant() ? 0 : t.arenaOffset();
    }

    private static Step bind(PreparedModel model, PreparedOp op, byte[] arena) {
        if (skipped(op)) {
            return null;
        }
        if (op.kernel() != null) {
            return generic(model, op, arena);
        }
        PreparedTensor in = model.tensor(op.inputs()[0]);
        PreparedTensor out = model.tensor(op.output());
        byte[] inA = array(in, arena);
        int inO = offset(in);
        int outO = out.arenaOffset();
        if (op.op() == BuiltinOperator.RESHAPE) {
            // The planner aliases a reshape's output to its input; only a constant input needs a copy-free skip.
            return null;
        }
        return switch (op.op()) {
            case CONV_2D -> {
                Conv2DParams p = (Conv2DParams) op.params();
                yield (b, s) -> b.conv2d(p, inA, inO, arena, outO, s);
            }
            case DEPTHWISE_CONV_2D -> {
                DepthwiseConv2DParams p = (DepthwiseConv2DParams) op.params();
                yield (b, s) -> b.depthwiseConv2d(p, inA, inO, arena, outO, s);
            }
            case FULLY_CONNECTED -> {
                FullyConnectedParams p = (FullyConnectedParams) op.params();
                yield (b, s) -> b.fullyConnected(p, inA, inO, arena, outO, s);
            }
            case AVERAGE_POOL_2D -> {
                PoolParams p = (PoolParams) op.params();
                yield (b, s) -> b.averagePool2d(p, inA, inO, arena, outO, s);
            }
            case MAX_POOL_2D -> {
                PoolParams p = (PoolParams) op.params();
                yield (b, s) -> b.maxPool2d(p, inA, inO, arena, outO, s);
            }
            case SOFTMAX -> {
                SoftmaxParams p = (SoftmaxParams) op.params();
                yield (b, s) -> b.softmax(p, inA, inO, arena, outO, s);
            }
            case ADD -> {
                AddParams p = (AddParams) op.params();
                PreparedTensor in2 = model.tensor(op.inputs()[1]);
                byte[] in2A = array(in2, arena);
                int in2O = offset(in2);
                yield (b, s) -> b.add(p, inA, inO, in2A, in2O, arena, outO, s);
            }
            default -> throw new IllegalStateException("no binding for " + op.label());
        };
    }
}
