/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.resourcevariable;

import dev.ember4j.tflite.TensorDef;
import dev.ember4j.tflite.prepare.OpContext;

/** Input 0 of READ_VARIABLE and ASSIGN_VARIABLE once the preparer resolved it: the variable's storage. */
final class Storage {
    private Storage() {}

    static TensorDef of(OpContext ctx) {
        TensorDef t = ctx.input(0);
        if (!t.isVariable()) {
            // only reachable when a resource id was not resolved (ResourceVariables runs before every prepare)
            throw ctx.error("input 0 " + t.label() + " " + t.type() + " is not a resource variable's storage");
        }
        if (t.type().bytes() < 0) {
            throw ctx.unsupported(t.label() + " has type " + t.type() + ", which has no fixed size");
        }
        return t;
    }
}
