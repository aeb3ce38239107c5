/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.media.ImageInput;
import dev.ember4j.media.PixelConvention;
import dev.ember4j.media.TopK;
import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ember run --image}, {@code --labels} and {@code --top}, with the CLI's error reporting. */
final class Answers {
    private Answers() {}

    static List<String> readLabels(Path file) {
        if (Files.isDirectory(file)) {
            throw new CliException(ExitCodes.IO, "cannot read label file " + file + ": is a directory");
        }
        try {
            return TopK.readLabels(file);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read label file " + file + ": no such file or directory", e);
        } catch (MalformedInputException e) {
            throw new CliException(ExitCodes.IO, "cannot read label file " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.IO, "cannot read label file " + file + ": " + Models.reason(e), e);
        }
    }

    /** --image: input 0 of a one-input model, an image tensor, filled from the image file. */
    static void loadImage(Interpreter it, Path image, PixelConvention convention, Path model) {
        if (it.inputCount() != 1) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, model + " has " + it.inputCount()
                    + " inputs; --image feeds a model with one input");
        }
        Tensor t = it.input(0);
        try {
            ImageInput.layout(t);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, Models.describe(t, "input 0") + " is not an image input"
                    + " ([1, H, W, C] or [H, W, C], C = 1 or 3, INT8/UINT8/INT16/FLOAT32): --image cannot feed it", e);
        }
        if (Files.isDirectory(image)) {
            throw new CliException(ExitCodes.IO, "cannot read image file " + image + ": is a directory");
        }
        BufferedImage img;
        try {
            img = ImageInput.read(image);
        } catch (NoSuchFileException e) {
            throw new CliException(ExitCodes.IO, "cannot read image file " + image + ": no such file or directory", e);
        } catch (IOException e) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, "cannot read image file " + image + ": "
                    + Models.reason(e), e);
        }
        try {
            ImageInput.fill(t, img, convention);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, "--pixels " + convention.cliName() + ": " + e.getMessage(), e);
        }
    }

    /** Fails before the inference when the label count differs from output 0's classes. */
    static void checkLabels(Interpreter it, List<String> labels, Path labelFile) {
        if (labels == null) {
            return;
        }
        Tensor out = it.output(0);
        if (labels.size() != out.elementCount()) {
            throw new CliException(ExitCodes.INPUT_MISMATCH, labelFile + " has " + labels.size() + " label"
                    + (labels.size() == 1 ? "" : "s") + ", but " + Models.describe(out, "output 0") + " has "
                    + out.elementCount() + " classes");
        }
    }

    /** The top classes of output 0: "label  score  (class i)" lines, best first, or one JSON document. */
    static void print(PrintWriter out, Interpreter it, List<String> labels, Path labelFile, int k, boolean json) {
        List<TopK.Entry> top = top(it, labels, k);
        if (json) {
            out.print(Json.write(jsonRoot(it, top, labelFile)));
        } else {
            int width = 0;
            for (TopK.Entry e : top) {
                width = Math.max(width, e.label().length());
            }
            for (TopK.Entry e : top) {
                out.println(String.format("%-" + Math.max(1, width) + "s  %s  (class %d)", e.label(), score(e.score()),
                        e.index()));
            }
        }
        out.flush();
    }

    /** The JSON document {@link #print} writes, for a caller that collects several (one per step). */
    static Map<String, Object> json(Interpreter it, List<String> labels, Path labelFile, int k) {
        return jsonRoot(it, top(it, labels, k), labelFile);
    }

    private static List<TopK.Entry> top(Interpreter it, List<String> labels, int k) {
        Tensor t = it.output(0);
        try {
            return TopK.of(t, labels, k);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CliException(ExitCodes.FAILURE, Models.describe(t, "output 0") + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> jsonRoot(Interpreter it, List<TopK.Entry> top, Path labelFile) {
        Tensor t = it.output(0);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("output", 0);
        root.put("tensor", t.name());
        root.put("classes", t.elementCount());
        root.put("labels", labelFile == null ? null : labelFile.toString());
        List<Object> list = new ArrayList<>();
        for (int r = 0; r < top.size(); r++) {
            TopK.Entry e = top.get(r);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", r + 1);
            m.put("index", e.index());
            m.put("label", e.label());
            m.put("score", e.score());
            list.add(m);
        }
        root.put("top", list);
        return root;
    }

    /** The shortest decimal that reads back to the same float, without an exponent. */
    static String score(float f) {
        if (!Float.isFinite(f)) {
            return Float.toString(f);
        }
        return new BigDecimal(Float.toString(f)).toPlainString();
    }
}
