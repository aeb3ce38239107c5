/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;
import dev.ember4j.core.TensorType;
import dev.ember4j.media.PixelConvention;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ember run}: one inference from raw tensor files to raw tensor files, or with {@code --steps N} N
 * inferences in sequence on one interpreter (stateful models keep their variable tensors from step to step),
 * each input file holding the N inputs one after another and each output file receiving the N outputs so.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs one inference, or with --steps N a sequence of N on one interpreter.",
            "Tensor files are raw bytes, row-major, no header: int8 as signed bytes, wider types little-endian.",
            "Input 0 can also come from a WAV file (--wav) or an image (--image).",
            "With --labels or --top the best classes of output 0 are printed",
            "(then --output is optional).",
            "Stateful models (variable tensors, e.g. SVDF keyword spotters) keep their state across the steps",
            "of one run; every run starts from the model's initial state.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  ember run person_detect.tflite --input person.input.bin --output out.bin",
            "  ember run person_detect.tflite --image person.bmp --labels labels.txt --top 2",
            "  ember run kws_svdf.tflite --steps 12 --input frames.bin --output scores.bin    # 12 frames in, 12 outputs",
            "  ember run kws_svdf.tflite --steps 98 --reset-every 49 --input two_utterances.bin --top 1"})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TensorFlow Lite model (.tflite)")
    Path model;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE",
            description = "Raw bytes of one model input; repeat once per input, in the model's input order.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--wav", paramLabel = "WAV",
            description = "Instead of --input: a 16-bit PCM mono 16 kHz WAV file whose micro_speech int8 features "
                    + "(as 'ember features' writes them) become input 0.")
    Path wav;

    @Option(names = "--image", paramLabel = "FILE",
            description = {"Instead of --input: a PNG, JPEG or BMP image for input 0 (an image tensor [1,H,W,C], C = 1 or 3):",
                "converted to gray or RGB by C, resized to HxW (bilinear, half-pixel centers) unless it matches,",
                "then mapped to tensor values with --pixels."})
    Path image;

    @Option(names = "--pixels", paramLabel = "CONVENTION", defaultValue = "bytes",
            description = {"How --image pixels p (0..255) become tensor values (default: ${DEFAULT-VALUE}):",
                "bytes = the pixel byte as is (int8: (byte) p, as the person samples were made),",
                "minus128 = p - 128, unit = p/255 in [0,1] and symmetric = p/127.5 - 1 in [-1,1],",
                "both quantized with the tensor's scale and zero point."})
    String pixels;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Label file, one label per line in class order: print the top classes of output 0.")
    Path labels;

    @Option(names = "--top", paramLabel = "K",
            description = "Print the K best classes of output 0 with dequantized scores (default with --labels: 5).")
    Integer top;

    @Option(names = "--json", description = "With --labels/--top: print the top classes as JSON.")
    boolean json;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Destination destination;

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
                description = "Write the raw bytes of output 0 here.")
        Path output;

        @Option(names = "--output-dir", paramLabel = "DIR", required = true,
                description = "Write every output K to DIR/outputK.bin (DIR is created if missing).")
        Path outputDir;
    }

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", defaultValue = "ref",
            description = "Kernel backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Option(names = {"-t", "--threads"}, paramLabel = "N", defaultValue = "1",
            description = {"Threads per inference (default: ${DEFAULT-VALUE}); N > 1 splits the large",
                "convolutions by output rows over N threads (same output bytes)."})
    int threads;

    @Option(names = "--steps", paramLabel = "N",
            description = {"Run N inferences in sequence on one interpreter (state carried over):",
                "each --input file holds N input tensors back to back (N x the tensor's bytes);",
                "--output / --output-dir files receive the N outputs back to back, in step order."})
    Integer steps;

    @Option(names = "--reset-every", paramLabel = "M",
            description = {"With --steps: restore the model's variable tensors to their initial values",
                "before steps M, 2M, ... (one sequence, e.g. one utterance, every M steps)."})
    Integer resetEvery;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        boolean answers = labels != null || top != null;
        if (destination == null && !answers) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required option: '--output=FILE' or '--output-dir=DIR' (or --labels/--top to print classes)");
        }
        if (json && !answers) {
            throw new ParameterException(spec.commandLine(), "--json needs --labels or --top");
        }
        if (threads < 1 || threads > 256) {
            throw new ParameterException(spec.commandLine(), "--threads must be in [1, 256], got " + threads);
        }
        if (top != null && top < 1) {
            throw new ParameterException(spec.commandLine(), "--top must be >= 1, got " + top);
        }
        PixelConvention convention;
        try {
            convention = PixelConvention.parse(pixels);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--pixels: " + e.getMessage());
        }
        List<String> sources = new ArrayList<>();
        if (!inputs.isEmpty()) sources.add("--input");
        if (wav != null) sources.add("--wav");
        if (image != null) sources.add("--image");
        if (sources.size() == 2) {
            throw new ParameterException(spec.commandLine(), "give either " + sources.get(0) + " or " + sources.get(1)
                    + ", not both");
        }
        if (sources.size() > 2) {
            throw new ParameterException(spec.commandLine(), "give only one of --input, --wav and --image");
        }
        checkSteps(sources);
        List<String> labelList = labels == null ? null : Answers.readLabels(labels);
        var backendImpl = Backends.discover().select(backend);
        Models.Loaded loaded = Models.load(model);
        Interpreter it = Models.interpreter(loaded, backendImpl, threads);
        Answers.checkLabels(it, labelList, labels);
        if (wav != null) {
            loadWav(it);
        } else if (image != null) {
            Answers.loadImage(it, image, convention, model);
        } else if (inputs.isEmpty()) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required option: '--input=FILE' (or --wav=WAV or --image=FILE)");
        } else if (steps != null) {
            return runSteps(it, labelList, answers);
        } else {
            Models.loadInputs(it, inputs, model);
        }
        it.invoke();
        if (answers) {
            Answers.print(spec.commandLine().getOut(), it, labelList, labels, top == null ? 5 : top, json);
        }
        if (destination == null) {
            return ExitCodes.OK;
        }
        byte[][] outs = new byte[it.outputCount()][];
        for (int o = 0; o < outs.length; o++) {
            outs[o] = bytes(it.output(o));
        }
        writeOutputs(it, outs);
        return ExitCodes.OK;
    }

    private void checkSteps(List<String> sources) {
        if (steps == null) {
            if (resetEvery != null) {
                throw new ParameterException(spec.commandLine(), "--reset-every needs --steps");
            }
            return;
        }
        if (steps < 1) {
            throw new ParameterException(spec.commandLine(), "--steps must be >= 1, got " + steps);
        }
        if (resetEvery != null && resetEvery < 1) {
            throw new ParameterException(spec.commandLine(), "--reset-every must be >= 1, got " + resetEvery);
        }
        if (!sources.isEmpty() && !sources.get(0).equals("--input")) {
            throw new ParameterException(spec.commandLine(), "--steps reads stacked --input files, not "
                    + sources.get(0));
        }
    }

    /** --steps: N invokes on one interpreter, inputs sliced from stacked files, outputs stacked in step order. */
    private int runSteps(Interpreter it, List<String> labelList, boolean answers) {
        byte[][] stacked = Models.readStackedInputs(it, inputs, model, steps);
        byte[][] outs = new byte[it.outputCount()][];
        for (int o = 0; o < outs.length; o++) {
            outs[o] = new byte[Math.multiplyExact(steps, it.output(o).byteSize())];
        }
        PrintWriter out = spec.commandLine().getOut();
        List<Object> perStep = new ArrayList<>();
        for (int step = 0; step < steps; step++) {
            if (resetEvery != null && step > 0 && step % resetEvery == 0) {
                it.resetVariables();
            }
            for (int i = 0; i < stacked.length; i++) {
                int size = it.input(i).byteSize();
                it.input(i).data().put(0, stacked[i], step * size, size);
            }
            it.invoke();
            for (int o = 0; o < outs.length; o++) {
                int size = it.output(o).byteSize();
                it.output(o).data().get(0, outs[o], step * size, size);
            }
            if (answers && json) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("step", step);
                one.putAll(Answers.json(it, labelList, labels, top == null ? 5 : top));
                perStep.add(one);
            } else if (answers) {
                out.println("step " + step + ":");
                Answers.print(out, it, labelList, labels, top == null ? 5 : top, false);
            }
        }
        if (answers && json) {
            out.print(Json.write(Map.of("steps", perStep)));
            out.flush();
        }
        if (destination != null) {
            writeOutputs(it, outs);
        }
        return ExitCodes.OK;
    }

    private void writeOutputs(Interpreter it, byte[][] outs) {
        PrintWriter err = spec.commandLine().getErr();
        if (destination.output != null) {
            Models.writeFile(destination.output, outs[0], "output file");
            if (it.outputCount() > 1) {
                err.println("ember: note: the model has " + it.outputCount()
                        + " outputs; only output 0 was written (use --output-dir for all)");
            }
        } else {
            Models.createDirectories(destination.outputDir);
            for (int o = 0; o < outs.length; o++) {
                Models.writeFile(destination.outputDir.resolve("output" + o + ".bin"), outs[o], "output file");
            }
        }
    }

    /** --wav: the WAV's int8 features into input 0, which must be an INT8 tensor of exactly that size. */
    private void loadWav(Interpreter it) {
        byte[] features = AudioFeatures.int8(wav);
        if (it.inputCount() != 1) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, model + " has " + it.inputCount()
                    + " inputs; --wav feeds a model with one input");
        }
        Tensor t = it.input(0);
        if (t.type() != TensorType.INT8 || t.byteSize() != features.length) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, Models.describe(t, "input 0") + " expects "
                    + t.byteSize() + " bytes, but " + wav + " gives " + AudioFeatures.describe(features) + " = "
                    + features.length + " int8 bytes (micro_speech features: 30 ms windows every 20 ms at 16 kHz;"
                    + " 1 s of audio gives 49 x 40 = 1960)");
        }
        t.copyFrom(features);
    }

    private static byte[] bytes(Tensor t) {
        byte[] b = new byte[t.byteSize()];
        t.copyTo(b);
        return b;
    }
}
