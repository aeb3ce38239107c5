package dev.ember4j.examples;

import dev.ember4j.runtime.Model;

/** sin(x) regression: the processor generates {@link SineModel} from sine.tflite. */
@Model("sine.tflite")
public interface Sine {
}
