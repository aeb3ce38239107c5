package dev.ember4j.ops.logical;

import dev.ember4j.core.ops.OperatorParams;

/** LOGICAL_NOT of {@code count} BOOL elements. */
public record NotParams(int count) implements OperatorParams {
}
