/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.stridedslice;

import dev.ember4j.core.ops.Slot;
import dev.ember4j.ops.copy.Boxes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * STRIDED_SLICE against an independent numpy-style slicer: a slice spec of items (slice, index, new
 * axis, ellipsis) is turned into TFLite's begin / end / strides and masks for {@link SliceLogic}, and
 * evaluated directly with Python's slice rules for the expected output.
 */
class StridedSliceTest {

    enum Kind { SLICE, INDEX, NEW_AXIS, ELLIPSIS }

    /** One spec item; a null begin / end stands for an omitted bound (begin / end mask). */
    record Item(Kind kind, Integer begin, Integer end, int step) {}

    /** Python's slice.indices for one axis: the selected input indices. */
    static int[] pythonRange(Integer begin, Integer end, int step, int len) {
        int start;
        int stop;
        if (begin == null) {
            start = step > 0 ? 0 : len - 1;
        } else {
            start = begin;
            if (start < 0) {
                start += len;
                if (start < 0) {
                    start = step > 0 ? 0 : -1;
                }
            } else if (start >= len) {
                start = step > 0 ? len : len - 1;
            }
        }
        if (end == null) {
            stop = step > 0 ? len : -1;
        } else {
            stop = end;
            if (stop < 0) {
                stop += len;
                if (stop < 0) {
                    stop = step > 0 ? 0 : -1;
                }
            } else if (stop >= len) {
                stop = step > 0 ? len : len - 1;
            }
        }
        List<Integer> out = new ArrayList<>();
        for (int i = start; step > 0 ? i < stop : i > stop; i += step) {
            out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Expected output shape and, per output axis, which input axis (or -1 for a new axis) and which indices. */
    static final class Expected {
        final List<Integer> outShape = new ArrayList<>();
        final List<Integer> outAxisInput = new ArrayList<>();
        final List<int[]> outAxisIndices = new ArrayList<>();
        final int[] fixed; // per input axis: the index of a shrunk axis, else -1

        Expected(int rank) {
            fixed = new int[rank];
            Arrays.fill(fixed, -1);
        }
    }

    static Expected numpy(List<Item> spec, int[] shape) {
        int consuming = 0;
        boolean ellipsis = false;
        for (Item it : spec) {
            consuming += it.kind == Kind.SLICE || it.kind == Kind.INDEX ? 1 : 0;
            ellipsis |= it.kind == Kind.ELLIPSIS;
        }
        List<Item> full = new ArrayList<>(spec);
        if (!ellipsis) {
            full.add(new Item(Kind.ELLIPSIS, null, null, 1));
        }
        Expected e = new Expected(shape.length);
        int axis = 0;
        for (Item it : full) {
            switch (it.kind) {
                case NEW_AXIS -> {
                    e.outShape.add(1);
                    e.outAxisInput.add(-1);
                    e.outAxisIndices.add(new int[] {0});
                }
                case ELLIPSIS -> {
                    int n = shape.length - consuming;
                    for (int k = 0; k < n; k++, axis++) {
                        e.outShape.add(shape[axis]);
                        e.outAxisInput.add(axis);
                        e.outAxisIndices.add(pythonRange(null, null, 1, shape[axis]));
                    }
                }
                case INDEX -> {
                    int i = it.begin < 0 ? it.begin + shape[axis] : it.begin;
                    e.fixed[axis++] = i;
                }
                case SLICE -> {
                    int[] idx = pythonRange(it.begin, it.end, it.step, shape[axis]);
                    e.outShape.add(idx.length);
                    e.outAxisInput.add(axis++);
                    e.outAxisIndices.add(idx);
                }
            }
        }
        return e;
    }

    static byte[] gather(Expected e, byte[] x, int[] shape, int w) {
        int[] outShape = e.outShape.stream().mapToInt(Integer::intValue).toArray();
        int n = Boxes.count(outShape);
        byte[] y = new byte[n * w];
        for (int f = 0; f < n; f++) {
            int[] o = Boxes.unflatten(f, outShape);
            int[] src = e.fixed.clone();
            for (int k = 0; k < o.length; k++) {
                int a = e.outAxisInput.get(k);
                if (a >= 0) {
                    src[a] = e.outAxisIndices.get(k)[o[k]];
                }
            }
            Boxes.copyElement(x, Boxes.flatten(src, shape), y, f, w);
        }
        return y;
    }

    static List<Item> randomSpec(Random r, int[] shape) {
        int rank = shape.length;
        boolean useEllipsis = rank > 0 && r.nextInt(3) == 0;
        int maxNew = 5 - rank;
        int newAxes = maxNew == 0 ? 0 : r.nextInt(maxNew + 1);
        // consuming items: all axes when there is no ellipsis (or fewer: trailing axes stay full);
        // with an ellipsis it must cover at least one axis (TFLite expands it to at least one)
        int consuming = useEllipsis ? r.nextInt(rank) : r.nextInt(rank + 1);
        List<Item> items = new ArrayList<>();
        for (int k = 0; k < consuming; k++) {
            items.add(null); // placeholders for consuming items, filled below by axis
        }
        for (int k = 0; k < newAxes; k++) {
            items.add(r.nextInt(items.size() + 1), new Item(Kind.NEW_AXIS, null, null, 1));
        }
        if (useEllipsis) {
            items.add(r.nextInt(items.size() + 1), new Item(Kind.ELLIPSIS, null, null, 1));
        }
        // axes consumed in order: those before the ellipsis from the front, after it from the back
        int ell = items.indexOf(new Item(Kind.ELLIPSIS, null, null, 1));
        int before = 0;
        for (int k = 0; k < (ell < 0 ? items.size() : ell); k++) {
            before += items.get(k) == null ? 1 : 0;
        }
        int axis = 0;
        int after = consuming - before;
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k) != null) {
                if (items.get(k).kind == Kind.ELLIPSIS) {
                    axis = rank - after;
                }
                continue;
            }
            int len = shape[axis++];
            if (r.nextInt(4) == 0) {
                items.set(k, new Item(Kind.INDEX, r.nextInt(2 * len) - len, null, 1));
            } else {
                int step = r.nextBoolean() ? 1 + r.nextInt(3) : -1 - r.nextInt(3);
                Integer b = r.nextInt(4) == 0 ? null : r.nextInt(2 * len + 7) - len - 3;
                Integer e = r.nextInt(4) == 0 ? null : r.nextInt(2 * len + 7) - len - 3;
                items.set(k, new Item(Kind.SLICE, b, e, step));
            }
        }
        return items;
    }

    @Test
    void randomSlicesMatchNumpySemantics() {
        Random r = new Random(3);
        int ran = 0;
        for (int iter = 0; iter < 3000; iter++) {
            int rank = r.nextInt(6);
            int[] shape = Boxes.randomShape(r, rank, 5);
            List<Item> spec = randomSpec(r, shape);
            int n = spec.size();
            int[] begin = new int[n];
            int[] end = new int[n];
            int[] strides = new int[n];
            int bm = 0, em = 0, ell = 0, na = 0, sh = 0;
            for (int k = 0; k < n; k++) {
                Item it = spec.get(k);
                begin[k] = r.nextInt(21) - 10; // garbage where TFLite ignores the value
                end[k] = r.nextInt(21) - 10;
                strides[k] = r.nextBoolean() ? 1 : -2;
                switch (it.kind) {
                    case NEW_AXIS -> na |= 1 << k;
                    case ELLIPSIS -> ell |= 1 << k;
                    case INDEX -> {
                        sh |= 1 << k;
                        begin[k] = it.begin;
                        strides[k] = 1;
                    }
                    case SLICE -> {
                        strides[k] = it.step;
                        if (it.begin == null) {
                            bm |= 1 << k;
                        } else {
                            begin[k] = it.begin;
                        }
                        if (it.end == null) {
                            em |= 1 << k;
                        } else {
                            end[k] = it.end;
                        }
                    }
                }
            }
            Expected e = numpy(spec, shape);
            int w = Boxes.WIDTHS[r.nextInt(3)];
            byte[] x = new byte[Boxes.count(shape) * w];
            r.nextBytes(x);
            byte[] expected = gather(e, x, shape, w);
            String what = "shape " + Arrays.toString(shape) + " spec " + spec;
            SliceLogic.Result res = SliceLogic.compute(shape, begin, end, strides, bm, em, ell, na, sh, false);
            assertArrayEquals(e.outShape.stream().mapToInt(Integer::intValue).toArray(), res.outputShape(), what);
            StridedSliceParams p = res.params(w);
            int inOff = r.nextInt(9);
            int outOff = inOff + x.length + r.nextInt(9);
            byte[] arena = Boxes.arena(r, outOff + expected.length + 5, x, inOff);
            byte[] before = arena.clone();
            StridedSliceKernel.run(p, new Slot[] {Slot.arena(inOff)}, new Slot[] {Slot.arena(outOff)}, arena, new byte[0]);
            assertArrayEquals(expected, Arrays.copyOfRange(arena, outOff, outOff + expected.length), what);
            assertArrayEquals(Arrays.copyOfRange(before, outOff + expected.length, arena.length),
                    Arrays.copyOfRange(arena, outOff + expected.length, arena.length), what);
            ran += expected.length > 0 ? 1 : 0;
        }
        assertEquals(true, ran > 1500, "too few non-empty slices: " + ran);
    }

    @Test
    void conformanceCaseParameters() {
        // x[:, 1:7:2, ::-1, 1] on [1, 8, 8, 4]
        SliceLogic.Result r = SliceLogic.compute(new int[] {1, 8, 8, 4}, new int[] {0, 1, 0, 1}, new int[] {0, 7, 0, 2},
                new int[] {1, 2, -1, 1}, 5, 5, 0, 0, 8, false);
        assertArrayEquals(new int[] {1, 3, 8}, r.outputShape());
        assertArrayEquals(new int[] {0, 1, 7, 1}, r.starts());
    }

    @Test
    void offsetMeansEndIsALength() {
        // begin 2, end 3 with offset: elements 2, 3, 4
        SliceLogic.Result r = SliceLogic.compute(new int[] {10}, new int[] {2}, new int[] {3}, new int[] {1}, 0, 0, 0, 0,
                0, true);
        assertArrayEquals(new int[] {3}, r.outputShape());
        assertArrayEquals(new int[] {2}, r.starts());
        // an offset slice running past the end: TFLite's shape (3) would exceed what the kernel writes (2)
        assertThrows(SliceLogic.Unsupported.class, () -> SliceLogic.compute(new int[] {10}, new int[] {8},
                new int[] {3}, new int[] {1}, 0, 0, 0, 0, 0, true));
    }

    @Test
    void refusals() {
        // zero stride
        assertThrows(SliceLogic.Invalid.class, () -> SliceLogic.compute(new int[] {4}, new int[] {0}, new int[] {4},
                new int[] {0}, 0, 0, 0, 0, 0, false));
        // shrinking with a negative stride selects nothing in the reference loop
        assertThrows(SliceLogic.Unsupported.class, () -> SliceLogic.compute(new int[] {4}, new int[] {1},
                new int[] {2}, new int[] {-1}, 0, 0, 0, 0, 1, false));
        // shrinking at an index clamped to the end selects nothing
        assertThrows(SliceLogic.Unsupported.class, () -> SliceLogic.compute(new int[] {4}, new int[] {7},
                new int[] {8}, new int[] {1}, 0, 0, 0, 0, 1, false));
        // more than five axes with the new ones
        assertThrows(SliceLogic.Invalid.class, () -> SliceLogic.compute(new int[] {1, 1, 1, 1, 1}, new int[] {0},
                new int[] {1}, new int[] {1}, 0, 0, 0, 1, 0, false));
        // mismatched lengths
        assertThrows(SliceLogic.Invalid.class, () -> SliceLogic.compute(new int[] {4}, new int[] {0},
                new int[] {1, 2}, new int[] {1}, 0, 0, 0, 0, 0, false));
    }
}
