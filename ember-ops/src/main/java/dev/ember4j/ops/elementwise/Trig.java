package dev.ember4j.ops.elementwise;

/**
 * SIN and COS of float32 as TFLite computes them (std::sin / std::cos of a float: glibc's sinf / cosf).
 * See docs/OPERATORS.md for how this was measured against TFLite 2.21 over every float32 input.
 */
public final class Trig {
    private Trig() {}

    /** The value TFLite writes for sin(x). */
    public static float sin(float x) {
        return (float) Math.sin(x);
    }

    /** The value TFLite writes for cos(x). */
    public static float cos(float x) {
        return (float) Math.cos(x);
    }
}
