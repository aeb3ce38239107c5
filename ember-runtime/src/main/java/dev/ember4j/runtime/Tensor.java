package dev.ember4j.runtime;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.quant.FixedPoint;
import dev.ember4j.tflite.prepare.PreparedTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A model input or output of an {@link Interpreter}: its metadata and a view of its bytes in the
 * arena. Data is valid between {@code invoke()} calls; outputs change on the next invoke.
 */
public final class Tensor {
    private final PreparedTensor tensor;
    private final byte[] arena;
    private final int offset;
    private final int byteSize;

    Tensor(PreparedTensor tensor, byte[] arena) {
        this.tensor = tensor;
        this.arena = tensor.isConstant() ? tensor.constant() : arena;
        this.offset = tensor.isConstant() ? 0 : tensor.arenaOffset();
        this.byteSize = tensor.byteSize();
    }

    public String name() {
        return tensor.name();
    }

    /** A copy of the shape. */
    public int[] shape() {
        return tensor.shape().clone();
    }

    public TensorType type() {
        return tensor.type();
    }

    /** Quantization scale (0 for unquantized tensors). */
    public float scale() {
        return tensor.scale();
    }

    public int zeroPoint() {
        return tensor.zeroPoint();
    }

    public int elementCount() {
        return tensor.elementCount();
    }

    public int byteSize() {
        return byteSize;
    }

    /** A little-endian view of this tensor's bytes in the arena (writable for inputs). */
    public ByteBuffer data() {
        return ByteBuffer.wrap(arena, offset, byteSize).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Copies raw tensor bytes in; {@code src} must be exactly {@link #byteSize()} long. */
    public void copyFrom(byte[] src) {
        checkLength(src.length);
        System.arraycopy(src, 0, arena, offset, byteSize);
    }

    /** Copies raw tensor bytes out; {@code dst} must be exactly {@link #byteSize()} long. */
    public void copyTo(byte[] dst) {
        checkLength(dst.length);
        System.arraycopy(arena, offset, dst, 0, byteSize);
    }

    /** Quantizes real values into this int8 tensor: q = clamp(round(x / scale) + zeroPoint). */
    public void quantize(float[] values) {
        requireInt8();
        checkElements(values.length);
        float scale = tensor.scale();
        int zp = tensor.zeroPoint();
        for (int i = 0; i < values.length; i++) {
            float ratio = values[i] / scale; // float division and round-half-away, as TFLite's QUANTIZE
            long q = (long) FixedPoint.roundHalfAwayFromZero(ratio) + zp;
            arena[offset + i] = (byte) Math.max(-128, Math.min(127, q));
        }
    }

    /** Dequantizes this int8 tensor into real values: x = scale * (q - zeroPoint). */
    public void dequantize(float[] values) {
        requireInt8();
        checkElements(values.length);
        float scale = tensor.scale();
        int zp = tensor.zeroPoint();
        for (int i = 0; i < values.length; i++) {
            values[i] = scale * (arena[offset + i] - zp);
        }
    }

    private void requireInt8() {
        if (tensor.type() != TensorType.INT8) {
            throw new IllegalStateException(tensor.label() + " is " + tensor.type() + ", not INT8");
        }
    }

    private void checkLength(int length) {
        if (length != byteSize) {
            throw new IllegalArgumentException(tensor.label() + " " + Arrays.toString(tensor.shape()) + " holds "
                    + byteSize + " bytes, got " + length);
        }
    }

    private void checkElements(int length) {
        if (length != tensor.elementCount()) {
            throw new IllegalArgumentException(tensor.label() + " " + Arrays.toString(tensor.shape()) + " holds "
                    + tensor.elementCount() + " values, got " + length);
        }
    }

    @Override
    public String toString() {
        return "Tensor[" + tensor.name() + " " + tensor.type() + Arrays.toString(tensor.shape()) + " scale "
                + tensor.scale() + " zp " + tensor.zeroPoint() + "]";
    }
}
