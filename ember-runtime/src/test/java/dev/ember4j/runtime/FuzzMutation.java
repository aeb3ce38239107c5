/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One malformed variant of a model: either a truncation to {@code truncateTo} bytes, or the bytes
 * at {@code pos} replaced by {@code newBytes} (and then the writes of {@code then}, for compound
 * mutations). {@link #toString()} says exactly what changed (offsets, old and new bytes) so a failure
 * can be reproduced by hand.
 */
record FuzzMutation(String what, int truncateTo, int pos, byte[] oldBytes, byte[] newBytes, FuzzMutation then) {

    static FuzzMutation truncate(byte[] model, int length) {
        return new FuzzMutation("truncated", length, -1, null, null, null);
    }

    static FuzzMutation write(String what, byte[] model, int pos, byte[] newBytes) {
        return new FuzzMutation(what, -1, pos, Arrays.copyOfRange(model, pos, pos + newBytes.length), newBytes, null);
    }

    /** All the given writes at once (applied in order). */
    static FuzzMutation all(List<FuzzMutation> writes) {
        FuzzMutation chain = null;
        for (int i = writes.size() - 1; i >= 0; i--) {
            FuzzMutation w = writes.get(i);
            chain = new FuzzMutation(w.what, -1, w.pos, w.oldBytes, w.newBytes, chain);
        }
        return chain;
    }

    static FuzzMutation writeLE(String what, byte[] model, int pos, int width, long value) {
        byte[] b = new byte[width];
        for (int i = 0; i < width; i++) {
            b[i] = (byte) (value >>> (8 * i));
        }
        return write(what, model, pos, b);
    }

    /** The writes of several (write) mutations at once. */
    static FuzzMutation combine(FuzzMutation... mutations) {
        List<FuzzMutation> writes = new java.util.ArrayList<>();
        for (FuzzMutation m : mutations) {
            for (FuzzMutation w = m; w != null; w = w.then) {
                writes.add(w);
            }
        }
        return all(writes);
    }

    /** True when the mutation leaves the model unchanged (such cases are skipped). */
    boolean isNoOp(byte[] model) {
        return truncateTo < 0 && then == null && Arrays.equals(oldBytes, newBytes);
    }

    byte[] apply(byte[] model) {
        if (truncateTo >= 0) {
            return Arrays.copyOf(model, truncateTo);
        }
        byte[] out = model.clone();
        for (FuzzMutation m = this; m != null; m = m.then) {
            System.arraycopy(m.newBytes, 0, out, m.pos, m.newBytes.length);
        }
        return out;
    }

    @Override
    public String toString() {
        if (truncateTo >= 0) {
            return "truncated to " + truncateTo + " bytes";
        }
        HexFormat hex = HexFormat.of();
        StringBuilder b = new StringBuilder();
        int n = 0;
        for (FuzzMutation m = this; m != null; m = m.then, n++) {
            if (n < 8) {
                b.append(n == 0 ? "" : " + ").append(m.what).append(" at offset ").append(m.pos).append(" (0x")
                        .append(Integer.toHexString(m.pos)).append("): bytes ").append(hex.formatHex(m.oldBytes))
                        .append(" -> ").append(hex.formatHex(m.newBytes));
            }
        }
        if (n > 8) {
            b.append(" + ").append(n - 8).append(" more writes of the same kind");
        }
        return b.toString();
    }
}
