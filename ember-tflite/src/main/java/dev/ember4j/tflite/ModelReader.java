/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.tflite.fb.FlatBuffer;
import dev.ember4j.tflite.fb.Table;
import dev.ember4j.tflite.fb.Vector;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the subset of the TensorFlow Lite flatbuffer schema this engine needs, checking every
 * offset, length and index. Field numbers follow tensorflow/lite/schema/schema.fbs.
 */
public final class ModelReader {
    /** Dimensions above this are certainly hostile; real TinyML tensors are far smaller. */
    private static final int MAX_ELEMENTS = 1 << 26;

    private ModelReader() {}

    public static TfliteModel read(byte[] model) {
        return read(ByteBuffer.wrap(model));
    }

    public static TfliteModel read(ByteBuffer model) {
        FlatBuffer fb = new FlatBuffer(model);
        if (fb.size() >= 8 && !"TFL3".equals(fb.identifier())) {
            throw new ModelFormatException("not a TensorFlow Lite model: file identifier is '"
                    + printable(fb.identifier()) + "', expected 'TFL3'");
        }
        Table root = fb.root();
        int version = root.i32(0, 0);
        if (version != 3) {
            throw new ModelFormatException("unsupported schema version " + version + ", expected 3");
        }
        List<byte[]> buffers = readBuffers(fb, root);
        List<OpCode> opcodes = readOperatorCodes(root);
        Vector subgraphs = root.vector(2, "subgraphs", 4);
        if (subgraphs == null || subgraphs.length() == 0) {
            throw new ModelFormatException("model has no subgraphs");
        }
        List<SubgraphDef> graphs = new ArrayList<>();
        for (int k = 0; k < subgraphs.length(); k++) {
            try {
                graphs.add(readSubgraph(fb, subgraphs.table(k), k, buffers.size(), opcodes));
            } catch (ModelFormatException e) {
                throw k == 0 ? e : new ModelFormatException("subgraph " + k + ": " + e.getMessage());
            } catch (UnsupportedOperatorException e) {
                throw k == 0 ? e : new UnsupportedOperatorException("subgraph " + k + ": " + e.getMessage());
            }
        }
        SubgraphDef main = graphs.get(0);
        return new TfliteModel(version, root.string(3, "description"), main.tensors(), main.operators(),
                main.inputs(), main.outputs(), buffers, List.copyOf(graphs));
    }

    /** One subgraph; its indices are checked against its own tensors. */
    private static SubgraphDef readSubgraph(FlatBuffer fb, Table sg, int index, int bufferCount, List<OpCode> opcodes) {
        List<TensorDef> tensors = readTensors(sg, bufferCount);
        int[] inputs = tensorList(sg.vector(1, "inputs", 4), tensors.size(), "subgraph input", false);
        int[] outputs = tensorList(sg.vector(2, "outputs", 4), tensors.size(), "subgraph output", false);
        List<OperatorDef> operators = readOperators(fb, sg, opcodes, tensors.size());
        return new SubgraphDef(index, sg.string(4, "name"), List.copyOf(tensors), List.copyOf(operators), inputs,
                outputs);
    }

    private static String printable(String s) {
        return s == null ? "" : s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static List<byte[]> readBuffers(FlatBuffer fb, Table root) {
        Vector v = root.vector(4, "buffers", 4);
        List<byte[]> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.length(); i++) {
            Table b = v.table(i);
            Vector data = b.vector(0, "data", 1);
            long offset = b.i64(1, 0);
            long size = b.i64(2, 0);
            if (data != null && data.length() > 0) {
                out.add(data.bytes());
            } else if (offset > 1) {
                // Large models keep buffer data after the flatbuffer, addressed from the file start.
                if (size < 0 || offset < 0 || offset > fb.size() - size) {
                    throw new ModelFormatException("buffer " + i + ": external data at offset " + offset + " size "
                            + size + " is outside the " + fb.size() + "-byte file");
                }
                out.add(fb.copy((int) offset, (int) size, "buffer " + i + " external data"));
            } else {
                out.add(new byte[0]);
            }
        }
        return out;
    }

    /** One entry of the model's operator_codes; {@code custom} is the custom_code of a CUSTOM entry, else null. */
    private record OpCode(int code, int version, String custom) {}

    private static List<OpCode> readOperatorCodes(Table root) {
        Vector v = root.vector(1, "operator_codes", 4);
        List<OpCode> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.length(); i++) {
            Table t = v.table(i);
            int deprecated = (byte) t.u8(0, 0);
            int builtin = t.i32(3, 0);
            // As TFLite: the larger of the two fields (old files only set the byte field).
            int code = Math.max(builtin, deprecated);
            int version = t.i32(2, 1);
            String custom = null;
            if (code == BuiltinOperator.CUSTOM.code()) {
                // TFLite reads custom_code only for CUSTOM entries, and refuses one without it
                custom = t.string(1, "custom_code");
                if (custom == null) {
                    throw new ModelFormatException("operator code " + i + ": CUSTOM without a custom_code");
                }
            }
            out.add(new OpCode(code, version, custom));
        }
        return out;
    }

    private static List<TensorDef> readTensors(Table sg, int bufferCount) {
        Vector v = sg.vector(0, "tensors", 4);
        List<TensorDef> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.length(); i++) {
            Table t = v.table(i);
            String name = t.string(3, "name");
            String label = "tensor " + i + (name == null ? "" : " '" + name + "'");
            Vector shapeVec = t.vector(0, "shape", 4);
            if (shapeVec != null && shapeVec.length() > 8) {
                throw new ModelFormatException(label + ": rank " + shapeVec.length() + " is not supported (at most 8)");
            }
            int[] shape = shapeVec == null ? new int[0] : shapeVec.ints();
            long elements = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new ModelFormatException(label + ": dynamic or negative dimension " + d + " in shape "
                            + java.util.Arrays.toString(shape));
                }
                elements *= d;
                if (elements > MAX_ELEMENTS) {
                    throw new ModelFormatException(label + ": shape " + java.util.Arrays.toString(shape)
                            + " has more than " + MAX_ELEMENTS + " elements");
                }
            }
            int typeCode = t.u8(1, 0);
            TensorType type = TensorType.fromCode(typeCode);
            if (type == null) {
                throw new ModelFormatException(label + ": unknown tensor type " + typeCode);
            }
            long buffer = t.i32(2, 0) & 0xFFFFFFFFL;
            if (buffer >= bufferCount) {
                throw new ModelFormatException(label + ": buffer " + buffer + " out of range, model has "
                        + bufferCount + " buffers");
            }
            out.add(new TensorDef(i, name == null ? "" : name, type, shape, (int) buffer,
                    readQuantization(t.table(4, "quantization"), label), t.bool(5, false)));
        }
        return out;
    }

    private static Quantization readQuantization(Table q, String label) {
        if (q == null) {
            return null;
        }
        Vector scales = q.vector(2, "scale", 4);
        Vector zeroPoints = q.vector(3, "zero_point", 8);
        if (scales == null || scales.length() == 0) {
            return null;
        }
        float[] scale = scales.floats();
        long[] zp = zeroPoints == null ? new long[scale.length] : zeroPoints.longs();
        if (zp.length != scale.length) {
            throw new ModelFormatException(label + ": " + scale.length + " quantization scales but " + zp.length
                    + " zero points");
        }
        for (float s : scale) {
            if (!(s > 0f) || Float.isInfinite(s)) {
                throw new ModelFormatException(label + ": invalid quantization scale " + s);
            }
        }
        return new Quantization(scale, zp, q.i32(6, 0));
    }

    private static int[] tensorList(Vector v, int tensorCount, String what, boolean optional) {
        if (v == null) {
            return new int[0];
        }
        int[] ids = v.ints();
        for (int id : ids) {
            if (id == -1 && optional) {
                continue;
            }
            if (id < 0 || id >= tensorCount) {
                throw new ModelFormatException(what + " " + id + " out of range, subgraph has " + tensorCount + " tensors");
            }
        }
        return ids;
    }

    private static List<OperatorDef> readOperators(FlatBuffer fb, Table sg, List<OpCode> opcodes, int tensorCount) {
        Vector v = sg.vector(3, "operators", 4);
        List<OperatorDef> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        for (int i = 0; i < v.length(); i++) {
            Table t = v.table(i);
            long opcodeIndex = t.i32(0, 0) & 0xFFFFFFFFL;
            if (opcodeIndex >= opcodes.size()) {
                throw new ModelFormatException("operator " + i + ": opcode index " + opcodeIndex
                        + " out of range, model has " + opcodes.size() + " operator codes");
            }
            OpCode code = opcodes.get((int) opcodeIndex);
            BuiltinOperator op = BuiltinOperator.fromCode(code.code());
            if (op == null) {
                throw new UnsupportedOperatorException("operator " + i + ": unknown builtin operator code " + code.code());
            }
            String label = "operator " + i + " (" + OperatorDef.name(op, code.custom()) + ")";
            int[] inputs = tensorList(t.vector(1, "inputs", 4), tensorCount, label + " input", true);
            int[] outputs = tensorList(t.vector(2, "outputs", 4), tensorCount, label + " output", false);
            int optionsType = t.u8(3, 0);
            Table options = optionsType == 0 ? null : t.table(4, "builtin_options");
            int[] intermediates = tensorList(t.vector(8, "intermediates", 4), tensorCount, label + " intermediate",
                    true);
            byte[] customOptions = code.custom() == null ? new byte[0] : customOptions(fb, t, label);
            out.add(new OperatorDef(i, op, code.version(), inputs, outputs, optionsType, options, intermediates,
                    code.custom(), customOptions, t.u8(6, 0)));
        }
        return out;
    }

    /**
     * A custom operator's custom_options (schema field 5), or, in files over 2 GiB, the bytes at
     * large_custom_options_offset/size (fields 9, 10) addressed from the file start, as buffers are.
     */
    private static byte[] customOptions(FlatBuffer fb, Table op, String label) {
        Vector inline = op.vector(5, "custom_options", 1);
        if (inline != null && inline.length() > 0) {
            return inline.bytes();
        }
        long offset = op.i64(9, 0);
        long size = op.i64(10, 0);
        if (offset > 1 || offset < 0) { // unsigned in the schema: a negative long is past any file
            if (size < 0 || offset < 0 || offset > fb.size() - size) {
                throw new ModelFormatException(label + ": large custom options at offset " + offset + " size " + size
                        + " are outside the " + fb.size() + "-byte file");
            }
            return fb.copy((int) offset, (int) size, label + " large custom options");
        }
        return new byte[0];
    }
}
