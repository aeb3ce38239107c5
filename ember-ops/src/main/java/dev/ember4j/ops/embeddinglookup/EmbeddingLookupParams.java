/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.ops.embeddinglookup;

import dev.ember4j.core.ops.OperatorParams;

/**
 * EMBEDDING_LOOKUP of {@code lookups} row indices into a value tensor of {@code rows} rows of
 * {@code columns} elements. Without {@code scaleBits} a row is copied as {@code rowBytes} raw bytes; with
 * them (hybrid: int8/uint8 values, float32 output) each element is dequantized by its row's scale, given
 * as float bits ({@code scaleBits} of length 1 is one scale for every row; int[] so that generated code
 * can rebuild the record).
 */
public record EmbeddingLookupParams(int lookups, int rows, int columns, int rowBytes, int[] scaleBits)
        implements OperatorParams {
}
