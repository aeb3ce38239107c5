/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.examples;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

/** Prints sin(x) as computed by the compiled sine model, using the float helper. */
public final class SineExample {
    private SineExample() {}

    public static void main(String[] args) {
        KernelBackend backend = new ReferenceBackend();
        float[] in = new float[1];
        float[] out = new float[1];
        for (double x = 0; x < 2 * Math.PI; x += Math.PI / 4) { // the input range ends at 6.27
            in[0] = (float) x;
            SineModel.predict(backend, in, out);
            System.out.printf("sin(%.4f) ~ %+.4f  (Math.sin %+.4f)%n", x, out[0], Math.sin(x));
        }
    }
}
