/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.BuiltinOperator;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.OperatorDef;
import dev.ember4j.tflite.SubgraphDef;
import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.TfliteModel;
import dev.ember4j.tflite.plan.MemoryPlan;
import dev.ember4j.tflite.plan.MemoryPlanner;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a parsed model into a {@link PreparedModel}: checks that every operator is supported and
 * consistent, computes kernel parameters once, and plans the arena.
 */
public final class ModelPreparer {
    /** The registry's builtin operators: every {@link OperatorSpec} of every {@link OperatorSet} on the class path. */
    private static final Map<BuiltinOperator, OperatorSpec> REGISTRY = new EnumMap<>(BuiltinOperator.class);

    /** The registry's custom operators, by custom code. */
    private static final Map<String, OperatorSpec> CUSTOM_REGISTRY = new TreeMap<>();

    static {
        for (OperatorSet set : ServiceLoader.load(OperatorSet.class, ModelPreparer.class.getClassLoader())) {
            for (OperatorSpec spec : set.operators()) {
                if (spec.customCode() != null) {
                    CUSTOM_REGISTRY.putIfAbsent(spec.customCode(), spec);
                } else {
                    REGISTRY.putIfAbsent(spec.op(), spec);
                }
            }
        }
    }

    /**
     * Operators the preparer resolves itself instead of a registry entry: CALL_ONCE is inlined
     * ({@link CallOnceInliner}), VAR_HANDLE becomes a variable's storage ({@link ResourceVariables}).
     */
    private static final Set<BuiltinOperator> GRAPH_LEVEL = EnumSet.of(BuiltinOperator.CALL_ONCE,
            BuiltinOperator.VAR_HANDLE);

    /** Builtin operators this engine runs (CUSTOM is not one: custom operators are in {@link #SUPPORTED_CUSTOM}). */
    public static final Set<BuiltinOperator> SUPPORTED = supported();

    /** Custom operators this engine runs, by custom code (e.g. "TFLite_Detection_PostProcess"). */
    public static final Set<String> SUPPORTED_CUSTOM = Collections.unmodifiableSet(new TreeSet<>(CUSTOM_REGISTRY.keySet()));

    private static Set<BuiltinOperator> supported() {
        EnumSet<BuiltinOperator> all = EnumSet.noneOf(BuiltinOperator.class);
        all.addAll(REGISTRY.keySet());
        all.addAll(GRAPH_LEVEL);
        all.remove(BuiltinOperator.CUSTOM);
        return Collections.unmodifiableSet(all);
    }

    /** The registry entry of a builtin operator, or null for an unsupported one. */
    public static OperatorSpec spec(BuiltinOperator op) {
        return op == BuiltinOperator.CUSTOM ? null : REGISTRY.get(op);
    }

    /** The registry entry of an operator of a model (builtin or custom), or null for an unsupported one. */
    public static OperatorSpec spec(OperatorDef def) {
        return def.isCustom() ? CUSTOM_REGISTRY.get(def.customCode()) : spec(def.op());
    }

    /** True when this engine runs the operator (a registry entry, or one the preparer resolves itself). */
    public static boolean isSupported(OperatorDef def) {
        return def.isCustom() ? CUSTOM_REGISTRY.containsKey(def.customCode()) : SUPPORTED.contains(def.op());
    }

    private ModelPreparer() {}

    /** Reads and prepares a model, allowing every supported operator. */
    public static PreparedModel prepare(ByteBuffer modelBytes) {
        return prepare(ModelReader.read(modelBytes), SUPPORTED);
    }

    /**
     * @param allowed the builtin operators the application registered (its op resolver); operators outside
     *                it, or outside {@link #SUPPORTED}, fail with {@link UnsupportedOperatorException}. Every
     *                custom operator of {@link #SUPPORTED_CUSTOM} is allowed.
     */
    public static PreparedModel prepare(TfliteModel model, Set<BuiltinOperator> allowed) {
        return prepare(model, allowed, Limits.DEFAULT);
    }

    /**
     * The single graph {@link #prepare} prepares, whose tensor and operator indices a {@link PreparedModel}
     * uses: the model itself, or for a model with CALL_ONCE or resource variables, its main graph with the
     * initialization subgraphs inlined (their tensors after the main graph's), VAR_HANDLEs resolved and the
     * variables' storage and CALL_ONCE flags as variable tensors at the end.
     */
    public static TfliteModel flatten(TfliteModel model) {
        return CallOnceInliner.withFlags(ResourceVariables.resolve(CallOnceInliner.inline(model))).model();
    }

    /**
     * As {@link #prepare(TfliteModel, Set)} within {@code limits}.
     *
     * @throws dev.ember4j.core.ResourceLimitException the model asks for more than a limit allows
     */
    public static PreparedModel prepare(TfliteModel source, Set<BuiltinOperator> allowed, Limits limits) {
        return prepare(source, allowed, SUPPORTED_CUSTOM, limits);
    }

    /**
     * As {@link #prepare(TfliteModel, Set, Limits)}, allowing only the custom operators {@code allowedCustom}
     * (by custom code) besides the builtin operators {@code allowed}.
     */
    public static PreparedModel prepare(TfliteModel source, Set<BuiltinOperator> allowed, Set<String> allowedCustom,
                                        Limits limits) {
        long operatorCount = 0;
        long allTensors = 0;
        for (SubgraphDef g : source.subgraphs()) { // every subgraph read counts, called or not
            operatorCount += g.operators().size();
            allTensors += g.tensors().size();
        }
        limits.check("maxOperators", operatorCount, limits.maxOperators(), "operators");
        limits.check("maxTensors", allTensors, limits.maxTensors(), "tensors");
        checkOperators(source.operators(), source.operators().stream().map(OperatorDef::label).toList(), allowed,
                allowedCustom);
        // One straight graph: CALL_ONCE subgraphs inlined, resource variables turned into variable tensors.
        FlatGraph inlined = CallOnceInliner.inline(source);
        checkOperators(inlined.model().operators(), inlined.origins(), allowed, allowedCustom);
        FlatGraph flat = CallOnceInliner.withFlags(ResourceVariables.resolve(inlined));
        TfliteModel model = flat.model(); // operators may give unshaped outputs their shapes (Prepared.outputShapes)
        List<OperatorDef> defs = model.operators();
        int tensorCount = model.tensors().size();

        int[] producer = new int[tensorCount];
        Arrays.fill(producer, -1);
        boolean[] isModelInput = new boolean[tensorCount];
        for (int id : model.inputs()) {
            TensorDef t = model.tensor(id);
            if (model.constantData(t) != null) {
                throw new ModelFormatException("model input " + t.label() + " is a constant tensor");
            }
            isModelInput[id] = true;
        }

        List<PreparedOp> ops = new ArrayList<>();
        int[] aliasOf = new int[tensorCount];
        Arrays.fill(aliasOf, -1);
        int[] lastUse = new int[tensorCount];
        Arrays.fill(lastUse, -1);
        boolean[] touched = new boolean[tensorCount];
        for (int id : model.inputs()) {
            touched[id] = true;
        }
        for (OperatorDef def : defs) {
            OpContext ctx = new OpContext(model, def, flat.origins().get(def.index()));
            OperatorSpec spec = spec(def); // present: checkOperators ran
            Prepared generic = spec.prepare(ctx);
            if (generic.outputShapes() != null) {
                model = withOutputShapes(ctx, model, generic.outputShapes());
            }
            int[] dataInputs = tensorsAt(ctx, generic.dataInputs());
            if ((generic.aliasInput() < 0) == (generic.params() == null || generic.kernel() == null)) {
                throw new IllegalStateException(spec.getClass().getName() + " prepared " + def.label()
                        + " with neither a kernel and parameters nor an alias");
            }
            for (int id : dataInputs) {
                TensorDef t = model.tensor(id);
                boolean constant = model.constantData(t) != null && !t.isVariable();
                if (!constant && !isModelInput[id] && producer[id] < 0 && !t.isVariable()) {
                    throw ctx.error("reads " + t.label() + " before any operator writes it");
                }
                touched[id] = true;
                lastUse[id] = def.index();
            }
            for (int id : def.outputs()) {
                TensorDef t = model.tensor(id);
                if (model.constantData(t) != null && !t.isVariable()) {
                    throw ctx.error("writes constant " + t.label());
                }
                if (producer[id] >= 0 || isModelInput[id]) {
                    throw ctx.error("writes " + t.label() + ", which is already written by "
                            + (isModelInput[id] ? "the caller (model input)" : "operator " + producer[id]));
                }
                for (int in : dataInputs) {
                    if (in == id) {
                        throw ctx.error("reads and writes the same " + t.label());
                    }
                }
                producer[id] = def.index();
                touched[id] = true;
                lastUse[id] = def.index();
            }
            if (generic.aliasInput() >= 0) {
                refuseVariableAlias(ctx, model, def.inputs()[generic.aliasInput()], def.outputs()[0]);
                ctx.expectOutputs(1);
                TensorDef from = model.tensor(def.inputs()[generic.aliasInput()]);
                TensorDef to = model.tensor(def.outputs()[0]);
                if (from.type() != to.type() || (long) from.elementCount() != to.elementCount()) {
                    throw ctx.error("output " + to.label() + " " + to.type() + to.shapeString()
                            + " cannot share the bytes of input " + from.label() + " " + from.type() + from.shapeString());
                }
                aliasOf[def.outputs()[0]] = def.inputs()[generic.aliasInput()];
            }
            ops.add(new PreparedOp(def.index(), def.op(), generic.params(), dataInputs, def.outputs().clone(),
                    generic.kernel(), spec));
        }
        for (int id : model.outputs()) {
            if (producer[id] < 0 && !isModelInput[id]) {
                throw new ModelFormatException("model output " + model.tensor(id).label() + " is never written");
            }
            touched[id] = true;
            lastUse[id] = Math.max(defs.size() - 1, 0);
        }
        for (OnceBlock b : flat.once()) {
            touched[b.flagTensor()] = true;
        }

        // Tensors: constants keep their data, the rest go to the arena. An alias (RESHAPE) of a constant is a constant.
        List<PreparedTensor> tensors = new ArrayList<>(Collections.nCopies(tensorCount, null));
        int[] sizes = new int[tensorCount];
        int[] first = new int[tensorCount];
        long variableBytes = 0;
        Arrays.fill(sizes, -1);
        for (int id = 0; id < tensorCount; id++) {
            if (!touched[id]) {
                continue;
            }
            TensorDef t = model.tensor(id);
            byte[] constant = t.isVariable() ? null : model.constantData(t);
            int root = id;
            while (aliasOf[root] >= 0) {
                root = aliasOf[root];
            }
            if (constant == null && root != id) {
                constant = model.constantData(model.tensor(root));
            }
            if (constant != null) {
                aliasOf[id] = -1;
            }
            if (t.type().bytes() < 0) {
                throw new UnsupportedOperatorException(t.label() + " has type " + t.type() + ", which has no fixed size");
            }
            if (constant != null && constant.length != (long) t.elementCount() * t.type().bytes()) {
                // a kernel reads a constant data input (or the caller a constant output) as its shape says
                throw new ModelFormatException(t.label() + " " + t.type() + t.shapeString() + " needs "
                        + (long) t.elementCount() * t.type().bytes() + " bytes, its constant data has " + constant.length
                        + (root != id ? " (from " + model.tensor(root).label() + ", which it reshapes)" : ""));
            }
            float scale = t.quantization() == null ? 0f : t.quantization().scale(0);
            int zp = t.quantization() == null ? 0 : (int) t.quantization().zeroPoint()[0];
            if (t.isVariable()) {
                tensors.set(id, new PreparedTensor(id, t.name(), t.type(), t.shape(), scale, zp, null, -1,
                        Variables.initialValue(model, t)));
                variableBytes += t.byteSize();
                continue; // outside the planned, reused part of the arena
            }
            tensors.set(id, new PreparedTensor(id, t.name(), t.type(), t.shape(), scale, zp, constant, -1));
            if (constant == null) {
                sizes[id] = t.byteSize();
                first[id] = producer[id] < 0 ? 0 : producer[id];
                if (lastUse[id] < first[id]) {
                    lastUse[id] = first[id];
                }
            }
        }
        long total = variableBytes;
        for (int id = 0; id < tensorCount; id++) {
            total += aliasOf[id] < 0 ? Math.max(sizes[id], 0) : 0;
        }
        if (total > Integer.MAX_VALUE) {
            // the planner's arena can be as large as the sum; a Java array holds at most 2 GiB
            throw new ModelFormatException("the activation tensors need " + total
                    + " bytes of arena, more than the 2 GiB a byte[] arena can hold");
        }
        MemoryPlan plan = Variables.placeAfter(MemoryPlanner.plan(sizes, first, lastUse, aliasOf), tensors,
                defs.size());
        for (int id = 0; id < tensorCount; id++) {
            PreparedTensor t = tensors.get(id);
            if (t != null && plan.inArena(id)) {
                tensors.set(id, t.withArenaOffset(plan.offset(id)));
            }
        }
        PreparedModel prepared = new PreparedModel(Collections.unmodifiableList(tensors), List.copyOf(ops),
                model.inputs().clone(), model.outputs().clone(), plan, flat.once());
        limits.check("maxArenaBytes", plan.arenaBytes(), limits.maxArenaBytes(), "bytes of arena");
        long macs = 0;
        long scratch = 0;
        for (PreparedOp op : ops) {
            if (op.params() != null) {
                macs += Math.max(0, op.params().macs());
                scratch = Math.max(scratch, op.params().scratchBytes());
            }
        }
        limits.check("maxMacs", macs, limits.maxMacs(), "multiply-accumulates per inference");
        limits.check("maxScratchBytes", scratch, limits.maxScratchBytes(), "bytes of operator scratch");
        return prepared;
    }

    /**
     * Gives outputs declared with the empty shape [] the shapes the operator computed (as TFLite's
     * ResizeTensor in Prepare); every other output must already have its computed shape.
     */
    private static TfliteModel withOutputShapes(OpContext ctx, TfliteModel model, int[][] shapes) {
        int[] outputs = ctx.def.outputs();
        if (shapes.length != outputs.length) {
            throw new IllegalStateException(ctx.def.label() + ": " + shapes.length + " output shapes for "
                    + outputs.length + " outputs");
        }
        TfliteModel result = model;
        for (int o = 0; o < outputs.length; o++) {
            TensorDef t = result.tensor(outputs[o]);
            if (Arrays.equals(t.shape(), shapes[o])) {
                continue;
            }
            if (t.shape().length != 0) {
                throw ctx.error("output " + o + " " + t.label() + " has shape " + t.shapeString()
                        + ", the operator produces " + Arrays.toString(shapes[o]));
            }
            result = result.withTensor(t.withShape(shapes[o].clone()));
        }
        return result;
    }

    private static void refuseVariableAlias(OpContext ctx, TfliteModel model, int from, int to) {
        if (model.tensor(from).isVariable() || model.tensor(to).isVariable()) {
            throw ctx.unsupported("relabels variable tensor " + model.tensor(model.tensor(from).isVariable() ? from : to)
                    .label() + "; variable tensors cannot share memory with other tensors");
        }
    }

    /** Tensor ids of the operator's inputs at these positions; each must be present. */
    private static int[] tensorsAt(OpContext ctx, int[] positions) {
        int[] ids = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            if (p < 0 || p >= ctx.def.inputs().length || ctx.def.inputs()[p] < 0) {
                throw ctx.error("input " + p + " is missing");
            }
            ids[k] = ctx.def.inputs()[p];
        }
        return ids;
    }

    /**
     * Every operator of the model that this engine does not run, by {@link OperatorDef#name()} ("PACK",
     * "CUSTOM(Foo)"), with its count, in first-use order.
     */
    public static Map<String, Integer> unsupported(List<OperatorDef> defs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (OperatorDef def : defs) {
            if (!isSupported(def)) {
                counts.merge(def.name(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** @param labels per operator, how messages name it */
    private static void checkOperators(List<OperatorDef> defs, List<String> labels, Set<BuiltinOperator> allowed,
                                       Set<String> allowedCustom) {
        Map<String, Integer> missing = unsupported(defs);
        if (!missing.isEmpty()) {
            int first = 0;
            while (isSupported(defs.get(first))) {
                first++;
            }
            String list = missing.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
                    .collect(Collectors.joining(", "));
            throw new UnsupportedOperatorException(labels.get(first) + " is not supported (unsupported operators in this model: "
                    + list + "); supported operators: " + names(SUPPORTED, SUPPORTED_CUSTOM));
        }
        for (int i = 0; i < defs.size(); i++) {
            OperatorDef def = defs.get(i);
            if (def.isCustom() ? !allowedCustom.contains(def.customCode()) : !allowed.contains(def.op())) {
                throw new UnsupportedOperatorException(labels.get(i) + " is not registered in the op resolver; it allows: "
                        + names(allowed, allowedCustom));
            }
        }
    }

    private static String names(Set<BuiltinOperator> ops, Set<String> custom) {
        return java.util.stream.Stream.concat(ops.stream().map(Enum::name).sorted(),
                custom.stream().sorted().map(c -> OperatorDef.name(BuiltinOperator.CUSTOM, c)))
                .collect(Collectors.joining(", "));
    }
}
