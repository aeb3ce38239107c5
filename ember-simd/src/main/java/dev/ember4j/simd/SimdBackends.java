/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import dev.ember4j.core.ReferenceBackend;

/** Picks the fastest backend this JVM supports. */
public final class SimdBackends {
    private SimdBackends() {}

    private static final System.Logger LOG = System.getLogger(SimdBackends.class.getName());
    private static volatile boolean logged;

    /**
     * A {@link SimdBackend} when {@link SimdSupport#isSupported()}, otherwise a {@link ReferenceBackend}
     * (logging the reason once at INFO).
     */
    public static KernelBackend bestAvailable() {
        String reason = SimdSupport.unsupportedReason();
        if (reason == null) {
            return new SimdBackend();
        }
        if (!logged) {
            logged = true;
            LOG.log(System.Logger.Level.INFO, "ember4j: SIMD backend unavailable, using the reference backend: " + reason);
        }
        return new ReferenceBackend();
    }
}
