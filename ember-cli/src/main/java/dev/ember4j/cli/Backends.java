/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The kernel backends the CLI can use, by {@link KernelBackend#name()}: the reference backend
 * ("ref") always, plus every backend found with {@link ServiceLoader} (a later duplicate name is
 * ignored, so a provider cannot shadow "ref"). Providers are only instantiated when a name other than
 * "ref" is asked for or the names are listed, so the default path never runs provider code.
 */
final class Backends {
    static final String REF = "ref";

    private final ClassLoader loader;
    private Map<String, KernelBackend> byName;
    private List<String> problems;

    private Backends(ClassLoader loader) {
        this.loader = loader;
    }

    /** Backends visible to the context class loader (or this class's loader). */
    static Backends discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : Backends.class.getClassLoader());
    }

    static Backends discover(ClassLoader loader) {
        return new Backends(loader);
    }

    private void load() {
        if (byName != null) {
            return;
        }
        List<String> errors = new ArrayList<>();
        byName = Collections.unmodifiableMap(dev.ember4j.runtime.Backends.all(loader, errors));
        problems = List.copyOf(errors);
    }

    /** Backend names, "ref" first. */
    List<String> names() {
        load();
        return List.copyOf(byName.keySet());
    }

    /** Providers that failed to load, one line each. */
    List<String> problems() {
        load();
        return problems;
    }

    /** @throws CliException (usage error) naming the available backends when none has this name */
    KernelBackend select(String name) {
        if (REF.equals(name)) {
            return new ReferenceBackend();
        }
        load();
        KernelBackend b = byName.get(name);
        if (b == null) {
            String msg = "unknown backend '" + name + "'; available: " + String.join(", ", byName.keySet());
            if (!problems.isEmpty()) {
                msg += " (" + problems.size() + " backend provider(s) failed to load: " + String.join("; ", problems) + ")";
            }
            throw new CliException(ExitCodes.USAGE, msg);
        }
        return b;
    }
}
