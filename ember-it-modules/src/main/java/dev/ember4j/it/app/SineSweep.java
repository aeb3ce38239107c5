/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.it.app;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;
import dev.ember4j.runtime.Interpreter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs every int8 input of the sine model, one inference each, through the Interpreter on each backend
 * named (the model read from this package's resource {@code sine.tflite}) and through the generated
 * {@link SineModel}, and writes each run's outputs to {@code OUT/NAME.bin}. Prints which module each piece
 * came from, so that the caller can check the module path was used.
 *
 * <p>Usage: {@code SineSweep INPUTS OUT BACKEND...}
 */
public final class SineSweep {
    private SineSweep() {}

    public static void main(String[] args) throws IOException {
        byte[] inputs = Files.readAllBytes(Path.of(args[0]));
        Path out = Path.of(args[1]);
        System.out.println("app module: " + SineSweep.class.getModule().getName());
        for (int b = 2; b < args.length; b++) {
            try (Interpreter interpreter = Interpreter.builder(SineSweep.class, "sine.tflite").backend(args[b]).build()) {
                KernelBackend backend = interpreter.backend();
                System.out.println("backend " + args[b] + ": " + backend.getClass().getName() + " in module "
                        + backend.getClass().getModule().getName() + " (" + backend.description() + ")");
                byte[] outputs = new byte[inputs.length];
                byte[] one = new byte[1];
                for (int i = 0; i < inputs.length; i++) {
                    interpreter.run(new byte[] {inputs[i]}, one);
                    outputs[i] = one[0];
                }
                Files.write(out.resolve(args[b] + ".bin"), outputs);
            }
        }
        byte[] outputs = new byte[inputs.length];
        byte[] one = new byte[SineModel.OUTPUT_LENGTH];
        KernelBackend ref = new ReferenceBackend();
        for (int i = 0; i < inputs.length; i++) {
            SineModel.predictQuantized(ref, new byte[] {inputs[i]}, one);
            outputs[i] = one[0];
        }
        System.out.println("generated: " + SineModel.class.getName() + " in module "
                + SineModel.class.getModule().getName());
        Files.write(out.resolve("generated.bin"), outputs);
    }
}
