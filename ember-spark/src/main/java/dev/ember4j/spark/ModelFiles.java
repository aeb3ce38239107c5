/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.SparkEnv;
import org.apache.spark.SparkFiles;
import scala.Tuple2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * Reads model and label files where an executor finds them: a URI with a scheme ({@code hdfs://},
 * {@code s3a://}, {@code file:/}, ...) through Hadoop's FileSystem, which Spark brings; a plain path on the
 * local file system; and a plain name that is not a local file in {@link SparkFiles} (files shipped with
 * {@code --files} or {@code SparkContext.addFile}).
 */
final class ModelFiles {
    /** A scheme of two or more characters (so that {@code C:\...} stays a local path). */
    private static final Pattern URI = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static volatile Configuration hadoop;

    private ModelFiles() {}

    /** One version of a file: its location, length and modification time (the key of the file cache). */
    record FileVersion(String location, String resolved, boolean local, long length, long modified) {}

    static FileVersion stat(String location) throws IOException {
        if (URI.matcher(location).matches()) {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(location);
            FileStatus st = p.getFileSystem(hadoopConf()).getFileStatus(p);
            return new FileVersion(location, location, false, st.getLen(), st.getModificationTime());
        }
        Path p = Path.of(location);
        if (!Files.isRegularFile(p)) {
            Path shipped = sparkFile(location);
            if (shipped != null) {
                p = shipped;
            }
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new FileVersion(location, p.toString(), true, a.size(), a.lastModifiedTime().toMillis());
    }

    static byte[] read(FileVersion v) throws IOException {
        if (v.local()) {
            return Files.readAllBytes(Path.of(v.resolved()));
        }
        if (v.length() > Integer.MAX_VALUE - 16) {
            throw new IOException(v.location() + " is " + v.length() + " bytes, more than a model can be");
        }
        org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(v.resolved());
        FileSystem fs = p.getFileSystem(hadoopConf());
        byte[] bytes = new byte[(int) v.length()];
        try (FSDataInputStream in = fs.open(p)) {
            in.readFully(0, bytes);
        }
        return bytes;
    }

    /** The file's bytes, wherever it is. */
    static byte[] read(String location) throws IOException {
        return read(stat(location));
    }

    /** A file shipped to this node with SparkFiles, or null. */
    private static Path sparkFile(String name) {
        if (name.contains("/") || name.contains("\\") || SparkEnv.get() == null) {
            return null;
        }
        try {
            Path p = Path.of(SparkFiles.get(name));
            return Files.isRegularFile(p) ? p : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Hadoop's defaults (core-site.xml, ...) plus the application's {@code spark.hadoop.*} settings. */
    static Configuration hadoopConf() {
        Configuration c = hadoop;
        if (c == null) {
            c = new Configuration();
            SparkEnv env = SparkEnv.get();
            if (env != null) {
                for (Tuple2<String, String> kv : env.conf().getAll()) {
                    if (kv._1().startsWith("spark.hadoop.")) {
                        c.set(kv._1().substring("spark.hadoop.".length()), kv._2());
                    }
                }
            }
            hadoop = c;
        }
        return c;
    }
}
