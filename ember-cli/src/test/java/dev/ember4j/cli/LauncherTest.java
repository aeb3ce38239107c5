/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * End to end through bin/ember and the shaded jar, as a subprocess. Skipped unless
 * ember-cli/target/ember.jar exists (it is built in the package phase, after tests: run
 * `./mvnw -pl ember-cli -am package -DskipTests` first, or re-run the tests after a package).
 */
class LauncherTest {

    @TempDir
    Path tmp;

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        // surefire runs in the module directory; the launcher is in the repository root's bin/.
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("bin/ember")) && Files.isDirectory(d.resolve("ember-cli"))) {
                return d;
            }
        }
        return null;
    }

    private record Proc(int code, String out, String err) { }

    private static Proc launch(Path root, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("bin/ember").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("EMBER_DEBUG");
        Path outFile = Files.createTempFile("ember-out", ".txt");
        Path errFile = Files.createTempFile("ember-err", ".txt");
        try {
            pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
            Process p = pb.start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/ember timed out");
            return new Proc(p.exitValue(), Files.readString(outFile, StandardCharsets.UTF_8),
                    Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(outFile);
            Files.deleteIfExists(errFile);
        }
    }

    @Test
    void binEmberRunsTheShadedJar() throws Exception {
        Path root = repoRoot();
        assumeTrue(root != null, "bin/ember not found");
        assumeTrue(Files.isRegularFile(root.resolve("ember-cli/target/ember.jar")),
                "ember-cli/target/ember.jar not built; skipping the end-to-end launcher test");

        Path out = tmp.resolve("yes.bin");
        Proc ok = launch(root, "run", SharedData.model("speech.tflite").toString(),
                "--input", SharedData.sample("speech_yes.input.bin").toString(), "--output", out.toString());
        assertEquals(0, ok.code(), ok::toString);
        assertEquals("", ok.err(), "no stderr noise (the incubator warning is filtered): " + ok.err());
        assertArrayEquals(SharedData.read(SharedData.sample("speech_yes.expected.bin")), Files.readAllBytes(out));

        Proc missing = launch(root, "run", SharedData.model("speech.tflite").toString(),
                "--input", tmp.resolve("missing.bin").toString(), "--output", out.toString());
        assertEquals(ExitCodes.IO, missing.code(), missing::toString);
        String[] lines = missing.err().split("\\R");
        assertEquals(1, lines.length, missing::toString);
        assertTrue(lines[0].startsWith("ember: cannot read input file"), missing::toString);

        Proc help = launch(root, "--help");
        assertEquals(0, help.code(), help::toString);
        assertTrue(help.out().contains("Exit codes:"), help::toString);

        // ServiceLoader sees "ref" inside the fat jar; an unknown backend is a usage error.
        Proc unknown = launch(root, "bench", SharedData.model("sine.tflite").toString(), "--backend", "nope");
        assertEquals(ExitCodes.USAGE, unknown.code(), unknown::toString);
        assertTrue(unknown.err().contains("available: ref"), unknown::toString);
        assertFalse(unknown.err().contains("ref-copy"), "test-only provider must not be in the shaded jar");
    }

    /** Killing bin/ember (SIGTERM, as `kill PID` does) stops its JVM too: nothing is left running. */
    @Test
    void killingTheLauncherStopsTheJvm() throws Exception {
        Path root = repoRoot();
        assumeTrue(root != null, "bin/ember not found");
        assumeTrue(Files.isRegularFile(root.resolve("ember-cli/target/ember.jar")),
                "ember-cli/target/ember.jar not built; skipping the end-to-end launcher test");
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/ember").toString(), "bench",
                SharedData.model("sine.tflite").toString(), "--warmup", "2000000000", "--iterations", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try {
            List<ProcessHandle> jvms = new ArrayList<>();
            for (int i = 0; i < 200 && jvms.isEmpty(); i++) {
                p.descendants().filter(h -> h.info().command().orElse("").endsWith("java")).forEach(jvms::add);
                Thread.sleep(50);
            }
            assertFalse(jvms.isEmpty(), "no java process started under bin/ember");
            p.destroy(); // SIGTERM to the launcher
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), "bin/ember did not exit after SIGTERM");
            for (ProcessHandle jvm : jvms) {
                jvm.onExit().get(20, TimeUnit.SECONDS);
                assertFalse(jvm.isAlive(), "java " + jvm.pid() + " still running after bin/ember was killed");
            }
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
