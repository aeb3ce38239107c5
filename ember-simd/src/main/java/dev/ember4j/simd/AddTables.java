/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.ops.add.AddParams;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The ADD tables of one backend: operators with the same quantization share one 64 KiB table, and at most
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

    private final ConcurrentHashMap<Key, byte[]> tables = new ConcurrentHashMap<>();

    /** The shared table for p's quantization, made by {@code make} if new and under the cap; else null. */
    byte[] get(AddParams p, Supplier<byte[]> make) {
        Key key = Key.of(p);
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
