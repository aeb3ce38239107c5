package dev.ember4j.ops.embeddinglookup;

import dev.ember4j.core.ops.OperatorParams;

/**
 * EMBEDDING_LOOKUP of {@code lookups} row indices into a value tensor of {@code rows} rows of
 * {@code columns} elements. Without {@code scales} a row is copied as {@code rowBytes} raw bytes; with
 * them (hybrid: int8/uint8 values, float32 output) each element is dequantized by its row's scale
 * ({@code scales} of length 1 is one scale for every row).
 */
public record EmbeddingLookupParams(int lookups, int rows, int columns, int rowBytes, float[] scales)
        implements OperatorParams {
}
