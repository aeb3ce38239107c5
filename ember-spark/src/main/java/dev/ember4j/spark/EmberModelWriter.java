/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsWriter;
import org.apache.spark.ml.util.MLWriter;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Saves an {@link EmberModel}: Spark's parameter metadata, and the model bytes as {@code model.tflite}. */
final class EmberModelWriter extends MLWriter {
    static final String MODEL_FILE = "model.tflite";
    private final EmberModel instance;

    EmberModelWriter(EmberModel instance) {
        this.instance = instance;
    }

    @Override
    public void saveImpl(String path) {
        byte[] bytes = instance.getModelBytes();
        if (bytes == null) {
            throw new IllegalStateException("EmberModel " + instance.uid() + " has no model to save");
        }
        DefaultParamsWriter.saveMetadata(instance, path, sparkSession());
        Path file = new Path(path, MODEL_FILE);
        try {
            FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(file, true)) {
                out.write(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
