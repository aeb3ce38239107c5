/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.OpResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * One inference ({@code Interpreter.invoke()}) per model × backend, input fixed at setup.
 *
 * <p>The fork adds {@code --add-modules jdk.incubator.vector} so a Vector API backend can load; it is
 * present in JDK 17 through 25. Launch through {@link BenchMain} to drop the flag automatically on a
 * JDK without the module (or pass {@code -jvmArgsAppend ""} to {@code org.openjdk.jmh.Main}).
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class EmberBenchmark {

    @Param({"sine", "speech", "person_detect", "net_mobilenet_tiny", "net_resnet_tiny"})
    public String model;

    /** "ref", or any backend name ServiceLoader finds (e.g. "simd"); an absent backend fails its runs. */
    @Param({"ref", "simd"})
    public String backend;

    private Interpreter interpreter;
    private byte[] input;
    private byte[] output;

    @Setup(Level.Trial)
    public void setUp() {
        KernelBackend b = Backends.byName(backend);
        byte[] bytes = BenchModels.modelBytes(model);
        interpreter = Interpreter.create(ByteBuffer.wrap(bytes), OpResolver.allBuiltins(),
                new byte[Interpreter.arenaBytes(bytes)], b);
        input = BenchModels.input(model, interpreter.input(0).byteSize());
        output = new byte[interpreter.output(0).byteSize()];
    }

    /** Copy input in, invoke, copy output out (the plan may reuse the input's bytes, so it is set each time). */
    @Benchmark
    public byte[] invoke() {
        interpreter.input(0).copyFrom(input);
        interpreter.invoke();
        interpreter.output(0).copyTo(output);
        return output;
    }
}
