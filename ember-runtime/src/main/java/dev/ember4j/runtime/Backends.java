/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.runtime;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Kernel backends by name: "ref" (the reference kernels, always there) and every
 * {@link KernelBackend} registered with {@link ServiceLoader} (e.g. ember-simd's "simd", when that jar is
 * on the class or module path). A provider that fails to load is skipped and named in the error for an
 * unknown name; a provider cannot take the name "ref".
 */
public final class Backends {
    public static final String REF = "ref";
    /** The name preferred by {@link #best()} when present (it falls back to the reference kernels itself). */
    public static final String SIMD = "simd";

    private Backends() {}

    /** Names of the available backends, "ref" first. Instantiates the providers. */
    public static List<String> names() {
        return List.copyOf(all(Thread.currentThread().getContextClassLoader(), new ArrayList<>()).keySet());
    }

    /**
     * The backend with this name.
     *
     * @throws IllegalArgumentException naming the available backends when none has it
     */
    public static KernelBackend byName(String name) {
        java.util.Objects.requireNonNull(name, "backend name");
        if (name.equals(REF)) {
            return new ReferenceBackend();
        }
        List<String> problems = new ArrayList<>();
        Map<String, KernelBackend> all = all(Thread.currentThread().getContextClassLoader(), problems);
        KernelBackend b = all.get(name);
        if (b == null) {
            throw new IllegalArgumentException("unknown backend '" + name + "'; available: " + String.join(", ", all.keySet())
                    + (problems.isEmpty() ? "" : " (" + problems.size() + " provider(s) failed to load: "
                    + String.join("; ", problems) + ")"));
        }
        return b;
    }

    /**
     * The fastest backend here: "simd" when ember-simd is present (it uses the reference kernels itself
     * where the Vector API is not worth it, and says why once in the log), else any other registered
     * backend, else "ref".
     */
    public static KernelBackend best() {
        Map<String, KernelBackend> all = all(Thread.currentThread().getContextClassLoader(), new ArrayList<>());
        if (all.containsKey(SIMD)) {
            return all.get(SIMD);
        }
        return all.values().stream().filter(b -> !b.name().equals(REF)).findFirst().orElseGet(ReferenceBackend::new);
    }

    /**
     * Every backend {@code loader} sees, by name, "ref" first (a later duplicate name is ignored, so a
     * provider cannot shadow "ref"); a provider that fails to load is described in {@code problems} and
     * skipped, so that it does not hide the others. Instantiates the providers.
     */
    public static Map<String, KernelBackend> all(ClassLoader loader, List<String> problems) {
        Map<String, KernelBackend> map = new LinkedHashMap<>();
        map.put(REF, new ReferenceBackend());
        Iterator<KernelBackend> it = ServiceLoader.load(KernelBackend.class,
                loader != null ? loader : Backends.class.getClassLoader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                KernelBackend b = it.next();
                String name = b.name();
                if (name == null || name.isBlank()) {
                    problems.add(b.getClass().getName() + " has no name");
                } else {
                    map.putIfAbsent(name, b);
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                String m = e.getMessage();
                problems.add((m == null ? e.getClass().getSimpleName() : m).replaceAll("\\s+", " ").trim());
            }
        }
        return map;
    }
}
