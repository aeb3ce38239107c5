/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackendsTest {

    @TempDir
    Path tmp;

    @Test
    void refAlwaysFirstPlusServiceLoaderProviders() {
        Backends b = Backends.discover();
        assertEquals("ref", b.names().get(0));
        assertTrue(b.names().contains("ref-copy"), "test provider found through ServiceLoader: " + b.names());
        assertInstanceOf(RenamedReferenceBackend.class, b.select("ref-copy"));
        assertEquals("ref", b.select("ref").name());
    }

    @Test
    void refWithoutAnyProviders() {
        // A class loader that sees no META-INF/services files at all.
        ClassLoader empty = new URLClassLoader(new URL[0], null);
        Backends b = Backends.discover(empty);
        assertEquals(List.of("ref"), b.names());
    }

    @Test
    void unknownNameListsAvailable() {
        CliException e = assertThrows(CliException.class, () -> Backends.discover().select("nope"));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("unknown backend 'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("available: ref, "), e.getMessage());
        assertTrue(e.getMessage().contains("ref-copy"), e.getMessage());
    }

    @Test
    void brokenProviderIsReportedNotFatal() throws Exception {
        Path services = Files.createDirectories(tmp.resolve("META-INF/services"));
        Files.writeString(services.resolve("dev.ember4j.core.KernelBackend"), "com.example.MissingBackend\n");
        try (URLClassLoader cl = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            Backends b = Backends.discover(cl);
            assertTrue(b.names().contains("ref"));
            assertEquals(1, b.problems().size(), b.problems().toString());
            CliException e = assertThrows(CliException.class, () -> b.select("no-such-backend"));
            assertTrue(e.getMessage().contains("failed to load"), e.getMessage());
        }
    }

    @Test
    void runWithServiceLoaderBackend() throws Exception {
        Path out = tmp.resolve("o.bin");
        Cli.Result r = Cli.run("run", SharedData.model("speech.tflite").toString(),
                "-i", SharedData.sample("speech_no.input.bin").toString(), "-o", out.toString(), "--backend", "ref-copy");
        assertEquals(0, r.code(), r::toString);
        assertArrayEquals(SharedData.read(SharedData.sample("speech_no.expected.bin")), Files.readAllBytes(out));
    }
}
