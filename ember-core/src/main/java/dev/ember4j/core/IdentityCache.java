/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.core;

import java.lang.ref.WeakReference;
import java.util.function.Function;

/**
 * Prepared data per operator, keyed by the identity of its (immutable) parameter record, for backends
 * that rearrange weights once and reuse them on every call. Lookups read a volatile copy-on-write
 * open-addressing table and allocate nothing; inserts are synchronized and rebuild the table, dropping
 * entries whose key was garbage collected (keys are weakly held, so a backend shared by many models
 * does not keep their parameters alive). Safe for concurrent use.
 */
public final class IdentityCache<K, V> {
    /** [2i] = WeakReference key, [2i+1] = value; capacity a power of two, at most half full. */
    private volatile Object[] table = new Object[2 * 16];

    public IdentityCache() {}

    /** The value cached for {@code key}, or null. */
    @SuppressWarnings("unchecked")
    public V get(K key) {
        Object[] t = table;
        int mask = (t.length >> 1) - 1;
        int i = mix(System.identityHashCode(key)) & mask;
        while (true) {
            Object ref = t[2 * i];
            if (ref == null) {
                return null;
            }
            if (((WeakReference<?>) ref).get() == key) {
                return (V) t[2 * i + 1];
            }
            i = (i + 1) & mask;
        }
    }

    /** The cached value for {@code key}, computed by {@code f} (at most once per live key) when absent. */
    public V computeIfAbsent(K key, Function<? super K, ? extends V> f) {
        V v = get(key);
        return v != null ? v : insert(key, f);
    }

    private synchronized V insert(K key, Function<? super K, ? extends V> f) {
        V v = get(key);
        if (v != null) {
            return v;
        }
        v = f.apply(key);
        Object[] old = table;
        int live = 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != null && ((WeakReference<?>) old[i]).get() != null) {
                live++;
            }
        }
        int cap = 16;
        while (cap < 2 * live) {
            cap <<= 1;
        }
        Object[] t = new Object[2 * cap];
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != null) {
                Object k = ((WeakReference<?>) old[i]).get();
                if (k != null) {
                    put(t, (WeakReference<?>) old[i], k, old[i + 1]);
                }
            }
        }
        put(t, new WeakReference<>(key), key, v);
        table = t;
        return v;
    }

    private static void put(Object[] t, WeakReference<?> ref, Object key, Object value) {
        int mask = (t.length >> 1) - 1;
        int i = mix(System.identityHashCode(key)) & mask;
        while (t[2 * i] != null) {
            i = (i + 1) & mask;
        }
        t[2 * i] = ref;
        t[2 * i + 1] = value;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
