/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.runtime.FuzzModelWalker.Field;
import dev.ember4j.runtime.FuzzModelWalker.Kind;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;

/** Generates the malformed variants of a model: truncations, random byte flips, targeted field values. */
final class FuzzMutations {
    private FuzzMutations() {}

    /** Truncations at every structural boundary and its neighbours, and at every 1/64 of the file. */
    static List<FuzzMutation> truncations(byte[] model, FuzzModelWalker walker) {
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int b : walker.boundaries) {
            for (int d = -1; d <= 1; d++) {
                lengths.add(b + d);
            }
        }
        for (int k = 0; k < 64; k++) {
            lengths.add((int) ((long) model.length * k / 64));
        }
        List<FuzzMutation> out = new ArrayList<>();
        for (int n : lengths) {
            if (n >= 0 && n < model.length) {
                out.add(FuzzMutation.truncate(model, n));
            }
        }
        return out;
    }

    /**
     * Single-byte mutations at seeded random positions; with {@code structureOnly} the positions avoid
     * constant payloads (weights), where a flip only changes the numbers.
     */
    static List<FuzzMutation> byteFlips(byte[] model, FuzzModelWalker walker, long seed, int count,
                                        boolean structureOnly) {
        Random rnd = new Random(seed);
        List<FuzzMutation> out = new ArrayList<>();
        int attempts = 0;
        while (out.size() < count && attempts++ < count * 1000) {
            int pos = rnd.nextInt(model.length);
            if (structureOnly && walker.inPayload(pos)) {
                continue;
            }
            byte flipped = (byte) (model[pos] ^ (1 + rnd.nextInt(255)));
            out.add(FuzzMutation.write(structureOnly ? "structure byte flip" : "random byte flip", model, pos,
                    new byte[] {flipped}));
        }
        return out;
    }

    /** Two to four structure byte flips at once. */
    static List<FuzzMutation> multiFlips(byte[] model, FuzzModelWalker walker, long seed, int count) {
        Random rnd = new Random(seed);
        List<FuzzMutation> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(FuzzMutation.all(byteFlips(model, walker, rnd.nextLong(), 2 + rnd.nextInt(3), true)));
        }
        return out;
    }

    /**
     * One value written into every field of a kind at once (every quantization scale 1e-12, every
     * stride 1, every activation RELU6...): consistent malformations that no single write produces.
     */
    static List<FuzzMutation> everywhere(byte[] model, FuzzModelWalker walker, Kind kind, long... values) {
        List<FuzzMutation> out = new ArrayList<>();
        for (long v : values) {
            List<FuzzMutation> writes = new ArrayList<>();
            for (Field f : walker.fields) {
                if (f.kind() == kind) {
                    writes.add(FuzzMutation.writeLE("every " + kind + " = " + describe(f, v) + ": " + f.path(), model,
                            f.pos(), f.width(), v));
                }
            }
            if (!writes.isEmpty()) {
                out.add(FuzzMutation.all(writes));
            }
        }
        return out;
    }

    /**
     * Dimension {@code dim} of every activation (non-constant) tensor of the main subgraph set to
     * {@code value}: with dim 0 a consistent change of batch size, valid for positive values.
     */
    static FuzzMutation activationDims(byte[] model, FuzzModelWalker walker, int dim, int value) {
        return onActivations(model, walker, Kind.SHAPE_DIM, ".shape[" + dim + "]", value);
    }

    /** The field of kind {@code kind} whose path ends with {@code suffix}, in every activation tensor. */
    static FuzzMutation onActivations(byte[] model, FuzzModelWalker walker, Kind kind, String suffix, long value) {
        dev.ember4j.tflite.TfliteModel parsed = dev.ember4j.tflite.ModelReader.read(model);
        String prefix = "model.subgraphs[0].tensors[";
        List<FuzzMutation> writes = new ArrayList<>();
        for (Field f : walker.fields) {
            if (f.kind() != kind || !f.path().startsWith(prefix) || !f.path().endsWith(suffix)) {
                continue;
            }
            int tensor = Integer.parseInt(f.path().substring(prefix.length(), f.path().indexOf(']', prefix.length())));
            if (parsed.constantData(parsed.tensor(tensor)) == null) {
                writes.add(FuzzMutation.writeLE("activation " + f.path() + " = " + describe(f, value), model, f.pos(),
                        f.width(), value));
            }
        }
        return writes.isEmpty() ? null : FuzzMutation.all(writes);
    }

    /**
     * Targeted values for every recorded field. Kinds with many instances (e.g. one shape dimension per
     * tensor) are sampled with a seeded generator down to {@code maxPerKind} mutations each.
     */
    static List<FuzzMutation> targeted(byte[] model, FuzzModelWalker walker, long seed,
                                       ToIntFunction<Kind> maxPerKind) {
        ByteBuffer buf = ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN);
        Map<Kind, List<FuzzMutation>> byKind = new EnumMap<>(Kind.class);
        for (Field f : walker.fields) {
            if (skipElement(f)) {
                continue;
            }
            long old = read(buf, f);
            for (long v : values(f, old, model.length, walker)) {
                FuzzMutation m = FuzzMutation.writeLE(f.path() + " (" + f.kind() + ") = " + describe(f, v), model,
                        f.pos(), f.width(), v);
                if (!m.isNoOp(model)) {
                    byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(m);
                }
            }
        }
        Random rnd = new Random(seed);
        List<FuzzMutation> out = new ArrayList<>();
        for (Map.Entry<Kind, List<FuzzMutation>> e : byKind.entrySet()) {
            List<FuzzMutation> list = e.getValue();
            int max = maxPerKind.applyAsInt(e.getKey());
            if (list.size() > max) {
                Collections.shuffle(list, rnd);
                list = list.subList(0, max);
            }
            out.addAll(list);
        }
        return out;
    }

    /** Long per-channel vectors (scales, zero points): only the first two and the last element. */
    private static boolean skipElement(Field f) {
        if (f.kind() != Kind.SCALE && f.kind() != Kind.ZERO_POINT) {
            return false;
        }
        String p = f.path();
        int open = p.lastIndexOf('[');
        int index = Integer.parseInt(p.substring(open + 1, p.length() - 1));
        return index >= 2 && index % 64 != 63;
    }

    private static long read(ByteBuffer buf, Field f) {
        return switch (f.width()) {
            case 1 -> buf.get(f.pos()) & 0xFFL;
            case 2 -> buf.getShort(f.pos()) & 0xFFFFL;
            case 4 -> buf.getInt(f.pos()) & 0xFFFFFFFFL;
            default -> buf.getLong(f.pos());
        };
    }

    private static String describe(Field f, long v) {
        return switch (f.kind()) {
            case SCALE, OPTION_FLOAT -> Float.intBitsToFloat((int) v) + "f";
            case ZERO_POINT, BUFFER_LOCATION -> Long.toString(v);
            default -> f.width() == 4 ? Integer.toString((int) v) : Long.toString(v);
        };
    }

    private static long f32(float x) {
        return Float.floatToRawIntBits(x) & 0xFFFFFFFFL;
    }

    /** The values written into a field, given its current value (unsigned as read). */
    private static long[] values(Field f, long old, int fileSize, FuzzModelWalker w) {
        int pos = f.pos();
        int signed = (int) old;
        Set<Long> v = new LinkedHashSet<>();
        switch (f.kind()) {
            case UOFFSET -> {
                // 0 points the offset at itself; others point past the end, at the last bytes, just
                // beside the real target, or at the next word.
                add(v, 0, 1, 2, 4, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, fileSize - pos, fileSize - pos - 1L,
                        fileSize - pos - 4L, old + 1, old - 1, old + 4, old - 4, old + 8);
            }
            case VTABLE_OFFSET -> {
                // vtable = table - soffset: at the table itself, just beside it, before the file, past its end
                add(v, 0, 1, -1, 2, -2, 4, -4, signed + 2, signed - 2, signed + 1, Integer.MAX_VALUE,
                        Integer.MIN_VALUE, pos + 1L, pos, (long) pos - fileSize, (long) pos - fileSize + 2);
            }
            case VTABLE_SIZE -> add(v, 0, 1, 2, 3, 5, old - 1, old + 1, old + 2, old - 2, 0xFFFF, 0xFFFE, 0x8000);
            case TABLE_SIZE -> add(v, 0, 1, 3, 4, old - 1, old + 1, old - 4, 0xFFFF, 0x8000);
            case VTABLE_ENTRY -> add(v, 0, 1, 2, 3, old - 1, old + 1, old + 2, old - 4, 0xFFFF, 0xFFFE, 0x8000);
            case VECTOR_LENGTH -> {
                long roomElements4 = (fileSize - pos - 4L) / 4;
                add(v, 0, 1, old - 1, old + 1, old * 2, 0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0x40000000L,
                        0x3FFFFFFFL, 0x20000000L, 0x10000, fileSize, roomElements4, roomElements4 + 1,
                        fileSize - pos - 4L, fileSize - pos - 3L);
            }
            case VERSION -> add(v, 0, 1, 2, 4, -1);
            case BUILTIN_CODE -> add(v, -1, -2, 0, 1, 3, 4, 9, 17, 22, 25, 32, 150, 205, 206, 1000,
                    Integer.MAX_VALUE, Integer.MIN_VALUE);
            case DEPRECATED_CODE -> add(v, 0, 1, 3, 4, 9, 17, 22, 25, 32, 127, 0xFF, 0x80);
            case OPCODE_VERSION -> add(v, 0, -1, 100, Integer.MAX_VALUE);
            case SHAPE_DIM -> add(v, 0, -1, -2, 1, 2, signed + 1, signed - 1, signed * 2L, 65536, 1 << 20,
                    1 << 26, (1 << 26) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE);
            case TENSOR_TYPE -> add(v, 0, 1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 13, 17, 18, 19, 100, 255);
            case TENSOR_BUFFER -> add(v, 0, 1, w.bufferCount - 1L, w.bufferCount, w.bufferCount + 1L, 0xFFFFFFFFL,
                    0xFFFFFFFEL, 0x80000000L, 0x7FFFFFFFL, old + 1, old - 1);
            case SCALE -> {
                float s = Float.intBitsToFloat(signed);
                add(v, f32(0f), f32(-0f), f32(Float.NaN), f32(-1f), f32(Float.POSITIVE_INFINITY),
                        f32(Float.NEGATIVE_INFINITY), f32(Float.MIN_VALUE), f32(1e-30f), f32(1e-10f), f32(1e10f),
                        f32(1e30f), f32(Float.MAX_VALUE), f32(s * 2), f32(s / 2), f32(1f), 0x7FC00001L);
            }
            case ZERO_POINT -> add(v, -129, 128, 127, -128, 0, 1, 255, 256, Long.MAX_VALUE, Long.MIN_VALUE,
                    0x80000000L, 0xFFFFFFFFL, -1);
            case QUANTIZED_DIMENSION -> add(v, -1, 0, 1, 3, 4, 100, Integer.MAX_VALUE, Integer.MIN_VALUE);
            case TENSOR_INDEX -> add(v, -1, -2, 0, 1, w.tensorCount - 1L, w.tensorCount, w.tensorCount + 1L,
                    Integer.MAX_VALUE, Integer.MIN_VALUE, signed + 1L, signed - 1L);
            case OPCODE_INDEX -> add(v, 0, 1, 2, w.opcodeCount - 1L, w.opcodeCount, w.opcodeCount + 1L, 0xFFFFFFFFL,
                    0xFFFFFFFEL, 0x80000000L, old + 1, old - 1);
            case OPTIONS_TYPE -> add(v, 0, 1, 2, 3, 5, 8, 9, 11, 17, 100, 127, 128, 255);
            case OPTION_INT -> add(v, 0, -1, -2, 1, 2, 3, 7, 100, 65536, 1 << 20, Integer.MAX_VALUE,
                    Integer.MIN_VALUE, signed + 1L, signed * 2L);
            case OPTION_ENUM -> add(v, 0, 1, 2, 3, 4, 5, 6, 7, 128, 255);
            case OPTION_BOOL -> add(v, 0, 1, 2, 255);
            case OPTION_FLOAT -> add(v, f32(0f), f32(-1f), f32(Float.NaN), f32(Float.POSITIVE_INFINITY),
                    f32(Float.NEGATIVE_INFINITY), f32(1e-30f), f32(1e30f), f32(Float.MIN_VALUE), f32(Float.MAX_VALUE),
                    f32(0.5f), f32(2f));
            case BUFFER_LOCATION -> add(v, 0, 1, 2, 8, fileSize, fileSize - 1L, Long.MAX_VALUE, Long.MIN_VALUE, -1,
                    1L << 32, (1L << 32) + 8);
            case OTHER_U8 -> add(v, 0, 1, 2, 255);
            case OTHER_I32 -> add(v, 0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, signed + 1L);
        }
        long mask = f.width() == 8 ? -1L : (1L << (8 * f.width())) - 1;
        return v.stream().mapToLong(x -> x & mask).distinct().filter(x -> x != (old & mask)).toArray();
    }

    private static void add(Set<Long> set, long... values) {
        for (long x : values) {
            set.add(x);
        }
    }
}
