/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.it;

import java.io.File;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The explicit Ember4j modules among this test's class-path entries (reactor directories or jars). */
final class EmberModules {
    private EmberModules() {}

    /** Class-path entry and module, for every entry holding exactly one explicit {@code dev.ember4j.*} module. */
    record Entry(String path, ModuleReference module) {
        String name() {
            return module.descriptor().name();
        }
    }

    static List<Entry> onClassPath() {
        List<Entry> found = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p) || p.endsWith("test-classes")) {
                continue;
            }
            Set<ModuleReference> refs;
            try {
                refs = ModuleFinder.of(p).findAll();
            } catch (FindException e) {
                continue;
            }
            if (refs.size() != 1) {
                continue;
            }
            ModuleReference ref = refs.iterator().next();
            // Explicit modules only: an Ember4j jar that lost its module-info must fail the checks.
            if (ref.descriptor().name().startsWith("dev.ember4j.") && !ref.descriptor().isAutomatic()) {
                found.add(new Entry(entry, ref));
            }
        }
        return found;
    }
}
