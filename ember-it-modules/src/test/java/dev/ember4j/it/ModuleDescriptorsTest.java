/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.it;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published modules' descriptors against their jars: {@code provides} matches {@code META-INF/services}
 * (class-path users read the one, module-path users the other), every exported package has a
 * package-info, and every operator package of dev.ember4j.ops is exported (generated classes name them).
 */
class ModuleDescriptorsTest {
    private static final Set<String> PUBLISHED = Set.of("dev.ember4j.core", "dev.ember4j.tflite",
            "dev.ember4j.ops", "dev.ember4j.runtime", "dev.ember4j.simd", "dev.ember4j.codegen",
            "dev.ember4j.processor", "dev.ember4j.audio", "dev.ember4j.media", "dev.ember4j.cli");

    private static final List<EmberModules.Entry> MODULES = EmberModules.onClassPath().stream()
            .filter(e -> PUBLISHED.contains(e.name())).toList();

    @Test
    void everyPublishedModuleIsAnExplicitModule() {
        assertEquals(new TreeSet<>(PUBLISHED), MODULES.stream().map(EmberModules.Entry::name)
                .collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void providesMatchesMetaInfServices() throws IOException {
        for (EmberModules.Entry e : MODULES) {
            Map<String, List<String>> declared = new TreeMap<>();
            for (ModuleDescriptor.Provides p : e.module().descriptor().provides()) {
                declared.put(p.service(), p.providers());
            }
            Map<String, List<String>> files = new TreeMap<>();
            try (ModuleReader reader = e.module().open()) {
                for (String name : reader.list().filter(n -> n.startsWith("META-INF/services/")
                        && !n.endsWith("/")).toList()) {
                    files.put(name.substring("META-INF/services/".length()), providers(reader, name));
                }
            }
            assertEquals(files, declared, e.name() + ": provides vs META-INF/services");
        }
    }

    @Test
    void everyExportedPackageHasAPackageInfo() throws IOException {
        for (EmberModules.Entry e : MODULES) {
            try (ModuleReader reader = e.module().open()) {
                for (ModuleDescriptor.Exports x : e.module().descriptor().exports()) {
                    String info = x.source().replace('.', '/') + "/package-info.class";
                    assertTrue(reader.find(info).isPresent(), e.name() + " exports " + x.source()
                            + " without a package-info");
                }
            }
        }
    }

    @Test
    void everyOperatorPackageIsExported() {
        ModuleDescriptor ops = MODULES.stream().filter(e -> e.name().equals("dev.ember4j.ops")).findFirst()
                .orElseThrow().module().descriptor();
        Set<String> exported = ops.exports().stream().filter(x -> !x.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(ops.packages());
        missing.removeAll(exported);
        assertEquals(Set.of(), missing, "add `exports` lines to ember-ops/src/main/java/module-info.java");
    }

    private static List<String> providers(ModuleReader reader, String name) throws IOException {
        Optional<InputStream> in = reader.open(name);
        try (InputStream s = in.orElseThrow()) {
            return new String(s.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceFirst("#.*", "").trim()).filter(l -> !l.isEmpty()).toList();
        }
    }
}
