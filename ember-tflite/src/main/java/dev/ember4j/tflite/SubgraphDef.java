/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite;

import java.util.List;

/**
 * One subgraph of the model file. Subgraph 0 is the main graph; the others are called by control-flow
 * operators (CALL_ONCE's initialization subgraph; WHILE/IF bodies). Tensor and operator indices are the
 * subgraph's own, each checked against the subgraph's tensor count.
 */
public record SubgraphDef(int index, String name, List<TensorDef> tensors, List<OperatorDef> operators, int[] inputs,
                          int[] outputs) {

    /** "subgraph 1 'NoOp'" for messages. */
    public String label() {
        return "subgraph " + index + (name == null || name.isEmpty() ? "" : " '" + name + "'");
    }
}
