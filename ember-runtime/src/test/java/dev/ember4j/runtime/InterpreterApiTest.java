/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.TensorType;
import dev.ember4j.core.UnsupportedOperatorException;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.tflite.BuiltinOperator;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InterpreterApiTest {

    private static Interpreter person() {
        byte[] model = SharedData.model("person_detect.tflite");
        return Interpreter.create(ByteBuffer.wrap(model), OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(model)], new ReferenceBackend());
    }

    @Test
    void tensorMetadataMatchesTheModel() {
        Interpreter it = person();
        assertEquals(1, it.inputCount());
        assertEquals(1, it.outputCount());
        Tensor in = it.input(0);
        assertArrayEquals(new int[] {1, 96, 96, 1}, in.shape());
        assertEquals(TensorType.INT8, in.type());
        assertEquals(-1, in.zeroPoint());
        assertEquals(1 / 127.5f, in.scale(), 1e-7f);
        assertEquals(9216, in.byteSize());
        Tensor out = it.output(0);
        assertArrayEquals(new int[] {1, 2}, out.shape());
        assertEquals(-128, out.zeroPoint());
        assertEquals(1 / 256f, out.scale(), 1e-9f);
        assertEquals("ref", it.backend().name());
    }

    @Test
    void dataViewAliasesTheArena() {
        Interpreter it = person();
        byte[] sample = SharedData.sample("person.input.bin");
        it.input(0).data().put(sample);
        it.invoke();
        byte[] viaView = new byte[2];
        it.output(0).data().get(viaView);
        assertArrayEquals(SharedData.sample("person.expected.bin"), viaView);
    }

    @Test
    void quantizeRoundsHalfAwayFromZeroAndClamps() {
        byte[] model = SharedData.model("sine.tflite");
        Interpreter it = Interpreter.create(model, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(model)]);
        Tensor in = it.input(0);
        float scale = in.scale();
        int zp = in.zeroPoint(); // -128
        byte[] q = new byte[1];
        in.quantize(new float[] {2.5f * scale});
        in.copyTo(q);
        assertEquals(zp + 3, q[0]); // 2.5 rounds away from zero
        in.quantize(new float[] {1000f});
        in.copyTo(q);
        assertEquals(127, q[0]);
        in.quantize(new float[] {-1000f});
        in.copyTo(q);
        assertEquals(-128, q[0]);
    }

    @Test
    void floatRoundTripThroughSine() {
        byte[] model = SharedData.model("sine.tflite");
        Interpreter it = Interpreter.create(model, OpResolver.allBuiltins(), new byte[Interpreter.arenaBytes(model)]);
        float[] x = {1.5707964f};
        float[] y = new float[1];
        it.input(0).quantize(x);
        it.invoke();
        it.output(0).dequantize(y);
        assertEquals(1.0f, y[0], 0.1f, "sin(pi/2)");
    }

    @Test
    void wrongBufferSizesAreRejectedWithBothSizes() {
        Interpreter it = person();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> it.input(0).copyFrom(new byte[10]));
        assertTrue(e.getMessage().contains("9216") && e.getMessage().contains("10"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> it.output(0).copyTo(new byte[3]));
        assertThrows(IndexOutOfBoundsException.class, () -> it.input(1));
    }

    @Test
    void opResolverRejectsOperatorsItDoesNotList() {
        byte[] model = SharedData.model("person_detect.tflite");
        OpResolver convOnly = OpResolver.of(BuiltinOperator.CONV_2D, BuiltinOperator.DEPTHWISE_CONV_2D);
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> Interpreter.create(model, convOnly, new byte[1 << 20]));
        assertTrue(e.getMessage().contains("AVERAGE_POOL_2D") && e.getMessage().contains("op resolver"), e.getMessage());
    }

    /** Custom operators are allowed by name, as TFLM's AddDetectionPostprocess / AddCustom. */
    @Test
    void opResolverAllowsCustomOperatorsByName() throws java.io.IOException {
        byte[] model = java.nio.file.Files.readAllBytes(dev.ember4j.tflite.TestCases.generatedDir()
                .resolve("detection_postprocess_fast_f32/model.tflite"));
        UnsupportedOperatorException e = assertThrows(UnsupportedOperatorException.class,
                () -> Interpreter.create(model, OpResolver.of(BuiltinOperator.CONV_2D), new byte[1 << 20]));
        assertTrue(e.getMessage().contains("operator 0 (CUSTOM(TFLite_Detection_PostProcess)) is not registered in the"
                + " op resolver"), e.getMessage());
        OpResolver detect = OpResolver.of(BuiltinOperator.CONV_2D).withCustom("TFLite_Detection_PostProcess");
        assertTrue(detect.allowsCustom("TFLite_Detection_PostProcess") && detect.allows(BuiltinOperator.CONV_2D));
        Interpreter.create(model, detect, new byte[Interpreter.arenaBytes(model)]).invoke();
        assertTrue(OpResolver.allBuiltins().allowsCustom("TFLite_Detection_PostProcess"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> OpResolver.allBuiltins().withCustom("Foo"));
        assertTrue(bad.getMessage().contains("custom operator 'Foo' is not supported"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OpResolver.of(BuiltinOperator.CUSTOM));
    }

    @Test
    void profiledInvokeGivesSameOutputAndTimesEveryKernel() {
        Interpreter it = person();
        it.input(0).copyFrom(SharedData.sample("no_person.input.bin"));
        long[] nanos = new long[it.prepared().ops().size()];
        it.invokeProfiled(nanos);
        byte[] out = new byte[2];
        it.output(0).copyTo(out);
        assertArrayEquals(SharedData.sample("no_person.expected.bin"), out);
        for (int i = 0; i < nanos.length; i++) {
            if (it.prepared().ops().get(i).params() != null) {
                assertTrue(nanos[i] > 0, "operator " + i + " was not timed");
            }
        }
    }
}
