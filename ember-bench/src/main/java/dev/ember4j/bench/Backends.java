/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The kernel backends present at run time: the reference backend always, plus every
 * {@link KernelBackend} registered with {@link ServiceLoader} (e.g. ember-simd's, when it is on the
 * class path and the JVM runs with {@code --add-modules jdk.incubator.vector}).
 */
public final class Backends {
    private Backends() {}

    /** Backends by name, reference first. Providers that fail to load are reported in {@code problems}. */
    public static Map<String, KernelBackend> discover(List<String> problems) {
        Map<String, KernelBackend> out = new LinkedHashMap<>();
        out.put("ref", new ReferenceBackend());
        ServiceLoader<KernelBackend> loader = ServiceLoader.load(KernelBackend.class);
        var it = loader.stream().iterator();
        while (true) {
            ServiceLoader.Provider<KernelBackend> provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (Throwable t) { // ServiceConfigurationError, NoClassDefFoundError (no vector module)
                problems.add("backend provider failed to load: " + t);
                break;
            }
            try {
                KernelBackend b = provider.get();
                out.putIfAbsent(b.name(), b);
                Boolean accelerated = accelerated(b);
                if (accelerated != null && !accelerated) {
                    problems.add("backend '" + b.name() + "' (" + b.getClass().getName()
                            + ") reports accelerated() == false: it runs the reference kernels");
                }
            } catch (Throwable t) {
                problems.add("backend " + provider.type().getName() + " unavailable: " + t);
            }
        }
        return out;
    }

    /** A provider's {@code boolean accelerated()} answer, if it has such a method (ember-simd's does). */
    static Boolean accelerated(KernelBackend b) {
        try {
            Object r = b.getClass().getMethod("accelerated").invoke(b);
            return r instanceof Boolean ? (Boolean) r : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    public static Map<String, KernelBackend> discover() {
        List<String> problems = new ArrayList<>();
        Map<String, KernelBackend> m = discover(problems);
        problems.forEach(p -> System.err.println("[ember-bench] " + p));
        return m;
    }

    public static KernelBackend byName(String name) {
        Map<String, KernelBackend> all = discover();
        KernelBackend b = all.get(name);
        if (b == null) {
            throw new IllegalArgumentException("backend '" + name + "' is not available; present: " + all.keySet()
                    + " (is ember-simd on the class path and --add-modules jdk.incubator.vector set?)");
        }
        return b;
    }

    /** Whether this JDK has the incubating Vector API module. */
    public static boolean vectorModuleAvailable() {
        return java.lang.module.ModuleFinder.ofSystem().find("jdk.incubator.vector").isPresent();
    }

    /** Whether this JVM was started with the Vector API module resolved. */
    public static boolean vectorModuleLoaded() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }
}
