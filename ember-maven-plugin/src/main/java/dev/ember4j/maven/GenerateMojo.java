/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.maven;

import dev.ember4j.codegen.GeneratedModel;
import dev.ember4j.codegen.ModelCodegen;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Compiles every {@code .tflite} model under {@link #modelDirectory} into a Java class (under
 * {@link #sourceOutputDirectory}, added as a compile source root) and its weights resource (under
 * {@link #resourceOutputDirectory}, added as a resource directory).
 *
 * <p>A model {@code <modelDirectory>/a/b/kws.tflite} becomes class {@code <packageName>.a.b.KwsModel}: the file
 * name without {@code .tflite}, split at every character that is not a letter or digit, each part capitalized,
 * between {@link #classNamePrefix} and {@link #classNameSuffix}.
 *
 * <p>Up-to-date check: the SHA-256 of every model and of the configuration (package, prefix, suffix, output
 * directories, this plugin and its Ember4j code generator) are recorded in {@link #stateFile}. A model is
 * regenerated exactly when its content or the configuration changed, or one of its generated files is missing;
 * files whose new content equals the old are not rewritten, so their timestamps stay untouched and the
 * compiler sees nothing to do. Outputs of removed or renamed models are deleted.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

    /** Directory searched (recursively) for {@code *.tflite} models. */
    @Parameter(property = "ember.modelDirectory", defaultValue = "${project.basedir}/src/main/tflite")
    File modelDirectory;

    /** Root of the generated Java sources; added to the project's compile source roots. */
    @Parameter(property = "ember.sourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-sources/ember")
    File sourceOutputDirectory;

    /** Root of the generated weights resources; added to the project's resources. */
    @Parameter(property = "ember.resourceOutputDirectory",
            defaultValue = "${project.build.directory}/generated-resources/ember")
    File resourceOutputDirectory;

    /**
     * Package of the generated classes (models in subdirectories go to sub-packages). Defaults to the project's
     * group id, with characters not allowed in a package name replaced by {@code _}.
     */
    @Parameter(property = "ember.packageName", defaultValue = "${project.groupId}")
    String packageName;

    /** Text put before the name derived from the model file name. */
    @Parameter(property = "ember.classNamePrefix", defaultValue = "")
    String classNamePrefix;

    /** Text put after the name derived from the model file name ({@code kws.tflite} becomes {@code KwsModel}). */
    @Parameter(property = "ember.classNameSuffix", defaultValue = "Model")
    String classNameSuffix;

    /** Where the hashes of the last successful generation are kept. */
    @Parameter(defaultValue = "${project.build.directory}/ember/generate-state.properties")
    File stateFile;

    /** Skips the goal (nothing generated, no source root added). */
    @Parameter(property = "ember.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    PluginDescriptor plugin;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Ember: skipped");
            return;
        }
        Generation generation = new Generation(modelDirectory.toPath(), sourceOutputDirectory.toPath(),
                resourceOutputDirectory.toPath(), stateFile.toPath(), packageName(),
                nonNull(classNamePrefix), nonNull(classNameSuffix), generatorFingerprint(), getLog());
        Generation.Result result;
        try {
            result = generation.run();
        } catch (IOException e) {
            throw new MojoExecutionException("Ember: " + e.getMessage(), e);
        }
        if (project != null) {
            project.addCompileSourceRoot(sourceOutputDirectory.getAbsolutePath());
            String dir = resourceOutputDirectory.getAbsolutePath();
            if (project.getResources().stream().noneMatch(r -> dir.equals(r.getDirectory()))) {
                Resource resource = new Resource();
                resource.setDirectory(dir);
                project.addResource(resource);
            }
        }
        if (!result.errors().isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), result.errors()));
        }
    }

    private String packageName() throws MojoFailureException {
        String pkg = Generation.sanitizePackage(nonNull(packageName));
        if (!pkg.isEmpty() && !javax.lang.model.SourceVersion.isName(pkg)) {
            throw new MojoFailureException("Ember: '" + packageName + "' is not a valid package name; set the "
                    + "plugin's <packageName> (ember.packageName)");
        }
        return pkg;
    }

    private static String nonNull(String s) {
        return s == null ? "" : s.trim();
    }

    /**
     * Identifies the code generator: this plugin's and its Ember4j dependencies' versions and, for snapshots, the
     * jars' contents, so that a rebuilt generator regenerates the sources once.
     */
    private String generatorFingerprint() throws MojoExecutionException {
        StringBuilder sb = new StringBuilder();
        if (plugin == null) {
            return "unknown";
        }
        sb.append(plugin.getId());
        List<Artifact> artifacts = new ArrayList<>(plugin.getArtifacts() == null ? List.of() : plugin.getArtifacts());
        if (plugin.getPluginArtifact() != null) {
            artifacts.add(plugin.getPluginArtifact());
        }
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Artifact a : artifacts) {
            if (!a.getGroupId().startsWith("dev.ember4j")) {
                continue;
            }
            String value = a.getVersion();
            File f = a.getFile();
            if (a.isSnapshot() && f != null && f.isFile()) {
                try {
                    value += "#" + Generation.sha256(Files.readAllBytes(f.toPath()));
                } catch (IOException e) {
                    throw new MojoExecutionException("Ember: cannot read " + f + ": " + e.getMessage(), e);
                }
            }
            sorted.put(a.getGroupId() + ":" + a.getArtifactId(), value);
        }
        sb.append(sorted);
        return sb.toString();
    }

    /** Used by {@link Generation} for the weights resource of a model. */
    static GeneratedModel generate(byte[] bytes, String pkg, String cls, Path source) {
        return ModelCodegen.generate(bytes, pkg, cls, null, source.toString().replace('\\', '/'));
    }
}
