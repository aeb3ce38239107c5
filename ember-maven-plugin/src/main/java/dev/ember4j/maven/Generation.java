/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.maven;

import dev.ember4j.codegen.GeneratedModel;
import org.apache.maven.plugin.logging.Log;

import javax.lang.model.SourceVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One run of the {@code generate} goal, independent of Maven's injection: finds the models, compares their hashes
 * and the configuration's with the state file, regenerates what changed, deletes outputs of vanished models and
 * records the new state.
 */
final class Generation {

    /** Outcome: which models were generated, and one message per model that failed. */
    record Result(List<String> generated, List<String> upToDate, List<String> errors) {}

    private static final String CONFIG_KEY = "config";
    private static final String MODEL_PREFIX = "model.";
    private static final String OUTPUTS_PREFIX = "outputs.";
    private static final String SOURCE_ROOT_KEY = "sourceRoot";
    private static final String RESOURCE_ROOT_KEY = "resourceRoot";

    private final Path modelDir;
    private final Path sourceRoot;
    private final Path resourceRoot;
    private final Path stateFile;
    private final String packageName;
    private final String prefix;
    private final String suffix;
    private final String generator;
    private final Log log;

    Generation(Path modelDir, Path sourceRoot, Path resourceRoot, Path stateFile, String packageName,
               String prefix, String suffix, String generator, Log log) {
        this.modelDir = modelDir.toAbsolutePath().normalize();
        this.sourceRoot = sourceRoot.toAbsolutePath().normalize();
        this.resourceRoot = resourceRoot.toAbsolutePath().normalize();
        this.stateFile = stateFile;
        this.packageName = packageName;
        this.prefix = prefix;
        this.suffix = suffix;
        this.generator = generator;
        this.log = log;
    }

    Result run() throws IOException {
        List<Path> models = findModels();
        Properties old = readState();
        String config = sha256(String.join("\n", "package=" + packageName, "prefix=" + prefix,
                "suffix=" + suffix, "sources=" + sourceRoot, "resources=" + resourceRoot, "generator=" + generator)
                .getBytes(StandardCharsets.UTF_8));
        boolean configChanged = !config.equals(old.getProperty(CONFIG_KEY));
        if (configChanged && !old.isEmpty()) {
            log.info("Ember: configuration or generator changed, regenerating every model");
        }

        Properties state = new Properties();
        state.setProperty(CONFIG_KEY, config);
        state.setProperty(SOURCE_ROOT_KEY, sourceRoot.toString());
        state.setProperty(RESOURCE_ROOT_KEY, resourceRoot.toString());
        Set<Path> kept = new LinkedHashSet<>();
        List<String> generated = new ArrayList<>();
        List<String> upToDate = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, String> classes = new TreeMap<>();

        for (Path model : models) {
            String rel = slash(modelDir.relativize(model));
            byte[] bytes = Files.readAllBytes(model);
            String hash = sha256(bytes);
            String pkg = packageFor(model);
            String cls = prefix + baseName(model.getFileName().toString()) + suffix;
            String qualified = pkg.isEmpty() ? cls : pkg + "." + cls;
            String clash = classes.put(qualified, rel);
            if (clash != null) {
                errors.add("Ember: " + model + ": generates class " + qualified + ", as does " + clash
                        + "; rename one of the models");
                continue;
            }
            String recordedOutputs = old.getProperty(OUTPUTS_PREFIX + rel);
            if (!configChanged && hash.equals(old.getProperty(MODEL_PREFIX + rel)) && recordedOutputs != null
                    && outputsExist(recordedOutputs)) {
                state.setProperty(MODEL_PREFIX + rel, hash);
                state.setProperty(OUTPUTS_PREFIX + rel, recordedOutputs);
                kept.addAll(outputPaths(recordedOutputs, sourceRoot, resourceRoot));
                upToDate.add(rel);
                continue;
            }
            GeneratedModel g;
            try {
                g = GenerateMojo.generate(bytes, pkg, cls, Path.of(rel));
            } catch (RuntimeException e) {
                errors.add("Ember: cannot compile model " + model + ": " + e.getMessage());
                continue;
            }
            Path source = sourceRoot.resolve(g.sourcePath());
            Path resource = resourceRoot.resolve(g.resourcePath());
            boolean wrote = write(source, g.source().getBytes(StandardCharsets.UTF_8));
            wrote |= write(resource, g.resource());
            kept.add(source);
            kept.add(resource);
            state.setProperty(MODEL_PREFIX + rel, hash);
            state.setProperty(OUTPUTS_PREFIX + rel, "S:" + g.sourcePath() + "|R:" + g.resourcePath());
            generated.add(rel);
            log.info("Ember: " + rel + " -> " + g.qualifiedName() + (wrote ? "" : " (output unchanged)"));
        }

        // Outputs recorded last time but not produced now (model removed, renamed or failing; names changed).
        Path oldSources = Path.of(old.getProperty(SOURCE_ROOT_KEY, sourceRoot.toString()));
        Path oldResources = Path.of(old.getProperty(RESOURCE_ROOT_KEY, resourceRoot.toString()));
        for (String key : old.stringPropertyNames()) {
            if (!key.startsWith(OUTPUTS_PREFIX)) {
                continue;
            }
            for (Path p : outputPaths(old.getProperty(key), oldSources, oldResources)) {
                if (!kept.contains(p) && Files.deleteIfExists(p)) {
                    log.info("Ember: deleted stale " + p);
                }
            }
        }

        if (!state.equals(old)) {
            writeState(state);
        }
        if (generated.isEmpty() && errors.isEmpty()) {
            log.info("Ember: " + upToDate.size() + " model(s) up to date, nothing generated");
        } else if (!generated.isEmpty()) {
            log.info("Ember: generated " + generated.size() + " model(s), " + upToDate.size() + " up to date");
        }
        return new Result(generated, upToDate, errors);
    }

    private List<Path> findModels() throws IOException {
        if (!Files.isDirectory(modelDir)) {
            log.info("Ember: no model directory " + modelDir);
            return List.of();
        }
        try (Stream<Path> s = Files.walk(modelDir)) {
            return s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tflite"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        }
    }

    private String packageFor(Path model) {
        Path parent = modelDir.relativize(model).getParent();
        StringBuilder sb = new StringBuilder(packageName);
        if (parent != null) {
            for (Path segment : parent) {
                String s = sanitizePackage(segment.toString());
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(SourceVersion.isKeyword(s) ? s + "_" : s);
            }
        }
        return sb.toString();
    }

    /** {@code keyword_spotter.tflite} becomes {@code KeywordSpotter}; a leading digit gets a {@code _} before it. */
    static String baseName(String fileName) {
        String base = fileName.substring(0, fileName.length() - ".tflite".length());
        StringBuilder sb = new StringBuilder();
        for (String part : base.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part, 1, part.length());
            }
        }
        if (sb.length() == 0 || Character.isDigit(sb.charAt(0))) {
            sb.insert(0, '_');
        }
        return sb.toString();
    }

    /** Lower-cases nothing; replaces characters that cannot appear in a package name with {@code _}. */
    static String sanitizePackage(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append(c == '.' || Character.isJavaIdentifierPart(c) ? c : '_');
        }
        return sb.toString();
    }

    private boolean outputsExist(String recorded) {
        return outputPaths(recorded, sourceRoot, resourceRoot).stream().allMatch(Files::isRegularFile);
    }

    private static List<Path> outputPaths(String recorded, Path sources, Path resources) {
        List<Path> paths = new ArrayList<>();
        for (String item : recorded.split("\\|")) {
            if (item.startsWith("S:")) {
                paths.add(sources.resolve(item.substring(2)).normalize());
            } else if (item.startsWith("R:")) {
                paths.add(resources.resolve(item.substring(2)).normalize());
            }
        }
        return paths;
    }

    /** Writes {@code bytes} unless the file already holds exactly them; returns whether it wrote. */
    private static boolean write(Path file, byte[] bytes) throws IOException {
        try {
            if (Arrays.equals(Files.readAllBytes(file), bytes)) {
                return false;
            }
        } catch (NoSuchFileException e) {
            // first generation
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return true;
    }

    private Properties readState() throws IOException {
        Properties p = new Properties();
        if (Files.isRegularFile(stateFile)) {
            try (InputStream in = Files.newInputStream(stateFile)) {
                p.load(in);
            }
        }
        return p;
    }

    private void writeState(Properties state) throws IOException {
        Files.createDirectories(stateFile.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(stateFile)) {
            state.store(out, "ember-maven-plugin: hashes of the last generation (delete to force regeneration)");
        }
    }

    private static String slash(Path p) {
        return p.toString().replace('\\', '/');
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
