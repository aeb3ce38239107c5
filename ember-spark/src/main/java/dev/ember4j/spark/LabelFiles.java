/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label files for top-k: one label per line, line i naming class i (UTF-8; a trailing empty line
 * ignored), read once per JVM and location, from the same places as models ({@link ModelFiles}).
 */
final class LabelFiles {
    private static final ConcurrentHashMap<String, List<String>> BY_LOCATION = new ConcurrentHashMap<>();

    private LabelFiles() {}

    static List<String> labels(String location) {
        return BY_LOCATION.computeIfAbsent(location, l -> {
            try {
                String text = new String(ModelFiles.read(l), StandardCharsets.UTF_8);
                return text.lines().map(String::strip).toList();
            } catch (IOException | RuntimeException e) {
                throw new EmberSparkException("cannot read labels '" + l + "': " + e.getMessage(), e);
            }
        });
    }
}
