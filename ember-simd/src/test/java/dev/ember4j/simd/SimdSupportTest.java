/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import dev.ember4j.core.KernelBackend;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.ServiceLoader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimdSupportTest {

    @Test
    void gatingDecisions() {
        String server = "OpenJDK 64-Bit Server VM";
        assertNull(SimdSupport.check(List.of("-Xmx1g"), "mixed mode, sharing", server, 256));
        assertNull(SimdSupport.check(List.of("-XX:TieredStopAtLevel=4"), "mixed mode", server, 512));
        assertNotNull(SimdSupport.check(List.of("-Xint"), "interpreted mode", server, 256));
        assertNotNull(SimdSupport.check(List.of(), "interpreted mode, sharing", server, 256));
        assertNotNull(SimdSupport.check(List.of("-XX:TieredStopAtLevel=1"), "mixed mode", server, 256));
    }

    /** 128-bit vectors (NEON, -XX:MaxVectorSize=16) are enabled: measured faster than the reference kernels. */
    @Test
    void vectorWidthGate() {
        String server = "OpenJDK 64-Bit Server VM";
        assertNull(SimdSupport.check(List.of(), "mixed mode", server, 128));
        assertNull(SimdSupport.check(List.of("-XX:MaxVectorSize=16"), "mixed mode", server, 128));
        assertNull(SimdSupport.check(List.of(), "mixed mode", server, 256));
        String narrow = SimdSupport.check(List.of(), "mixed mode", server, 64);
        assertNotNull(narrow);
        assertTrue(narrow.contains("64 bits") && narrow.contains("128"), narrow);
        assertNotNull(SimdSupport.check(List.of(), "mixed mode", server, 0));
        if (jdk.incubator.vector.IntVector.SPECIES_PREFERRED.vectorBitSize() == 128
                && Runtime.version().feature() >= SimdSupport.MIN_FEATURE_VERSION) {
            assertNull(SimdSupport.unsupportedReason(), "a JVM preferring 128-bit vectors gets the kernels");
            assertEquals(4, Lanes.N);
        }
    }

    @Test
    void jdkGate() {
        assertNotNull(SimdSupport.checkVersion(17, false));
        assertNotNull(SimdSupport.checkVersion(SimdSupport.MIN_FEATURE_VERSION - 1, false));
        assertNull(SimdSupport.checkVersion(17, true));
        assertNull(SimdSupport.checkVersion(SimdSupport.MIN_FEATURE_VERSION, false));
        assertNull(SimdSupport.checkVersion(SimdSupport.MIN_FEATURE_VERSION + 4, false));
        if (Runtime.version().feature() < SimdSupport.MIN_FEATURE_VERSION && !Boolean.getBoolean("ember.simd.force")) {
            assertNotNull(SimdSupport.unsupportedReason(), "JDK " + Runtime.version() + " must fall back");
        }
    }

    @Test
    void bestAvailableMatchesSupport() {
        KernelBackend b = SimdBackends.bestAvailable();
        assertEquals(SimdSupport.isSupported() ? "simd" : "ref", b.name(), String.valueOf(SimdSupport.unsupportedReason()));
        if (SimdSupport.isSupported()) {
            assertInstanceOf(SimdBackend.class, b);
        }
    }

    @Test
    void serviceLoaderFindsProvider() {
        boolean found = false;
        for (KernelBackend b : ServiceLoader.load(KernelBackend.class)) {
            if (b instanceof SimdBackendProvider p) {
                found = true;
                assertEquals("simd", p.name());
                assertEquals(SimdSupport.isSupported(), p.accelerated());
            }
        }
        assertTrue(found, "SimdBackendProvider not registered");
    }
}
