/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.processor;

import dev.ember4j.codegen.GeneratedModel;
import dev.ember4j.codegen.ModelCodegen;
import dev.ember4j.core.EmberException;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generates {@code <Name>Model} (source + {@code <Name>Model.weights} resource) for every type annotated
 * with {@code @dev.ember4j.core.Model("path.tflite")} (or the deprecated {@code dev.ember4j.runtime.Model}), using {@link ModelCodegen}.
 *
 * <p>Model path resolution: an absolute path is used as is. A relative path is tried, in order, against
 * <ol>
 *   <li>the processor option {@code -Aember.modelDir=DIR};</li>
 *   <li>the project directory: the nearest directory holding {@code pom.xml} (or {@code build.gradle[.kts]})
 *       above the class output directory (e.g. {@code target/classes}), then the current working directory;</li>
 *   <li>the class path, the source path (as resources) and {@code <project>/src/main/resources}.</li>
 * </ol>
 * The first existing file wins. Errors are reported on the annotation: file not found (listing every place
 * searched), malformed model, unsupported operator, non-int8 input/output.
 */
public final class ModelProcessor extends AbstractProcessor {
    public static final String ANNOTATION = "dev.ember4j.core.Model";
    /** The annotation's earlier home, still processed. */
    public static final String LEGACY_ANNOTATION = "dev.ember4j.runtime.Model";
    public static final String MODEL_DIR_OPTION = "ember.modelDir";

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ANNOTATION, LEGACY_ANNOTATION);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(MODEL_DIR_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (String name : new String[] {ANNOTATION, LEGACY_ANNOTATION}) {
            TypeElement model = processingEnv.getElementUtils().getTypeElement(name);
            if (model != null) {
                process(round, model);
            }
        }
        return true;
    }

    private void process(RoundEnvironment round, TypeElement model) {
        for (Element e : round.getElementsAnnotatedWith(model)) {
            AnnotationMirror mirror = mirror(e, model);
            try {
                generate((TypeElement) e, mirror);
            } catch (EmberException | IllegalArgumentException ex) {
                error(e, mirror, "@Model: cannot compile model: " + ex.getMessage());
            } catch (IOException ex) {
                error(e, mirror, "@Model: I/O error: " + ex);
            }
        }
    }

    private void generate(TypeElement type, AnnotationMirror mirror) throws IOException {
        String path = value(mirror);
        if (path == null || path.isBlank()) {
            error(type, mirror, "@Model: the model path is empty");
            return;
        }
        List<String> searched = new ArrayList<>();
        byte[] bytes = find(path, searched);
        if (bytes == null) {
            error(type, mirror, "@Model: model file '" + path + "' not found; searched:\n  " + String.join("\n  ", searched)
                    + "\n(relative paths are resolved against -A" + MODEL_DIR_OPTION
                    + "=DIR, the project directory, the working directory, the class path, the source path and"
                    + " src/main/resources)");
            return;
        }
        PackageElement pkg = processingEnv.getElementUtils().getPackageOf(type);
        String pkgName = pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
        String cls = type.getSimpleName() + "Model";
        String iface = type.getKind() == ElementKind.INTERFACE ? type.getQualifiedName().toString() : null;
        GeneratedModel g = ModelCodegen.generate(bytes, pkgName, cls, iface, path);
        Filer filer = processingEnv.getFiler();
        JavaFileObject src = filer.createSourceFile(g.qualifiedName(), type);
        try (Writer w = src.openWriter()) {
            w.write(g.source());
        }
        FileObject res = filer.createResource(StandardLocation.CLASS_OUTPUT, pkgName, g.resourceName(), type);
        try (OutputStream out = res.openOutputStream()) {
            out.write(g.resource());
        }
    }

    /** Reads the model from the first place it exists, recording every place tried. */
    private byte[] find(String path, List<String> searched) throws IOException {
        Path p;
        try {
            p = Path.of(path);
        } catch (RuntimeException e) {
            p = null;
        }
        if (p != null && p.isAbsolute()) {
            searched.add(p.toString());
            return Files.isRegularFile(p) ? Files.readAllBytes(p) : null;
        }
        Set<Path> dirs = new LinkedHashSet<>();
        String modelDir = processingEnv.getOptions().get(MODEL_DIR_OPTION);
        if (modelDir != null && !modelDir.isBlank()) {
            dirs.add(Path.of(modelDir).toAbsolutePath().normalize());
        }
        Path project = projectDir();
        if (project != null) {
            dirs.add(project);
        }
        dirs.add(Path.of("").toAbsolutePath().normalize());
        if (p != null) {
            for (Path d : dirs) {
                Path f = d.resolve(p).normalize();
                searched.add(f.toString());
                if (Files.isRegularFile(f)) {
                    return Files.readAllBytes(f);
                }
            }
        }
        Filer filer = processingEnv.getFiler();
        for (StandardLocation loc : new StandardLocation[] {StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH}) {
            searched.add(loc + " resource '" + path + "'");
            try {
                FileObject fo = filer.getResource(loc, "", path);
                try (InputStream in = fo.openInputStream()) {
                    return in.readAllBytes();
                }
            } catch (IOException | RuntimeException e) {
                // not there (or the location is not configured)
            }
        }
        if (project != null && p != null) {
            Path f = project.resolve("src/main/resources").resolve(p).normalize();
            searched.add(f.toString());
            if (Files.isRegularFile(f)) {
                return Files.readAllBytes(f);
            }
        }
        return null;
    }

    /** The directory holding the build file above the class output directory, or null. */
    private Path projectDir() {
        Path out = classOutput();
        for (Path d = out; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) || Files.isRegularFile(d.resolve("build.gradle"))
                    || Files.isRegularFile(d.resolve("build.gradle.kts"))) {
                return d;
            }
        }
        return null;
    }

    private Path classOutput() {
        try {
            FileObject probe = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "",
                    "ember-processor-probe");
            return Path.of(probe.toUri()).toAbsolutePath().getParent();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static AnnotationMirror mirror(Element e, TypeElement annotation) {
        for (AnnotationMirror m : e.getAnnotationMirrors()) {
            if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName()
                    .contentEquals(annotation.getQualifiedName())) {
                return m;
            }
        }
        return null;
    }

    private static String value(AnnotationMirror m) {
        if (m == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> en : m.getElementValues().entrySet()) {
            if (en.getKey().getSimpleName().contentEquals("value")) {
                Object v = en.getValue().getValue();
                return v instanceof String s ? s : null;
            }
        }
        return null;
    }

    private void error(Element e, AnnotationMirror m, String msg) {
        Messager messager = processingEnv.getMessager();
        if (m != null) {
            messager.printMessage(Diagnostic.Kind.ERROR, msg, e, m);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, msg, e);
        }
    }

}
