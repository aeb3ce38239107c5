package dev.ember4j.tflite.prepare;

/** Output size and leading padding of one spatial dimension, as TFLite's ComputePaddingHeightWidth. */
record Padding(int outputSize, int before) {
    static final int SAME = 0;
    static final int VALID = 1;

    static Padding of(OpContext ctx, int padding, int input, int filter, int stride, int dilation) {
        if (stride <= 0 || dilation <= 0 || filter <= 0) {
            throw ctx.error("stride " + stride + ", dilation " + dilation + " and filter size " + filter
                    + " must all be positive");
        }
        long effectiveFilter = (long) (filter - 1) * dilation + 1;
        if (effectiveFilter > Integer.MAX_VALUE) {
            // kernels index taps as dilation * tap in int arithmetic
            throw ctx.error("filter size " + filter + " with dilation " + dilation + " spans " + effectiveFilter
                    + " positions, beyond the int range");
        }
        long out;
        if (padding == SAME) {
            out = (input + (long) stride - 1) / stride;
        } else if (padding == VALID) {
            out = (input + (long) stride - effectiveFilter) / stride;
        } else {
            throw ctx.error("unknown padding type " + padding);
        }
        if (out <= 0) {
            throw ctx.error("filter " + filter + " (dilation " + dilation + ") does not fit input size " + input);
        }
        long total = (out - 1) * stride + effectiveFilter - input;
        int before = total > 0 ? (int) (total / 2) : 0;
        return new Padding((int) out, before);
    }
}
