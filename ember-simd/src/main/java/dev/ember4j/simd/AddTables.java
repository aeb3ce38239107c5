/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.add.AddParams;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The 64 KiB pair tables of one backend (ADD's, and those of {@link PairLut}'s operators): operators with
 * the same quantization share one table, and at most
 * {@link #MAX_TABLES} distinct tables are made (16 MiB), so that a model of many ADDs cannot make the
 * backend allocate without bound (a hostile file of 100,000 ADDs would otherwise ask for 6.4 GB); operators
 * past the cap run the per-element path.
 */
final class AddTables {
    static final int MAX_TABLES = 256;

    /** What the table of an ADD depends on. */
    private record Key(int input1Offset, int input2Offset, int outputOffset, int leftShift, int input1Multiplier,
                       int input1Shift, int input2Multiplier, int input2Shift, int outputMultiplier, int outputShift,
                       int activationMin, int activationMax) {
        static Key of(AddParams p) {
            return new Key(p.input1Offset(), p.input2Offset(), p.outputOffset(), p.leftShift(), p.input1Multiplier(),
                    p.input1Shift(), p.input2Multiplier(), p.input2Shift(), p.outputMultiplier(), p.outputShift(),
                    p.activationMin(), p.activationMax());
        }
    }

    private final ConcurrentHashMap<Object, byte[]> tables = new ConcurrentHashMap<>();

    /** The shared table for p's quantization, made by {@code make} if new and under the cap; else null. */
    byte[] get(AddParams p, Supplier<byte[]> make) {
        return get(Key.of(p), make);
    }

    /**
     * The shared table for {@code key} (a record of everything the table depends on, the operator's kind
     * included), made by {@code make} if new and under the cap; else null.
     */
    byte[] get(Object key, Supplier<byte[]> make) {
        byte[] t = tables.get(key);
        if (t != null || tables.size() >= MAX_TABLES) {
            return t;
        }
        return tables.computeIfAbsent(key, k -> make.get());
    }

    int size() {
        return tables.size();
    }
}
