/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Test-only walker over a valid TensorFlow Lite flatbuffer, independent of the engine's reader: it
 * records the byte offset of every structural item (table start, vtable, vtable and table end,
 * vector length field and vector end, string) and of every field it knows the meaning of, so the
 * malformed-model tests can truncate at exact boundaries and mutate exact fields. Field numbers
 * follow tensorflow/lite/schema/schema.fbs.
 */
final class FuzzModelWalker {

    /** What a recorded location is; drives the values the targeted mutations write there. */
    enum Kind {
        // structure
        UOFFSET(4), VTABLE_OFFSET(4), VTABLE_SIZE(2), TABLE_SIZE(2), VTABLE_ENTRY(2), VECTOR_LENGTH(4),
        // model and operator codes
        VERSION(4), BUILTIN_CODE(4), DEPRECATED_CODE(1), OPCODE_VERSION(4),
        // tensors
        SHAPE_DIM(4), TENSOR_TYPE(1), TENSOR_BUFFER(4), SCALE(4), ZERO_POINT(8), QUANTIZED_DIMENSION(4),
        // graph
        TENSOR_INDEX(4), OPCODE_INDEX(4), OPTIONS_TYPE(1),
        // builtin options
        OPTION_INT(4), OPTION_ENUM(1), OPTION_BOOL(1), OPTION_FLOAT(4),
        // buffers kept outside the flatbuffer
        BUFFER_LOCATION(8),
        // any other scalar
        OTHER_U8(1), OTHER_I32(4);

        final int width;

        Kind(int width) {
            this.width = width;
        }
    }

    /** One mutable location: {@code path} names it for failure messages. */
    record Field(String path, Kind kind, int pos) {
        int width() {
            return kind.width;
        }
    }

    // ---- a tiny schema: each table lists (field index, name, type) ----

    private sealed interface Type permits Scalar, Str, Tab, VecScalar, VecTab, Union {}

    private record Scalar(Kind kind) implements Type {}

    private record Str() implements Type {}

    private record Tab(String schema) implements Type {}

    /** A vector of scalars; {@code kind} null = payload bytes (not mutated element by element). */
    private record VecScalar(int elementBytes, Kind kind) implements Type {}

    private record VecTab(String schema) implements Type {}

    /** A union value; its type is the u8 field {@code typeField} of the same table. */
    private record Union(int typeField, Map<Integer, String> schemas) implements Type {}

    private record Def(int index, String name, Type type) {}

    private static Def f(int index, String name, Type type) {
        return new Def(index, name, type);
    }

    private static final Map<String, List<Def>> SCHEMA = Map.ofEntries(
            Map.entry("Model", List.of(
                    f(0, "version", new Scalar(Kind.VERSION)),
                    f(1, "operator_codes", new VecTab("OperatorCode")),
                    f(2, "subgraphs", new VecTab("SubGraph")),
                    f(3, "description", new Str()),
                    f(4, "buffers", new VecTab("Buffer")),
                    f(5, "metadata_buffer", new VecScalar(4, Kind.OTHER_I32)),
                    f(6, "metadata", new VecTab("Metadata")),
                    f(7, "signature_defs", new VecTab("SignatureDef")))),
            Map.entry("OperatorCode", List.of(
                    f(0, "deprecated_builtin_code", new Scalar(Kind.DEPRECATED_CODE)),
                    f(1, "custom_code", new Str()),
                    f(2, "version", new Scalar(Kind.OPCODE_VERSION)),
                    f(3, "builtin_code", new Scalar(Kind.BUILTIN_CODE)))),
            Map.entry("SubGraph", List.of(
                    f(0, "tensors", new VecTab("Tensor")),
                    f(1, "inputs", new VecScalar(4, Kind.TENSOR_INDEX)),
                    f(2, "outputs", new VecScalar(4, Kind.TENSOR_INDEX)),
                    f(3, "operators", new VecTab("Operator")),
                    f(4, "name", new Str()))),
            Map.entry("Tensor", List.of(
                    f(0, "shape", new VecScalar(4, Kind.SHAPE_DIM)),
                    f(1, "type", new Scalar(Kind.TENSOR_TYPE)),
                    f(2, "buffer", new Scalar(Kind.TENSOR_BUFFER)),
                    f(3, "name", new Str()),
                    f(4, "quantization", new Tab("QuantizationParameters")),
                    f(5, "is_variable", new Scalar(Kind.OTHER_U8)),
                    f(7, "shape_signature", new VecScalar(4, Kind.OTHER_I32)),
                    f(8, "has_rank", new Scalar(Kind.OTHER_U8)))),
            Map.entry("QuantizationParameters", List.of(
                    f(0, "min", new VecScalar(4, Kind.OTHER_I32)),
                    f(1, "max", new VecScalar(4, Kind.OTHER_I32)),
                    f(2, "scale", new VecScalar(4, Kind.SCALE)),
                    f(3, "zero_point", new VecScalar(8, Kind.ZERO_POINT)),
                    f(4, "details_type", new Scalar(Kind.OTHER_U8)),
                    f(6, "quantized_dimension", new Scalar(Kind.QUANTIZED_DIMENSION)))),
            Map.entry("Operator", List.of(
                    f(0, "opcode_index", new Scalar(Kind.OPCODE_INDEX)),
                    f(1, "inputs", new VecScalar(4, Kind.TENSOR_INDEX)),
                    f(2, "outputs", new VecScalar(4, Kind.TENSOR_INDEX)),
                    f(3, "builtin_options_type", new Scalar(Kind.OPTIONS_TYPE)),
                    f(4, "builtin_options", new Union(3, Map.ofEntries(Map.entry(1, "Conv2DOptions"),
                            Map.entry(2, "DepthwiseConv2DOptions"), Map.entry(5, "Pool2DOptions"),
                            Map.entry(8, "FullyConnectedOptions"), Map.entry(9, "SoftmaxOptions"),
                            Map.entry(10, "ConcatenationOptions"), Map.entry(11, "AddOptions"),
                            Map.entry(17, "ReshapeOptions"), Map.entry(21, "MulOptions"),
                            Map.entry(27, "ReducerOptions"), Map.entry(30, "SqueezeOptions"),
                            Map.entry(32, "StridedSliceOptions"), Map.entry(75, "LeakyReluOptions")))),
                    f(5, "custom_options", new VecScalar(1, null)),
                    f(8, "intermediates", new VecScalar(4, Kind.TENSOR_INDEX)))),
            Map.entry("Buffer", List.of(
                    f(0, "data", new VecScalar(1, null)),
                    f(1, "offset", new Scalar(Kind.BUFFER_LOCATION)),
                    f(2, "size", new Scalar(Kind.BUFFER_LOCATION)))),
            Map.entry("Metadata", List.of(
                    f(0, "name", new Str()),
                    f(1, "buffer", new Scalar(Kind.OTHER_I32)))),
            Map.entry("SignatureDef", List.of(
                    f(0, "inputs", new VecTab("TensorMap")),
                    f(1, "outputs", new VecTab("TensorMap")),
                    f(2, "signature_key", new Str()),
                    f(4, "subgraph_index", new Scalar(Kind.OTHER_I32)))),
            Map.entry("TensorMap", List.of(
                    f(0, "name", new Str()),
                    f(1, "tensor_index", new Scalar(Kind.OTHER_I32)))),
            Map.entry("Conv2DOptions", List.of(
                    f(0, "padding", new Scalar(Kind.OPTION_ENUM)),
                    f(1, "stride_w", new Scalar(Kind.OPTION_INT)),
                    f(2, "stride_h", new Scalar(Kind.OPTION_INT)),
                    f(3, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)),
                    f(4, "dilation_w_factor", new Scalar(Kind.OPTION_INT)),
                    f(5, "dilation_h_factor", new Scalar(Kind.OPTION_INT)))),
            Map.entry("DepthwiseConv2DOptions", List.of(
                    f(0, "padding", new Scalar(Kind.OPTION_ENUM)),
                    f(1, "stride_w", new Scalar(Kind.OPTION_INT)),
                    f(2, "stride_h", new Scalar(Kind.OPTION_INT)),
                    f(3, "depth_multiplier", new Scalar(Kind.OPTION_INT)),
                    f(4, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)),
                    f(5, "dilation_w_factor", new Scalar(Kind.OPTION_INT)),
                    f(6, "dilation_h_factor", new Scalar(Kind.OPTION_INT)))),
            Map.entry("Pool2DOptions", List.of(
                    f(0, "padding", new Scalar(Kind.OPTION_ENUM)),
                    f(1, "stride_w", new Scalar(Kind.OPTION_INT)),
                    f(2, "stride_h", new Scalar(Kind.OPTION_INT)),
                    f(3, "filter_width", new Scalar(Kind.OPTION_INT)),
                    f(4, "filter_height", new Scalar(Kind.OPTION_INT)),
                    f(5, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)))),
            Map.entry("FullyConnectedOptions", List.of(
                    f(0, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)),
                    f(1, "weights_format", new Scalar(Kind.OPTION_ENUM)),
                    f(2, "keep_num_dims", new Scalar(Kind.OPTION_BOOL)),
                    f(3, "asymmetric_quantize_inputs", new Scalar(Kind.OPTION_BOOL)))),
            Map.entry("SoftmaxOptions", List.of(f(0, "beta", new Scalar(Kind.OPTION_FLOAT)))),
            Map.entry("AddOptions", List.of(
                    f(0, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)),
                    f(1, "pot_scale_int16", new Scalar(Kind.OPTION_BOOL)))),
            Map.entry("ReshapeOptions", List.of(f(0, "new_shape", new VecScalar(4, Kind.OTHER_I32)))),
            Map.entry("ConcatenationOptions", List.of(
                    f(0, "axis", new Scalar(Kind.OPTION_INT)),
                    f(1, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)))),
            Map.entry("MulOptions", List.of(f(0, "fused_activation_function", new Scalar(Kind.OPTION_ENUM)))),
            Map.entry("ReducerOptions", List.of(f(0, "keep_dims", new Scalar(Kind.OPTION_BOOL)))),
            Map.entry("SqueezeOptions", List.of(f(0, "squeeze_dims", new VecScalar(4, Kind.OTHER_I32)))),
            Map.entry("StridedSliceOptions", List.of(
                    f(0, "begin_mask", new Scalar(Kind.OPTION_INT)),
                    f(1, "end_mask", new Scalar(Kind.OPTION_INT)),
                    f(2, "ellipsis_mask", new Scalar(Kind.OPTION_INT)),
                    f(3, "new_axis_mask", new Scalar(Kind.OPTION_INT)),
                    f(4, "shrink_axis_mask", new Scalar(Kind.OPTION_INT)),
                    f(5, "offset", new Scalar(Kind.OPTION_BOOL)))),
            Map.entry("LeakyReluOptions", List.of(f(0, "alpha", new Scalar(Kind.OPTION_FLOAT)))));

    // ---- results ----

    private final ByteBuffer buf;
    /** Byte offsets where a structural item starts or ends. */
    final TreeSet<Integer> boundaries = new TreeSet<>();
    /** Every mutable location found, in walk order. */
    final List<Field> fields = new ArrayList<>();
    /** [start, end) of constant tensor payloads (buffer data), to tell data bytes from structure bytes. */
    final List<int[]> payloads = new ArrayList<>();
    /** Number of tables, vectors and strings visited. */
    int tables;
    int vectors;
    int strings;
    /** Counts the targeted mutations need: tensors, buffers, operator codes (of subgraph 0). */
    int tensorCount;
    int bufferCount;
    int opcodeCount;

    private FuzzModelWalker(byte[] model) {
        this.buf = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
    }

    static FuzzModelWalker walk(byte[] model) {
        FuzzModelWalker w = new FuzzModelWalker(model);
        w.boundaries.add(0);
        w.boundaries.add(model.length);
        w.fields.add(new Field("root offset", Kind.UOFFSET, 0));
        w.table(w.deref(0), "Model", "model");
        return w;
    }

    /** True when {@code pos} lies inside a constant payload. */
    boolean inPayload(int pos) {
        for (int[] p : payloads) {
            if (pos >= p[0] && pos < p[1]) {
                return true;
            }
        }
        return false;
    }

    private int deref(int pos) {
        return pos + buf.getInt(pos);
    }

    /** Schema name of a builtin options table the walker has no field list for. */
    private static final String ANY_OPTIONS = "*options";

    private void table(int pos, String schema, String path) {
        tables++;
        int vtable = pos - buf.getInt(pos);
        int vtableSize = buf.getShort(vtable) & 0xFFFF;
        int tableSize = buf.getShort(vtable + 2) & 0xFFFF;
        boundaries.add(pos);
        boundaries.add(pos + tableSize);
        boundaries.add(vtable);
        boundaries.add(vtable + vtableSize);
        fields.add(new Field(path + " vtable offset", Kind.VTABLE_OFFSET, pos));
        fields.add(new Field(path + " vtable size", Kind.VTABLE_SIZE, vtable));
        fields.add(new Field(path + " table size", Kind.TABLE_SIZE, vtable + 2));
        List<Def> defs = SCHEMA.getOrDefault(schema, List.of());
        int fieldCount = (vtableSize - 4) / 2;
        for (int i = 0; i < fieldCount; i++) {
            int entry = vtable + 4 + 2 * i;
            int offset = buf.getShort(entry) & 0xFFFF;
            if (offset == 0) {
                continue;
            }
            final int index = i;
            Def def = defs.stream().filter(d -> d.index() == index).findAny().orElse(null);
            String name = def == null ? "field" + i : def.name();
            fields.add(new Field(path + "." + name + " vtable entry", Kind.VTABLE_ENTRY, entry));
            int at = pos + offset;
            boundaries.add(at);
            if (def == null) {
                if (schema.equals(ANY_OPTIONS)) {
                    fields.add(new Field(path + "." + name, Kind.OPTION_ENUM, at));
                }
                continue;
            }
            value(at, def, path + "." + name, pos, vtable, vtableSize);
        }
    }

    private void value(int at, Def def, String path, int tablePos, int vtable, int vtableSize) {
        Type type = def.type();
        if (type instanceof Scalar s) {
            fields.add(new Field(path, s.kind(), at));
            return;
        }
        if (type instanceof Union u) {
            int typeEntry = vtable + 4 + 2 * u.typeField();
            if (typeEntry + 2 > vtable + vtableSize) {
                return;
            }
            int typeOffset = buf.getShort(typeEntry) & 0xFFFF;
            int unionType = typeOffset == 0 ? 0 : buf.get(tablePos + typeOffset) & 0xFF;
            String schema = u.schemas().get(unionType);
            fields.add(new Field(path, Kind.UOFFSET, at));
            if (schema != null) {
                table(deref(at), schema, path + "<" + schema + ">");
            } else if (unionType != 0) {
                // options this schema does not describe: every present field, mutated in its low byte
                // (the whole value of a bool or enum, the low bits of an int, float or offset)
                table(deref(at), ANY_OPTIONS, path + "<options " + unionType + ">");
            }
            return;
        }
        fields.add(new Field(path, Kind.UOFFSET, at));
        int target = deref(at);
        if (type instanceof Tab t) {
            table(target, t.schema(), path);
        } else if (type instanceof Str) {
            strings++;
            int length = buf.getInt(target);
            boundaries.add(target);
            boundaries.add(target + 4 + length);
            boundaries.add(target + 4 + length + 1); // after the terminating NUL
            fields.add(new Field(path + " length", Kind.VECTOR_LENGTH, target));
        } else if (type instanceof VecScalar v) {
            int length = vector(target, v.elementBytes(), path);
            if (v.kind() == null) {
                payloads.add(new int[] {target + 4, target + 4 + length * v.elementBytes()});
                return;
            }
            for (int i = 0; i < length; i++) {
                fields.add(new Field(path + "[" + i + "]", v.kind(), target + 4 + i * v.elementBytes()));
            }
        } else if (type instanceof VecTab v) {
            int length = vector(target, 4, path);
            if (path.endsWith("model.buffers")) {
                bufferCount = length;
            } else if (path.endsWith("model.operator_codes")) {
                opcodeCount = length;
            } else if (path.endsWith("model.subgraphs[0].tensors")) {
                tensorCount = length;
            }
            for (int i = 0; i < length; i++) {
                int element = target + 4 + 4 * i;
                fields.add(new Field(path + "[" + i + "]", Kind.UOFFSET, element));
                table(deref(element), v.schema(), path + "[" + i + "]");
            }
        }
    }

    private int vector(int pos, int elementBytes, String path) {
        vectors++;
        int length = buf.getInt(pos);
        boundaries.add(pos);
        boundaries.add(pos + 4);
        boundaries.add(pos + 4 + length * elementBytes);
        fields.add(new Field(path + " length", Kind.VECTOR_LENGTH, pos));
        return length;
    }
}
