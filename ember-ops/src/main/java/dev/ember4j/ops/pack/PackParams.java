package dev.ember4j.ops.pack;

import dev.ember4j.core.ops.OperatorParams;

/** PACK: a {@link dev.ember4j.ops.moves.CopyProgram} of strided box copies. */
public record PackParams(int[] program) implements OperatorParams {
}
