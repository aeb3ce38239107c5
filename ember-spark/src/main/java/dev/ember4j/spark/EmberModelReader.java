/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.MLReader;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads what {@link EmberModelWriter} saved; the model is checked again, on this driver. */
final class EmberModelReader extends MLReader<EmberModel> {
    @Override
    public EmberModel load(String path) {
        DefaultParamsReader.Metadata metadata = DefaultParamsReader.loadMetadata(path, sparkSession(),
                EmberModel.class.getName());
        EmberModel model = new EmberModel(metadata.uid());
        metadata.getAndSetParams(model, scala.Option.empty());
        Path file = new Path(path, EmberModelWriter.MODEL_FILE);
        try {
            FileSystem fs = file.getFileSystem(sc().hadoopConfiguration());
            long length = fs.getFileStatus(file).getLen();
            byte[] bytes = new byte[Math.toIntExact(length)];
            try (FSDataInputStream in = fs.open(file)) {
                in.readFully(0, bytes);
            }
            return model.setModelBytes(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
