/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.tflite.prepare;

import dev.ember4j.tflite.TfliteModel;

import java.util.List;

/**
 * The main graph with every CALL_ONCE's subgraph inlined and resource variables resolved: one straight
 * list of operators the preparer treats like any single-subgraph model.
 *
 * @param model   the flat model: operator {@code i} has index {@code i}; tensors of inlined subgraphs and
 *                the synthetic state tensors follow the main graph's tensors
 * @param once    the inlined initialization blocks, in operator order
 * @param origins per flat operator, the operator as the file numbers it ("operator 2 (ADD)",
 *                "subgraph 1 operator 0 (ASSIGN_VARIABLE)"), for messages
 */
record FlatGraph(TfliteModel model, List<OnceBlock> once, List<String> origins) {

    /** A model without subgraph calls or resource variables, as it is. */
    static FlatGraph of(TfliteModel model) {
        return new FlatGraph(model, List.of(), model.operators().stream().map(d -> d.label()).toList());
    }

    /** Index of an empty buffer (for synthetic state tensors, which have no data), appended if there is none. */
    static int emptyBuffer(List<byte[]> buffers) {
        for (int i = 0; i < buffers.size(); i++) {
            if (buffers.get(i) == null || buffers.get(i).length == 0) {
                return i;
            }
        }
        buffers.add(new byte[0]);
        return buffers.size() - 1;
    }
}
