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
        for (int i = 0; i < warmup; i++) {
            interpreter.invoke();
        }
        long id = Thread.currentThread().getId();
        // The counter itself may allocate on its first call; take a baseline reading first.
        threads.getThreadAllocatedBytes(id);
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 50; i++) {
            interpreter.invoke();
        }
        long after = threads.getThreadAllocatedBytes(id);
        assertEquals(0, after - before, modelName + ": bytes allocated over 50 invokes");
    }
}
