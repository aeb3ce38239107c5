package dev.ember4j.simd;

/**
 * Per-thread working arrays of the kernels (float rows, accumulators, depthwise row ring). They
 * grow to the largest operator a thread has run and are then reused, so an inference allocates
 * nothing once every operator has run once. Float arrays cannot live in the byte scratch the
 * engine provides without per-access conversion, which would cost more than the kernels.
 */
final class Work {
    private static final ThreadLocal<Work> LOCAL = ThreadLocal.withInitial(Work::new);

    private float[] rows = new float[0];
    private float[] facc = new float[0];
    private int[] iacc = new int[0];
    private int[] offsets = new int[0];

    static Work get() {
        return LOCAL.get();
    }

    float[] rows(int size) {
        if (rows.length < size) {
            rows = new float[size];
        }
        return rows;
    }

    float[] facc(int size) {
        if (facc.length < size) {
            facc = new float[size];
        }
        return facc;
    }

    int[] iacc(int size) {
        if (iacc.length < size) {
            iacc = new int[size];
        }
        return iacc;
    }

    int[] offsets(int size) {
        if (offsets.length < size) {
            offsets = new int[size];
        }
        return offsets;
    }
}
