/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.moves;

import dev.ember4j.core.ops.Slot;

import java.util.Arrays;
import java.util.Random;

/** Runs a kernel on inputs placed at random arena offsets and returns the outputs; checks the gaps stay intact. */
public final class Run {
    private Run() {}

    public interface Kernel {
        void run(Slot[] in, Slot[] out, byte[] arena);
    }

    public static byte[][] run(Random r, Kernel k, byte[][] inputs, int... outputBytes) {
        int total = 0;
        int[] inOff = new int[inputs.length];
        int[] outOff = new int[outputBytes.length];
        for (int i = 0; i < inputs.length; i++) {
            total += r.nextInt(5);
            inOff[i] = total;
            total += inputs[i].length;
        }
        for (int i = 0; i < outputBytes.length; i++) {
            total += r.nextInt(5);
            outOff[i] = total;
            total += outputBytes[i];
        }
        total += 3;
        byte[] arena = new byte[total];
        r.nextBytes(arena);
        Slot[] in = new Slot[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            System.arraycopy(inputs[i], 0, arena, inOff[i], inputs[i].length);
            in[i] = Slot.arena(inOff[i]);
        }
        Slot[] out = new Slot[outputBytes.length];
        for (int i = 0; i < outputBytes.length; i++) {
            out[i] = Slot.arena(outOff[i]);
        }
        byte[] before = arena.clone();
        k.run(in, out, arena);
        byte[][] result = new byte[outputBytes.length][];
        for (int i = 0; i < outputBytes.length; i++) {
            result[i] = Arrays.copyOfRange(arena, outOff[i], outOff[i] + outputBytes[i]);
            Arrays.fill(arena, outOff[i], outOff[i] + outputBytes[i], (byte) 0);
            Arrays.fill(before, outOff[i], outOff[i] + outputBytes[i], (byte) 0);
        }
        if (!Arrays.equals(before, arena)) {
            throw new AssertionError("kernel wrote outside its outputs");
        }
        return result;
    }

    public static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
