/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** After set-up, pushing chunks allocates nothing (ThreadMXBean's per-thread allocation counter). */
class StreamingAllocationTest {
    private long frames;
    private int checksum;

    @Test
    void pushDoesNotAllocate() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs com.sun.management.ThreadMXBean");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);

        short[] pcm = new short[16000 * 3];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < pcm.length; i++) pcm[i] = (short) (random.nextGaussian() * 4000);
        MicroFrontend frontend = new MicroFrontend(FrontendConfig.MICRO_SPEECH);
        byte[] int8 = new byte[40];
        MicroFrontend.FrameListener listener = (index, values) -> {
            MicroFrontend.toInt8(values, int8, 0);
            frames++;
            checksum += int8[3];
        };
        int[] chunks = {1, 7, 160, 999, 13, 4097};
        // Warm up (JIT, class loading) on the same code path.
        for (int round = 0; round < 20; round++) feed(frontend, pcm, chunks, listener);
        long thread = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(thread);
        long framesBefore = frames;
        feed(frontend, pcm, chunks, listener);
        long after = mx.getThreadAllocatedBytes(thread);
        assertEquals(true, frames - framesBefore > 100);
        // The counter read itself may allocate a little; per-chunk allocation would be tens of kilobytes.
        assertEquals(0, Math.max(0, after - before - 256), "bytes allocated while pushing " + (frames - framesBefore)
                + " frames in thousands of chunks: " + (after - before));
    }

    private static void feed(MicroFrontend frontend, short[] pcm, int[] chunks, MicroFrontend.FrameListener listener) {
        int off = 0, c = 0;
        while (off < pcm.length) {
            int n = Math.min(chunks[c++ % chunks.length], pcm.length - off);
            frontend.push(pcm, off, n, listener);
            off += n;
        }
    }
}
