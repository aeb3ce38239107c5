/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.processor;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.runtime.Model;

import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Compiles sources with javax.tools (optionally with the processor) and loads the result. */
final class Compilation {
    final boolean success;
    final List<Diagnostic<? extends JavaFileObject>> diagnostics;
    final Path classes;

    private Compilation(boolean success, List<Diagnostic<? extends JavaFileObject>> diagnostics, Path classes) {
        this.success = success;
        this.diagnostics = diagnostics;
        this.classes = classes;
    }

    /** Class path with ember-core (KernelBackend, params), ember-ops (registry kernels) and ember-runtime (the annotation). */
    static String classPath(Path... extra) {
        List<String> cp = new ArrayList<>();
        cp.add(location(KernelBackend.class));
        cp.add(location(Model.class));
        cp.add(location(dev.ember4j.ops.Operators.class)); // registry operators' kernels and records
        for (Path p : extra) {
            cp.add(p.toString());
        }
        return String.join(File.pathSeparator, cp);
    }

    private static String location(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compiles every .java under {@code srcDir} into {@code outDir}. */
    static Compilation compile(Path srcDir, Path outDir, Processor processor, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, null, null);
             Stream<Path> walk = Files.walk(srcDir)) {
            Files.createDirectories(outDir);
            List<File> files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toFile).toList();
            List<String> options = new ArrayList<>(List.of("-d", outDir.toString(), "-classpath", classPath(),
                    "-Xlint:none"));
            if (processor == null) {
                options.add("-proc:none");
            }
            options.addAll(extraOptions);
            JavaCompiler.CompilationTask task = javac.getTask(null, fm, diags, options, null,
                    fm.getJavaFileObjectsFromFiles(files));
            if (processor != null) {
                task.setProcessors(List.of(processor));
            }
            boolean ok = task.call();
            return new Compilation(ok, diags.getDiagnostics(), outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String errors() {
        return diagnostics.stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> d.getMessage(null)).collect(Collectors.joining("\n"));
    }

    ClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Compilation.class.getClassLoader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
