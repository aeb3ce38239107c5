/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.codegen;

/**
 * Output of {@link ModelCodegen}: one Java source file and the weights resource that must sit next to
 * the compiled class on the class path ({@code <package path>/<resourceName>}).
 *
 * @param packageName  package of the generated class ("" for the unnamed package)
 * @param className    simple name of the generated class
 * @param source       complete Java source text
 * @param resourceName simple file name of the weights resource, e.g. {@code SineModel.weights}
 * @param resource     the weights resource bytes (format described in {@link WeightsFormat})
 */
public record GeneratedModel(String packageName, String className, String source, String resourceName,
                             byte[] resource) {

    /** Fully qualified name of the generated class. */
    public String qualifiedName() {
        return packageName.isEmpty() ? className : packageName + "." + className;
    }

    /** Path of the source file relative to a source root, with '/' separators. */
    public String sourcePath() {
        return packagePath() + className + ".java";
    }

    /** Path of the weights resource relative to a resource (class path) root, with '/' separators. */
    public String resourcePath() {
        return packagePath() + resourceName;
    }

    private String packagePath() {
        return packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/";
    }
}
