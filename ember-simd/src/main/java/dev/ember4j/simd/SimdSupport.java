/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.simd;

import java.util.List;

/**
 * Decides whether the Vector API backend is worth using on this JVM. The backend is correct
 * everywhere the {@code jdk.incubator.vector} module is present, but it is only fast (and only
 * allocation-free) when C2 compiles it, the CPU has at least 128-bit integer vectors, and the JDK
 * compiles Vector API code into vector instructions whatever else the JVM has run.
 *
 * <p>128-bit vectors (NEON, or x86 with {@code -XX:MaxVectorSize=16}) are enough: with 4 float lanes
 * the kernels measured faster than the reference kernels on every benchmark model (BENCHMARKS.md,
 * "128-bit vectors"). Below 128 bits the Vector API has no integer vectors worth using.
 *
 * <p>That last condition rules out JDKs before {@value #MIN_FEATURE_VERSION}. On JDK 17 the
 * incubator API's operations ({@code FloatVector.lanewise}, {@code blend}, {@code fma}, ...) are
 * virtual calls on the abstract vector classes; C2 turns them into vector instructions only when it
 * can inline them, which depends on type profiles shared by every caller in the JVM. Once other
 * shapes or other code have run through the same JDK methods (measured: the randomized
 * differential shapes, then person_detect), C2 compiles the kernels with those calls left out of
 * line ("no static binding"), and each operation runs the API's Java fallback: a boxed vector and
 * a lane array per operation, ~100 kB and 2x the time per person_detect inference, for the life of
 * the JVM. JDK 25 compiles the same kernels allocation-free in that state (tested by
 * {@code PollutedJvmTest}). JDKs 21 to 24 are not measured here, so they get the reference kernels
 * unless asked for.
 *
 * <p>System properties: {@code ember.simd.disable=true} forces the reference fallback;
 * {@code ember.simd.force=true} enables the Vector API kernels on an older JDK anyway (still not on
 * an interpreter-only JVM or without 128-bit vectors).
 */
public final class SimdSupport {
    private SimdSupport() {}

    /** The first Java feature release on which the kernels are enabled by default. */
    public static final int MIN_FEATURE_VERSION = 25;

    private static final String REASON = detect();

    /** Null when the SIMD backend is usable, else a one-line reason why not. */
    public static String unsupportedReason() {
        return REASON;
    }

    public static boolean isSupported() {
        return REASON == null;
    }

    private static String detect() {
        if (Boolean.getBoolean("ember.simd.disable")) {
            return "disabled by -Dember.simd.disable=true";
        }
        try {
            Class.forName("jdk.incubator.vector.IntVector", false, SimdSupport.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return "module jdk.incubator.vector is not available (run with --add-modules jdk.incubator.vector)";
        }
        List<String> args;
        try {
            args = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        } catch (Throwable t) { // java.management absent or restricted: assume defaults
            args = List.of();
        }
        int bits;
        try {
            bits = VectorBits.preferredIntBits();
        } catch (LinkageError e) {
            return "jdk.incubator.vector could not be initialised: " + e;
        }
        String reason = check(args, System.getProperty("java.vm.info", ""), System.getProperty("java.vm.name", ""), bits);
        if (reason == null) {
            reason = checkVersion(Runtime.version().feature(), Boolean.getBoolean("ember.simd.force"));
        }
        return reason;
    }

    /** The JDK gate: null when {@code feature} is new enough or the user forced the kernels on. */
    static String checkVersion(int feature, boolean force) {
        if (feature >= MIN_FEATURE_VERSION || force) {
            return null;
        }
        return "JDK " + feature + "'s incubator Vector API is compiled allocation-free only while its type"
                + " profiles are clean (it allocates ~100 kB per inference once other code has run);"
                + " the kernels are enabled from JDK " + MIN_FEATURE_VERSION
                + " (-Dember.simd.force=true enables them anyway)";
    }

    /** The decision itself, as a pure function of JVM arguments, VM info/name and vector width. */
    static String check(List<String> jvmArgs, String vmInfo, String vmName, int preferredIntBits) {
        for (String a : jvmArgs) {
            if (a.equals("-Xint")) {
                return "the JVM runs interpreted only (-Xint)";
            }
            if (a.equals("-XX:-UseCompiler")) {
                return "the JIT compiler is disabled (-XX:-UseCompiler)";
            }
            if (a.startsWith("-XX:TieredStopAtLevel=")) {
                try {
                    int level = Integer.parseInt(a.substring("-XX:TieredStopAtLevel=".length()).trim());
                    if (level < 4) {
                        return "C2 is disabled (" + a + "); Vector API code would run unoptimised";
                    }
                } catch (NumberFormatException ignored) {
                    // let the JVM complain about it
                }
            }
        }
        if (vmInfo.contains("interpreted mode")) {
            return "the JVM runs interpreted only (" + vmInfo + ")";
        }
        if (vmName.contains("Client VM")) {
            return "client VM without C2 (" + vmName + ")";
        }
        if (preferredIntBits < 128) {
            return "preferred vector size is " + preferredIntBits + " bits, need at least 128";
        }
        return null;
    }

    /** Touches the Vector API only when called, so SimdSupport loads without the module. */
    private static final class VectorBits {
        static int preferredIntBits() {
            return jdk.incubator.vector.IntVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
