/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.binary;

import dev.ember4j.core.quant.QuantizedMultiplier;

/** TFLite's QuantizeMultiplierSmallerThanOneExp, which aborts outside (0, 1): null there. */
public final class Rescale {
    private Rescale() {}

    /** The multiplier of a real in (0, 1) with a non-positive shift, or null where TFLite's check fails. */
    public static QuantizedMultiplier smallerThanOne(double real) {
        if (!(real > 0 && real < 1)) {
            return null;
        }
        QuantizedMultiplier q = QuantizedMultiplier.of(real);
        return q.shift() > 0 ? null : q;
    }
}
