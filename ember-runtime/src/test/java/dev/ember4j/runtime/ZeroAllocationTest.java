package dev.ember4j.runtime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** invoke() allocates nothing: measured with the JVM's per-thread allocation counter. */
class ZeroAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"sine.tflite", "speech.tflite", "person_detect.tflite"})
    void invokeAllocatesNothing(String modelName) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(threads.isThreadAllocatedMemorySupported(), "allocation counter unavailable");
        threads.setThreadAllocatedMemoryEnabled(true);
        byte[] model = SharedData.model(modelName);
        Interpreter interpreter = Interpreter.create(model, OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)]);
        int warmup = modelName.startsWith("person") ? 20 : 200;
        long id = Thread.currentThread().getId();
        // The counter itself may allocate on its first call; take a baseline reading first.
        threads.getThreadAllocatedBytes(id);
        // JIT compilation can allocate a few bytes in the first rounds (OSR, profiling); a steady-state
        // round must allocate nothing. Code that allocates on every invoke fails all rounds.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 6 && allocated != 0; round++) {
            for (int i = 0; i < warmup; i++) {
                interpreter.invoke();
            }
            long before = threads.getThreadAllocatedBytes(id);
            for (int i = 0; i < 50; i++) {
                interpreter.invoke();
            }
            allocated = threads.getThreadAllocatedBytes(id) - before;
        }
        assertEquals(0, allocated, modelName + ": bytes allocated over 50 invokes in the last round");
    }
}
