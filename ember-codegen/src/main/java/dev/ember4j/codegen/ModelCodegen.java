/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.codegen;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ops.OperatorParams;
import dev.ember4j.tflite.ModelReader;
import dev.ember4j.tflite.prepare.ModelPreparer;
import dev.ember4j.tflite.prepare.OnceBlock;
import dev.ember4j.tflite.prepare.PreparedModel;
import dev.ember4j.tflite.prepare.PreparedOp;
import dev.ember4j.tflite.prepare.PreparedTensor;
import dev.ember4j.tflite.prepare.RunOrder;

import javax.lang.model.SourceVersion;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a TensorFlow Lite INT8 model into a Java class: the one implementation behind both the
 * {@code @Model} annotation processor and the {@code ember generate} command.
 *
 * <p>The generated class has only static members (no instances are needed: the model is immutable
 * data plus code). Its kernel parameter records are {@code static final} fields built once in the
 * static initializer from the weights resource; {@code invoke} is a straight-line sequence of
 * {@link dev.ember4j.core.KernelBackend} calls on fixed arena offsets, exactly as the Interpreter binds
 * them. See the generated class's Javadoc for its API and thread-safety rules.
 */
public final class ModelCodegen {
    private static final String KB = "dev.ember4j.core.KernelBackend";
    private static final String BO = "dev.ember4j.core.ops.BoundOps";

    private ModelCodegen() {}

    /** Generates class {@code packageName.className} implementing nothing. */
    public static GeneratedModel generate(byte[] modelBytes, String packageName, String className) {
        return generate(modelBytes, packageName, className, null, null);
    }

    /**
     * @param implementsType fully qualified (canonical) name of an interface the class implements, or null
     * @param sourceName     where the model came from, quoted in a comment (may be null)
     * @throws dev.ember4j.core.ModelFormatException        the model is malformed
     * @throws UnsupportedOperatorException                 an operator is unsupported, or an input/output is not int8
     * @throws IllegalArgumentException                      the package or class name is not a valid Java name
     */
    public static GeneratedModel generate(byte[] modelBytes, String packageName, String className,
                                          String implementsType, String sourceName) {
        String pkg = packageName == null ? "" : packageName;
        if (!pkg.isEmpty() && !SourceVersion.isName(pkg)) {
            throw new IllegalArgumentException("not a valid package name: '" + pkg + "'");
        }
        if (className == null || !SourceVersion.isIdentifier(className) || SourceVersion.isKeyword(className)) {
            throw new IllegalArgumentException("not a valid class name: '" + className + "'");
        }
        PreparedModel model = ModelPreparer.prepare(ModelReader.read(ByteBuffer.wrap(modelBytes)),
                ModelPreparer.SUPPORTED);
        Writer w = new Writer(model, pkg, className, implementsType, sourceName);
        w.sha256 = sha256(modelBytes);
        return w.write();
    }

    /** Model input/output types the generated API handles (raw bytes, and float conversions for input/output 0). */
    static final java.util.Set<TensorType> IO_TYPES = java.util.EnumSet.of(TensorType.INT8, TensorType.UINT8,
            TensorType.INT16, TensorType.INT32, TensorType.INT64, TensorType.FLOAT32, TensorType.BOOL);

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static final class Writer {
        String sha256 = "";
        final PreparedModel model;
        final String pkg;
        final String cls;
        final String iface;
        final String sourceName;
        final List<Object> weights = new ArrayList<>();
        final Map<Object, Integer> weightIndex = new IdentityHashMap<>();
        final StringBuilder sb = new StringBuilder();

        Writer(PreparedModel model, String pkg, String cls, String iface, String sourceName) {
            this.model = model;
            this.pkg = pkg;
            this.cls = cls;
            this.iface = iface;
            this.sourceName = sourceName;
        }

        int weight(Object array) {
            return weightIndex.computeIfAbsent(array, a -> {
                weights.add(a);
                return weights.size() - 1;
            });
        }

        PreparedTensor io(int tensorId, String what) {
            PreparedTensor t = model.tensor(tensorId);
            if (!IO_TYPES.contains(t.type())) {
                throw new UnsupportedOperatorException("model " + what + " " + t.label() + " has type " + t.type()
                        + "; generated code supports " + IO_TYPES + " model inputs and outputs");
            }
            if (t.isConstant() || t.arenaOffset() < 0) {
                throw new UnsupportedOperatorException("model " + what + " " + t.label()
                        + " is a constant tensor; generated code needs model inputs and outputs in the arena");
            }
            return t;
        }

        GeneratedModel write() {
            int[] inIds = model.inputs();
            int[] outIds = model.outputs();
            if (inIds.length == 0 || outIds.length == 0) {
                throw new UnsupportedOperatorException("model has " + inIds.length + " inputs and " + outIds.length
                        + " outputs; generated code needs at least one of each");
            }
            PreparedTensor[] ins = new PreparedTensor[inIds.length];
            PreparedTensor[] outs = new PreparedTensor[outIds.length];
            for (int i = 0; i < ins.length; i++) {
                ins[i] = io(inIds[i], "input " + i);
            }
            for (int i = 0; i < outs.length; i++) {
                outs[i] = io(outIds[i], "output " + i);
            }

            // Operators: parameter fields and the straight-line body.
            List<String> fieldDecls = new ArrayList<>();
            List<String> fieldInits = new ArrayList<>();
            List<String> calls = new ArrayList<>();
            List<String> paramFields = new ArrayList<>();
            Map<Integer, String> constantFields = new java.util.TreeMap<>();
            RunOrder.walk(model, new RunOrder() {
                private String indent = ""; // inside a CALL_ONCE block

                @Override
                public void onceBegin(OnceBlock block, int flagOffset) {
                    // runs on the first call after the arena's state was reset (the flag is a variable, reset to 0)
                    calls.add("if (arena[" + flagOffset + "] == 0) { // CALL_ONCE: subgraph " + block.subgraph()
                            + ", once per reset");
                    indent = "    ";
                }

                @Override
                public void operator(int position, PreparedOp op) {
                    int before = calls.size();
                    registryOperator(op, fieldDecls, fieldInits, calls, paramFields, constantFields);
                    calls.set(before, indent + calls.get(before));
                }

                @Override
                public void alias(int position, PreparedOp op) {
                    calls.add(indent + "// " + op.label() + ": aliased in place by the memory planner, nothing to run");
                }

                @Override
                public void onceEnd(OnceBlock block, int flagOffset) {
                    calls.add("    arena[" + flagOffset + "] = 1;");
                    calls.add("}");
                    indent = "";
                }
            });
            // Variable tensors (persistent state after the planned part of the arena) and their initial values.
            List<PreparedTensor> variables = model.variables();
            List<String> initial = new ArrayList<>();
            for (PreparedTensor v : variables) {
                initial.add("(byte[]) w[" + weight(v.initial()) + "]");
            }
            fieldDecls.add("private static final int[] VARIABLE_OFFSETS = "
                    + intArray(variables.stream().mapToInt(PreparedTensor::arenaOffset).toArray()) + ";");
            fieldDecls.add("private static final byte[][] VARIABLE_INITIAL;");
            fieldInits.add("VARIABLE_INITIAL = new byte[][] {" + String.join(", ", initial) + "};");
            byte[] resource = WeightsFormat.write(weights);
            String resourceName = cls + ".weights";
            emit(ins, outs, fieldDecls, fieldInits, calls, paramFields, resourceName);
            return new GeneratedModel(pkg, cls, sb.toString(), resourceName, resource);
        }

        /** Each operator's reference kernel (source text), in the order of the parameter fields. */
        final List<String> references = new ArrayList<>();

        /** An operator: its record, its tensors' slots, and a call of the kernel the backend bound for it. */
        void registryOperator(PreparedOp op, List<String> fieldDecls, List<String> fieldInits, List<String> calls,
                              List<String> paramFields, Map<Integer, String> constantFields) {
            OperatorParams p = op.params();
            String type = p.getClass().getCanonicalName();
            String field = "OP" + op.index();
            paramFields.add(field);
            fieldDecls.add("private static final " + type + " " + field + "; // " + op.name());
            fieldInits.add(field + " = new " + type + "(" + constructorArgs(p) + ");");
            String slot = "dev.ember4j.core.ops.Slot";
            fieldDecls.add("private static final " + slot + "[] IN" + op.index() + ";");
            fieldDecls.add("private static final " + slot + "[] OUT" + op.index() + ";");
            fieldInits.add("IN" + op.index() + " = new " + slot + "[] {" + slots(op.inputs(), constantFields, fieldDecls,
                    fieldInits) + "};");
            fieldInits.add("OUT" + op.index() + " = new " + slot + "[] {" + slots(op.outputs(), constantFields, fieldDecls,
                    fieldInits) + "};");
            references.add(kernelReference(op));
            calls.add("k.kernel(" + (paramFields.size() - 1) + ").run(" + field + ", IN" + op.index()
                    + ", OUT" + op.index() + ", arena, scratch); // " + op.label());
        }

        /**
         * Source text naming the operator's reference kernel: the public static final OpKernel field that holds
         * exactly the kernel the operator was prepared with, on its kernel class (else its spec class).
         */
        static String kernelReference(PreparedOp op) {
            // Where the kernel is declared: first the kernel's own class (the nest host of a lambda, a method
            // reference or a nested class), so that generated code names kernel classes, which need only
            // ember-core, and not the prepare classes, which need the model reader; then the spec class and
            // the classes enclosing it (a custom operator's own layout).
            List<Class<?>> candidates = new ArrayList<>();
            candidates.add(op.kernel().getClass().getNestHost());
            for (Class<?> c = op.spec().getClass(); c != null; c = c.getEnclosingClass()) {
                candidates.add(c);
            }
            for (Class<?> c : candidates) {
                for (java.lang.reflect.Field f : c.getFields()) {
                    int mod = f.getModifiers();
                    if (java.lang.reflect.Modifier.isStatic(mod) && java.lang.reflect.Modifier.isFinal(mod)
                            && dev.ember4j.core.ops.OpKernel.class.isAssignableFrom(f.getType())) {
                        try {
                            if (f.get(null) == op.kernel()) {
                                return c.getCanonicalName() + "." + f.getName();
                            }
                        } catch (IllegalAccessException e) {
                            // not accessible: keep looking
                        }
                    }
                }
            }
            throw new UnsupportedOperatorException(op.label() + ": no public static final OpKernel field of "
                    + candidates + " holds its kernel; generated code cannot call it");
        }

        String slots(int[] ids, Map<Integer, String> constantFields, List<String> fieldDecls, List<String> fieldInits) {
            List<String> out = new ArrayList<>();
            for (int id : ids) {
                PreparedTensor t = model.tensor(id);
                if (t.isConstant()) {
                    out.add("dev.ember4j.core.ops.Slot.constant(" + constantField(t, constantFields, fieldDecls, fieldInits) + ")");
                } else {
                    out.add("dev.ember4j.core.ops.Slot.arena(" + t.arenaOffset() + ")");
                }
            }
            return String.join(", ", out);
        }

        String constantField(PreparedTensor t, Map<Integer, String> constantFields, List<String> fieldDecls,
                             List<String> fieldInits) {
            String cf = "T" + t.index();
            if (!constantFields.containsKey(t.index())) {
                constantFields.put(t.index(), cf);
                fieldDecls.add("private static final byte[] " + cf + "; // constant " + t);
                fieldInits.add(cf + " = (byte[]) w[" + weight(t.constant()) + "];");
            }
            return cf;
        }

        String constructorArgs(OperatorParams p) {
            List<String> args = new ArrayList<>();
            for (RecordComponent c : p.getClass().getRecordComponents()) {
                Object v;
                try {
                    v = c.getAccessor().invoke(p);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c, e);
                }
                if (v == null) {
                    args.add("null");
                } else if (v instanceof Integer i) {
                    args.add(Integer.toString(i));
                } else if (v instanceof Long l) {
                    args.add(l + "L");
                } else if (v instanceof Boolean b) {
                    args.add(b.toString());
                } else if (v instanceof Float f) {
                    args.add(floatLiteral(f));
                } else if (v instanceof Double d) {
                    args.add("Double.longBitsToDouble(0x" + Long.toHexString(Double.doubleToRawLongBits(d)) + "L)");
                } else if (v instanceof byte[]) {
                    args.add("(byte[]) w[" + weight(v) + "]");
                } else if (v instanceof int[]) {
                    args.add("(int[]) w[" + weight(v) + "]");
                } else {
                    throw new IllegalStateException("cannot generate " + c + " of type " + v.getClass());
                }
            }
            return String.join(", ", args);
        }

        void line(int indent, String s) {
            sb.append("    ".repeat(indent)).append(s).append('\n');
        }

        static String floatLiteral(float f) {
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                return "Float.intBitsToFloat(0x" + Integer.toHexString(Float.floatToRawIntBits(f)) + ")";
            }
            return f + "f";
        }

        static String shapes(PreparedTensor[] ts) {
            return "{" + String.join(", ", Arrays.stream(ts).map(t -> "new int[] " + intArray(t.shape())).toList()) + "}";
        }

        static String types(PreparedTensor[] ts) {
            return "{" + String.join(", ", Arrays.stream(ts).map(t -> "dev.ember4j.core.TensorType." + t.type().name()).toList()) + "}";
        }

        static String floats(PreparedTensor[] ts) {
            return "{" + String.join(", ", Arrays.stream(ts).map(t -> floatLiteral(t.scale())).toList()) + "}";
        }

        /** Instances: one backend, the CompiledModel methods over the static ones. */
        void instanceFace() {
            String kb = KB;
            String parallel = "dev.ember4j.core.parallel.ParallelBackend";
            line(1, "private final " + kb + " backend;");
            line(1, "/** The kernel of each operator on that backend, chosen when this instance was created. */");
            line(1, "private final " + BO + " bound;");
            line(1, "/** The worker threads this instance started ({@code create(backend, threads)}), or null. */");
            line(1, "private final " + parallel + " parallel;");
            line(0, "");
            line(1, "private " + cls + "(" + kb + " backend, " + parallel + " parallel, " + BO + " bound) {");
            line(2, "this.backend = java.util.Objects.requireNonNull(backend, \"backend\");");
            line(2, "this.bound = bound;");
            line(2, "this.parallel = parallel;");
            line(1, "}");
            line(0, "");
            line(1, "/** This model on {@code backend}; instances share the weights and may be used from several threads. */");
            line(1, "public static " + cls + " create(" + kb + " backend) {");
            line(2, BO + " k = bind(backend);");
            line(2, "k.prepare();");
            line(2, "return new " + cls + "(backend, null, k);");
            line(1, "}");
            line(0, "");
            line(1, "/**");
            line(1, " * This model on {@code backend} with {@code threads} threads per run: {@code threads > 1} starts");
            line(1, " * {@code threads - 1} worker threads ({@link " + parallel + "}) that split the large");
            line(1, " * convolutions by output rows (same bytes, nothing allocated per run); {@link #close()} stops them.");
            line(1, " */");
            line(1, "public static " + cls + " create(" + kb + " backend, int threads) {");
            line(2, "if (threads < 1) {");
            line(3, "throw new IllegalArgumentException(\"threads must be at least 1, got \" + threads);");
            line(2, "}");
            line(2, "if (threads == 1) {");
            line(3, "return create(backend);");
            line(2, "}");
            line(2, parallel + " p = new " + parallel + "(backend, threads);");
            line(2, "return new " + cls + "(p, p, " + BO + ".bind(p, PARAMS, REFERENCES));");
            line(1, "}");
            line(0, "");
            line(1, "/** Stops the worker threads this instance started; nothing for a single-threaded instance. */");
            line(1, "@Override");
            line(1, "public void close() {");
            line(2, "if (parallel != null) {");
            line(3, "parallel.close();");
            line(2, "}");
            line(1, "}");
            line(0, "");
            String[][] simple = {
                {"public " + kb + " backend()", "return backend;"},
                {"public int inputCount()", "return INPUT_COUNT;"},
                {"public int outputCount()", "return OUTPUT_COUNT;"},
                {"public int[] inputShape(int i)", "return INPUT_SHAPES[i].clone();"},
                {"public int[] outputShape(int i)", "return OUTPUT_SHAPES[i].clone();"},
                {"public dev.ember4j.core.TensorType inputType(int i)", "return INPUT_TYPES[i];"},
                {"public dev.ember4j.core.TensorType outputType(int i)", "return OUTPUT_TYPES[i];"},
                {"public int inputBytes(int i)", "return INPUT_LENGTHS[i];"},
                {"public int outputBytes(int i)", "return OUTPUT_LENGTHS[i];"},
                {"public float inputScale(int i)", "return INPUT_SCALES[i];"},
                {"public int inputZeroPoint(int i)", "return INPUT_ZERO_POINTS[i];"},
                {"public float outputScale(int i)", "return OUTPUT_SCALES[i];"},
                {"public int outputZeroPoint(int i)", "return OUTPUT_ZERO_POINTS[i];"},
                {"public void run(byte[] input, byte[] output)", "Workspace ws = WORKSPACE.get();\n        run(bound, input, output, ws.arena, ws.scratch(bound));"},
                {"public void run(float[] input, float[] output)", "predict(bound, input, output);"},
                {"public void run(byte[][] inputs, byte[][] outputs)", "Workspace ws = WORKSPACE.get();\n        run(bound, inputs, outputs, ws.arena, ws.scratch(bound));"},
                {"public void reset()", "resetVariables();"},
            };
            for (String[] m : simple) {
                line(1, "/** See {@link dev.ember4j.core.CompiledModel}. */");
                line(1, "@Override");
                line(1, m[0] + " {");
                line(2, m[1]);
                line(1, "}");
                line(0, "");
            }
        }

        static String intArray(int[] v) {
            return "{" + String.join(", ", Arrays.stream(v).mapToObj(Integer::toString).toList()) + "}";
        }

        void emit(PreparedTensor[] ins, PreparedTensor[] outs, List<String> fieldDecls, List<String> fieldInits,
                  List<String> calls, List<String> paramFields, String resourceName) {
            boolean multiIn = ins.length > 1;
            PreparedTensor in0 = ins[0];
            PreparedTensor out0 = outs[0];
            int[] inOffsets = Arrays.stream(ins).mapToInt(PreparedTensor::arenaOffset).toArray();
            int[] inLengths = Arrays.stream(ins).mapToInt(PreparedTensor::byteSize).toArray();
            int[] outOffsets = Arrays.stream(outs).mapToInt(PreparedTensor::arenaOffset).toArray();
            int[] outLengths = Arrays.stream(outs).mapToInt(PreparedTensor::byteSize).toArray();
            String single = multiIn
                    ? "        throw new IllegalStateException(\"this model has \" + INPUT_COUNT + \" inputs; "
                    + "use predictQuantized(KernelBackend, byte[][], byte[][])\");"
                    : null;

            line(0, "// Generated by ember4j-codegen" + (sourceName == null ? "" : " from " + sourceName.replace('\n', ' '))
                    + ". Do not edit.");
            if (!pkg.isEmpty()) {
                line(0, "package " + pkg + ";");
                line(0, "");
            }
            line(0, "/**");
            line(0, " * Compiled TensorFlow Lite model: " + model.ops().size() + " operators, " + ins.length
                    + " input(s), " + outs.length + " output(s), arena " + model.plan().arenaBytes() + " bytes.");
            line(0, " * Input 0 " + Arrays.toString(in0.shape()) + " scale " + in0.scale() + " zero point " + in0.zeroPoint()
                    + "; output 0 " + Arrays.toString(out0.shape()) + " scale " + out0.scale() + " zero point "
                    + out0.zeroPoint() + ".");
            line(0, " *");
            line(0, " * <p>Two faces: static methods taking the backend (the full-control, zero-allocation path, with");
            line(0, " * caller-supplied arena and scratch), and instances from {@link #create} implementing");
            line(0, " * {@link dev.ember4j.core.CompiledModel}" + (iface == null ? "" : " and {@link " + iface + "}")
                    + " on one backend. Weights are read once, in the static initializer, from the class-path");
            line(0, " * resource {@value #RESOURCE_NAME} next to this class.");
            line(0, " *");
            line(0, " * <p>Thread-safety and memory: the variants that take {@code arena} and {@code scratch} use only the");
            line(0, " * caller's arrays, allocate nothing and are safe to call concurrently with distinct arrays. The other");
            line(0, " * variants use a per-thread workspace (arena, scratch, float-conversion buffers) held in a ThreadLocal:");
            line(0, " * the first call on each thread allocates it (and the scratch grows once if a backend needs more);");
            line(0, " * later calls allocate nothing. Single-tensor methods use model input 0 and output 0;");
            line(0, " * the {@code byte[][]} variants pass every input and output. Wrong array lengths throw");
            line(0, " * IllegalArgumentException naming the expected and actual sizes.");
            line(0, " *");
            line(0, " * <p>State: this model has " + model.variables().size() + " variable tensor(s) (state of stateful operators");
            line(0, " * such as SVDF and LSTM, resource variables, CALL_ONCE flags), kept in the arena after the part reused");
            line(0, " * between operators, at");
            line(0, " * {@code VARIABLE_OFFSETS}. Each call updates the state of the arena it runs on and the next call on the");
            line(0, " * same arena continues from it (one frame per call). The per-thread workspace starts reset; a caller's");
            line(0, " * arena must be reset with {@link #resetVariables(byte[])} before its first call (and whenever a new");
            line(0, " * sequence starts; the next call then runs the CALL_ONCE initialization again); {@link #resetVariables()}");
            line(0, " * resets this thread's workspace. Sharing an arena between");
            line(0, " * threads shares (and races on) its state.");
            line(0, " */");
            line(0, "@javax.annotation.processing.Generated(value = \"dev.ember4j.codegen.ModelCodegen\", comments = \"model sha256 "
                    + sha256 + "\")");
            line(0, "public final class " + cls + " implements " + (iface == null ? "" : iface + ", ")
                    + "dev.ember4j.core.CompiledModel {");
            line(1, "/** SHA-256 of the model file this class was generated from (a build can compare it to detect a stale class). */");
            line(1, "public static final String MODEL_SHA256 = \"" + sha256 + "\";");
            line(1, "/** Bytes of model input 0. */");
            line(1, "public static final int INPUT_LENGTH = " + in0.byteSize() + ";");
            line(1, "/** Bytes of model output 0. */");
            line(1, "public static final int OUTPUT_LENGTH = " + out0.byteSize() + ";");
            line(1, "/** Elements of model input 0 (" + in0.type() + "). */");
            line(1, "public static final int INPUT_ELEMENTS = " + in0.elementCount() + ";");
            line(1, "/** Elements of model output 0 (" + out0.type() + "). */");
            line(1, "public static final int OUTPUT_ELEMENTS = " + out0.elementCount() + ";");
            line(1, "/** Bytes of arena (activation memory) one inference needs. */");
            line(1, "public static final int ARENA_BYTES = " + model.plan().arenaBytes() + ";");
            line(1, "/** Number of model inputs. */");
            line(1, "public static final int INPUT_COUNT = " + ins.length + ";");
            line(1, "/** Number of model outputs. */");
            line(1, "public static final int OUTPUT_COUNT = " + outs.length + ";");
            line(1, "/** Name of the weights resource, relative to this class. */");
            line(1, "public static final String RESOURCE_NAME = \"" + resourceName + "\";");
            line(0, "");
            line(1, "private static final float INPUT_SCALE = " + floatLiteral(in0.scale()) + ";");
            line(1, "private static final int INPUT_ZERO_POINT = " + in0.zeroPoint() + ";");
            line(1, "private static final float OUTPUT_SCALE = " + floatLiteral(out0.scale()) + ";");
            line(1, "private static final int OUTPUT_ZERO_POINT = " + out0.zeroPoint() + ";");
            line(1, "private static final int[] INPUT_OFFSETS = " + intArray(inOffsets) + ";");
            line(1, "private static final int[] INPUT_LENGTHS = " + intArray(inLengths) + ";");
            line(1, "private static final int[] OUTPUT_OFFSETS = " + intArray(outOffsets) + ";");
            line(1, "private static final int[] OUTPUT_LENGTHS = " + intArray(outLengths) + ";");
            line(1, "/** Shapes of the model inputs, in input order (do not modify). */");
            line(1, "public static final int[][] INPUT_SHAPES = " + shapes(ins) + ";");
            line(1, "/** Shapes of the model outputs, in output order (do not modify). */");
            line(1, "public static final int[][] OUTPUT_SHAPES = " + shapes(outs) + ";");
            line(1, "private static final dev.ember4j.core.TensorType[] INPUT_TYPES = " + types(ins) + ";");
            line(1, "private static final dev.ember4j.core.TensorType[] OUTPUT_TYPES = " + types(outs) + ";");
            line(1, "private static final float[] INPUT_SCALES = " + floats(ins) + ";");
            line(1, "private static final float[] OUTPUT_SCALES = " + floats(outs) + ";");
            line(1, "private static final int[] INPUT_ZERO_POINTS = " + intArray(Arrays.stream(ins).mapToInt(PreparedTensor::zeroPoint).toArray()) + ";");
            line(1, "private static final int[] OUTPUT_ZERO_POINTS = " + intArray(Arrays.stream(outs).mapToInt(PreparedTensor::zeroPoint).toArray()) + ";");
            line(1, "private static final int WEIGHT_ARRAYS = " + weights.size() + ";");
            line(0, "");
            for (String d : fieldDecls) {
                line(1, d);
            }
            line(1, "/** The operators' parameter records and reference kernels, in call order: what a backend binds. */");
            line(1, "private static final dev.ember4j.core.ops.OperatorParams[] PARAMS;");
            line(1, "private static final dev.ember4j.core.ops.OpKernel<?>[] REFERENCES;");
            line(1, "/** The kernels each backend chose (the static methods' backends; bound once per backend). */");
            line(1, "private static final dev.ember4j.core.IdentityCache<" + KB + ", " + BO + "> BOUND = new dev.ember4j.core.IdentityCache<>();");
            line(0, "");
            line(1, "static {");
            line(2, "Object[] w = loadWeights();");
            for (String s : fieldInits) {
                line(2, s);
            }
            line(2, "PARAMS = new dev.ember4j.core.ops.OperatorParams[] {" + String.join(", ", paramFields) + "};");
            line(2, "REFERENCES = new dev.ember4j.core.ops.OpKernel<?>[] {" + String.join(", ", references) + "};");
            line(1, "}");
            line(0, "");
            line(1, "private static final ThreadLocal<Workspace> WORKSPACE = ThreadLocal.withInitial(Workspace::new);");
            line(0, "");
            // accessors
            line(1, "/** Bytes of model input 0. */");
            line(1, "public static int inputLength() {");
            line(2, "return INPUT_LENGTH;");
            line(1, "}");
            line(0, "");
            line(1, "/** Bytes of model output 0. */");
            line(1, "public static int outputLength() {");
            line(2, "return OUTPUT_LENGTH;");
            line(1, "}");
            line(0, "");
            line(1, "/** Bytes of model input {@code i}. */");
            line(1, "public static int inputLength(int i) {");
            line(2, "return INPUT_LENGTHS[i];");
            line(1, "}");
            line(0, "");
            line(1, "/** Bytes of model output {@code i}. */");
            line(1, "public static int outputLength(int i) {");
            line(2, "return OUTPUT_LENGTHS[i];");
            line(1, "}");
            line(0, "");
            line(1, "public static float inputScale() {");
            line(2, "return INPUT_SCALE;");
            line(1, "}");
            line(0, "");
            line(1, "public static int inputZeroPoint() {");
            line(2, "return INPUT_ZERO_POINT;");
            line(1, "}");
            line(0, "");
            line(1, "public static float outputScale() {");
            line(2, "return OUTPUT_SCALE;");
            line(1, "}");
            line(0, "");
            line(1, "public static int outputZeroPoint() {");
            line(2, "return OUTPUT_ZERO_POINT;");
            line(1, "}");
            line(0, "");
            line(1, "/** Number of variable tensors (persistent state) of the model. */");
            line(1, "public static final int VARIABLE_COUNT = " + model.variables().size() + ";");
            line(0, "");
            line(1, "/** Restores the state (every variable tensor) in {@code arena} to its initial value. Allocates nothing. */");
            line(1, "public static void resetVariables(byte[] arena) {");
            line(2, "if (arena.length < ARENA_BYTES) {");
            line(3, "throw new IllegalArgumentException(\"arena has length \" + arena.length + \", expected at least \" + ARENA_BYTES);");
            line(2, "}");
            line(2, "for (int i = 0; i < VARIABLE_OFFSETS.length; i++) {");
            line(3, "System.arraycopy(VARIABLE_INITIAL[i], 0, arena, VARIABLE_OFFSETS[i], VARIABLE_INITIAL[i].length);");
            line(2, "}");
            line(1, "}");
            line(0, "");
            line(1, "/** Restores the state of this thread's workspace (used by the variants without an arena argument). */");
            line(1, "public static void resetVariables() {");
            line(2, "resetVariables(WORKSPACE.get().arena);");
            line(1, "}");
            line(0, "");
            line(1, "/**");
            line(1, " * The kernel {@code backend} chose for each operator, bound once per backend (the choice, weight packing");
            line(1, " * and this thread's working arrays happen here, never in a run) and then cached.");
            line(1, " */");
            line(1, "public static " + BO + " bind(" + KB + " backend) {");
            line(2, BO + " k = BOUND.get(java.util.Objects.requireNonNull(backend, \"backend\"));");
            line(2, "return k != null ? k : BOUND.computeIfAbsent(backend, b -> " + BO + ".bind(b, PARAMS, REFERENCES));");
            line(1, "}");
            line(0, "");
            line(1, "/**");
            line(1, " * Lets {@code backend}'s kernels pack weights and size their working arrays for every operator, on the");
            line(1, " * calling thread, so that no predict allocates. {@link #create} and each thread's workspace call it;");
            line(1, " * callers of the variants with their own arena call it once per backend and thread.");
            line(1, " */");
            line(1, "public static void prepareBackend(" + KB + " backend) {");
            line(2, "bind(backend).prepare();");
            line(1, "}");
            line(0, "");
            line(1, "/** Scratch bytes {@code backend} needs for this model: the most any operator's kernel asks for. */");
            line(1, "public static int scratchLength(" + KB + " backend) {");
            line(2, "return bind(backend).scratchBytes();");
            line(1, "}");
            line(0, "");
            // predict variants
            line(1, "/** Runs the model on int8 {@code input}, writing {@code output}; uses this thread's workspace. */");
            line(1, "public static void predictQuantized(" + KB + " backend, byte[] input, byte[] output) {");
            line(2, BO + " k = bind(backend);");
            line(2, "Workspace ws = WORKSPACE.get();");
            line(2, "run(k, input, output, ws.arena, ws.scratch(k));");
            line(1, "}");
            line(0, "");
            line(1, "/** As {@link #predictQuantized(" + KB + ", byte[], byte[])} with the caller's scratch memory. */");
            line(1, "public static void predictQuantizedWithScratch(" + KB + " backend, byte[] input, byte[] output, "
                    + "byte[] scratch) {");
            line(2, "run(bind(backend), input, output, WORKSPACE.get().arena, scratch);");
            line(1, "}");
            line(0, "");
            line(1, "/**");
            line(1, " * Runs the model using only the caller's memory: {@code arena} of at least {@link #ARENA_BYTES} and");
            line(1, " * {@code scratch} of at least {@link #scratchLength} bytes. Allocates nothing.");
            line(1, " */");
            line(1, "public static void predictQuantized(" + KB + " backend, byte[] input, byte[] output, byte[] arena, "
                    + "byte[] scratch) {");
            line(2, "run(bind(backend), input, output, arena, scratch);");
            line(1, "}");
            line(0, "");
            line(1, "private static void run(" + BO + " k, byte[] input, byte[] output, byte[] arena, byte[] scratch) {");
            if (single != null) {
                line(0, single);
            } else {
                line(2, "checkLength(\"input\", input.length, INPUT_LENGTH);");
                line(2, "checkLength(\"output\", output.length, OUTPUT_LENGTH);");
                line(2, "checkMemory(k, arena, scratch);");
                line(2, "System.arraycopy(input, 0, arena, INPUT_OFFSETS[0], INPUT_LENGTH);");
                line(2, "invoke(k, arena, scratch);");
                line(2, "System.arraycopy(arena, OUTPUT_OFFSETS[0], output, 0, OUTPUT_LENGTH);");
            }
            line(1, "}");
            line(0, "");
            line(1, "/** Runs the model on every input ({@link #INPUT_COUNT} arrays), writing every output; uses this thread's workspace. */");
            line(1, "public static void predictQuantized(" + KB + " backend, byte[][] inputs, byte[][] outputs) {");
            line(2, BO + " k = bind(backend);");
            line(2, "Workspace ws = WORKSPACE.get();");
            line(2, "run(k, inputs, outputs, ws.arena, ws.scratch(k));");
            line(1, "}");
            line(0, "");
            line(1, "/** Multi-tensor variant using only the caller's memory. Allocates nothing. */");
            line(1, "public static void predictQuantized(" + KB + " backend, byte[][] inputs, byte[][] outputs, "
                    + "byte[] arena, byte[] scratch) {");
            line(2, "run(bind(backend), inputs, outputs, arena, scratch);");
            line(1, "}");
            line(0, "");
            line(1, "private static void run(" + BO + " k, byte[][] inputs, byte[][] outputs, byte[] arena, byte[] scratch) {");
            line(2, "checkLength(\"inputs\", inputs.length, INPUT_COUNT);");
            line(2, "checkLength(\"outputs\", outputs.length, OUTPUT_COUNT);");
            line(2, "for (int i = 0; i < INPUT_COUNT; i++) {");
            line(3, "checkLength(\"input \" + i, inputs[i].length, INPUT_LENGTHS[i]);");
            line(2, "}");
            line(2, "for (int i = 0; i < OUTPUT_COUNT; i++) {");
            line(3, "checkLength(\"output \" + i, outputs[i].length, OUTPUT_LENGTHS[i]);");
            line(2, "}");
            line(2, "checkMemory(k, arena, scratch);");
            line(2, "for (int i = 0; i < INPUT_COUNT; i++) {");
            line(3, "System.arraycopy(inputs[i], 0, arena, INPUT_OFFSETS[i], INPUT_LENGTHS[i]);");
            line(2, "}");
            line(2, "invoke(k, arena, scratch);");
            line(2, "for (int i = 0; i < OUTPUT_COUNT; i++) {");
            line(3, "System.arraycopy(arena, OUTPUT_OFFSETS[i], outputs[i], 0, OUTPUT_LENGTHS[i]);");
            line(2, "}");
            line(1, "}");
            line(0, "");
            line(1, "/**");
            line(1, " * Float convenience: converts {@code input} to input 0's encoding (a float32 input is copied; an");
            line(1, " * integer one is quantized as round half away from zero of x / inputScale plus the zero point,");
            line(1, " * clamped, as TFLite's QUANTIZE), runs the model with this thread's workspace and converts output 0");
            line(1, " * back (float32 copied; integer dequantized as outputScale * (q - outputZeroPoint)).");
            line(1, " */");
            line(1, "public static void predict(" + KB + " backend, float[] input, float[] output) {");
            line(2, "predict(bind(backend), input, output);");
            line(1, "}");
            line(0, "");
            line(1, "private static void predict(" + BO + " k, float[] input, float[] output) {");
            if (single != null) {
                line(0, single);
            } else {
                line(2, "checkLength(\"input\", input.length, INPUT_ELEMENTS);");
                line(2, "checkLength(\"output\", output.length, OUTPUT_ELEMENTS);");
                line(2, "Workspace ws = WORKSPACE.get();");
                line(2, "quantizeInput(input, ws.input);");
                line(2, "run(k, ws.input, ws.output, ws.arena, ws.scratch(k));");
                line(2, "dequantizeOutput(ws.output, output);");
            }
            line(1, "}");
            line(0, "");
            line(1, "/** Converts floats to model input 0's encoding (" + in0.type() + "). */");
            line(1, "public static void quantizeInput(float[] values, byte[] quantized) {");
            line(2, "checkLength(\"quantized\", quantized.length, values.length * " + in0.type().bytes() + ");");
            line(2, "dev.ember4j.core.quant.RealValues.quantize(values, dev.ember4j.core.TensorType." + in0.type().name()
                    + ", INPUT_SCALE, INPUT_ZERO_POINT, quantized, 0);");
            line(1, "}");
            line(0, "");
            line(1, "/** Converts model output 0's encoding (" + out0.type() + ") to floats. */");
            line(1, "public static void dequantizeOutput(byte[] quantized, float[] values) {");
            line(2, "checkLength(\"quantized\", quantized.length, values.length * " + out0.type().bytes() + ");");
            line(2, "dev.ember4j.core.quant.RealValues.dequantize(quantized, 0, dev.ember4j.core.TensorType."
                    + out0.type().name() + ", OUTPUT_SCALE, OUTPUT_ZERO_POINT, values);");
            line(1, "}");
            line(0, "");
            line(1, "/** The operators, straight-line, each through the kernel its backend chose. */");
            line(1, "@SuppressWarnings(\"unchecked\")");
            line(1, "private static void invoke(" + BO + " k, byte[] arena, byte[] scratch) {");
            for (String c : calls) {
                line(2, c);
            }
            line(1, "}");
            line(0, "");
            line(1, "private static void checkLength(String what, int actual, int expected) {");
            line(2, "if (actual != expected) {");
            line(3, "throw new IllegalArgumentException(what + \" has length \" + actual + \", expected \" + expected);");
            line(2, "}");
            line(1, "}");
            line(0, "");
            line(1, "private static void checkMemory(" + BO + " k, byte[] arena, byte[] scratch) {");
            line(2, "if (arena.length < ARENA_BYTES) {");
            line(3, "throw new IllegalArgumentException(\"arena has length \" + arena.length + \", expected at least \" + ARENA_BYTES);");
            line(2, "}");
            line(2, "int s = k.scratchBytes();");
            line(2, "if (scratch.length < s) {");
            line(3, "throw new IllegalArgumentException(\"scratch has length \" + scratch.length + \", expected at least \" + s);");
            line(2, "}");
            line(1, "}");
            line(0, "");
            line(1, "/** Per-thread working memory of the variants without an arena argument. */");
            line(1, "private static final class Workspace {");
            line(2, "final byte[] arena = new byte[ARENA_BYTES];");
            line(2, "final byte[] input = new byte[INPUT_LENGTH];");
            line(2, "final byte[] output = new byte[OUTPUT_LENGTH];");
            line(2, "byte[] scratch = new byte[0];");
            line(2, "/** The kernels last prepared on this thread. */");
            line(2, BO + " bound;");
            line(0, "");
            line(2, "Workspace() {");
            line(3, "resetVariables(arena);");
            line(2, "}");
            line(0, "");
            line(2, "byte[] scratch(" + BO + " k) {");
            line(3, "if (k != bound) {");
            line(4, "if (k.scratchBytes() > scratch.length) {");
            line(5, "scratch = new byte[k.scratchBytes()];");
            line(4, "}");
            line(4, "k.prepare();");
            line(4, "bound = k;");
            line(3, "}");
            line(3, "return scratch;");
            line(2, "}");
            line(1, "}");
            line(0, "");
            instanceFace();
            line(1, "private static Object[] loadWeights() {");
            line(2, "try (java.io.InputStream raw = " + cls + ".class.getResourceAsStream(RESOURCE_NAME)) {");
            line(3, "if (raw == null) {");
            line(4, "throw new IllegalStateException(\"weights resource \" + RESOURCE_NAME + \" not found next to \"");
            line(6, "+ " + cls + ".class.getName() + \" on the class path\");");
            line(3, "}");
            line(3, "java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(raw));");
            line(3, "if (in.readInt() != 0x" + Integer.toHexString(WeightsFormat.MAGIC) + " || in.readInt() != "
                    + WeightsFormat.VERSION + ") {");
            line(4, "throw new IllegalStateException(RESOURCE_NAME + \" is not an ember4j weights file (version "
                    + WeightsFormat.VERSION + ")\");");
            line(3, "}");
            line(3, "int count = in.readInt();");
            line(3, "if (count != WEIGHT_ARRAYS) {");
            line(4, "throw new IllegalStateException(RESOURCE_NAME + \" has \" + count + \" arrays, expected \" + WEIGHT_ARRAYS);");
            line(3, "}");
            line(3, "Object[] w = new Object[count];");
            line(3, "for (int i = 0; i < count; i++) {");
            line(4, "int kind = in.readUnsignedByte();");
            line(4, "int length = in.readInt();");
            line(4, "if (kind == " + WeightsFormat.KIND_INT8 + ") {");
            line(5, "byte[] b = new byte[length];");
            line(5, "in.readFully(b);");
            line(5, "w[i] = b;");
            line(4, "} else if (kind == " + WeightsFormat.KIND_INT32 + ") {");
            line(5, "byte[] b = new byte[Math.multiplyExact(length, 4)];");
            line(5, "in.readFully(b);");
            line(5, "int[] v = new int[length];");
            line(5, "java.nio.ByteBuffer.wrap(b).asIntBuffer().get(v);");
            line(5, "w[i] = v;");
            line(4, "} else {");
            line(5, "throw new IllegalStateException(RESOURCE_NAME + \": array \" + i + \" has unknown kind \" + kind);");
            line(4, "}");
            line(3, "}");
            line(3, "if (in.read() != -1) {");
            line(4, "throw new IllegalStateException(RESOURCE_NAME + \" has trailing bytes\");");
            line(3, "}");
            line(3, "return w;");
            line(2, "} catch (java.io.IOException e) {");
            line(3, "throw new java.io.UncheckedIOException(\"cannot read \" + RESOURCE_NAME, e);");
            line(2, "}");
            line(1, "}");
            line(0, "}");
        }
    }
}
