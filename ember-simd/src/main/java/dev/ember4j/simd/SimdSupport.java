package dev.ember4j.simd;

import java.util.List;

/**
 * Decides whether the Vector API backend is worth using on this JVM. The backend is correct
 * everywhere the {@code jdk.incubator.vector} module is present, but it is only fast (and only
 * allocation-free) when C2 compiles it and the CPU has at least 256-bit integer vectors.
 *
 * <p>Set the system property {@code ember.simd.disable=true} to force the reference fallback.
 */
public final class SimdSupport {
    private SimdSupport() {}

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
        return check(args, System.getProperty("java.vm.info", ""), System.getProperty("java.vm.name", ""), bits);
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
        if (preferredIntBits < 256) {
            return "preferred vector size is " + preferredIntBits + " bits, need at least 256";
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
