/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {

    @Test
    void helpListsSubcommandsAndExitCodes() {
        Cli.Result r = Cli.run("--help");
        assertEquals(0, r.code(), r::toString);
        for (String s : new String[] {"run", "inspect", "bench", "Exit codes:", "0  success", "1  any other failure",
                "2  usage error", "3  I/O error", "4  malformed model", "5  unsupported operator",
                "6  input count or size"}) {
            assertTrue(r.out().contains(s), () -> "help should contain '" + s + "':\n" + r.out());
        }
    }

    @Test
    void subcommandHelp() {
        for (String cmd : new String[] {"run", "inspect", "bench"}) {
            Cli.Result r = Cli.run(cmd, "--help");
            assertEquals(0, r.code(), r::toString);
            assertTrue(r.out().startsWith("Usage: ember " + cmd), r::toString);
        }
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().matches("(?s)ember \\d+\\.\\d+\\.\\d+.*"), r::toString);
    }
}
