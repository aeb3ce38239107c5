/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * {@code org.openjdk.jmh.Main} with one difference: on a JDK without {@code jdk.incubator.vector}
 * it replaces the benchmarks' {@code --add-modules jdk.incubator.vector} fork argument (which would
 * stop the forked JVM from starting) with nothing. Same command line options as JMH.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        if (cmd.shouldHelp() || cmd.shouldList() || cmd.shouldListProfilers() || cmd.shouldListResultFormats()
                || cmd.shouldListWithParams()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        ChainedOptionsBuilder opts = new OptionsBuilder().parent(cmd);
        if (!Backends.vectorModuleAvailable() && !cmd.getJvmArgsAppend().hasValue()) {
            System.err.println("[ember-bench] jdk.incubator.vector absent: forking without --add-modules");
            opts.jvmArgsAppend("-Dember.bench.vector=absent");
        }
        new Runner(opts.build()).run();
    }
}
