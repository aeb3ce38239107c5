/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.Properties;

/**
 * The {@code ember} command: {@code run}, {@code inspect} and {@code bench} a TensorFlow Lite INT8
 * model. {@link #execute} runs it in-process and returns the exit code; {@link #main} exits with it.
 *
 * <p>Every failure prints one line {@code ember: <message>} on stderr (a stack trace too with
 * {@code --verbose} or {@code EMBER_DEBUG=1}) and returns a code from {@link ExitCodes}.
 */
@Command(name = "ember",
        mixinStandardHelpOptions = true,
        versionProvider = EmberCli.Version.class,
        description = "Pure-Java, bit-exact INT8 TensorFlow Lite inference.",
        subcommands = {RunCommand.class, InspectCommand.class, BenchCommand.class, GenerateCommand.class,
            FeaturesCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  any other failure",
            "  2  usage error (bad option or argument, unknown backend)",
            "  3  I/O error (file unreadable or unwritable)",
            "  4  malformed model file",
            "  5  unsupported operator",
            "  6  input count or size does not match the model",
            "  7  the model exceeds a resource limit (arena, scratch, operators, tensors, MACs)",
            "",
            "Errors are reported as one line 'ember: <message>' on stderr; --verbose or EMBER_DEBUG=1 adds the stack trace.",
        })
public final class EmberCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "On failure, also print the stack trace (as EMBER_DEBUG=1 does).")
    boolean verbose;

    @Override
    public void run() {
        // `ember` alone: show usage, as a usage error.
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        int code = execute(out, err, System.getenv(), args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs the CLI with these streams, returning the exit code; never calls System.exit. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, Charset.defaultCharset()), true);
        try {
            return execute(o, e, System.getenv(), args);
        } finally {
            o.flush();
            e.flush();
        }
    }

    /**
     * Runs the CLI, returning the exit code; never calls System.exit.
     *
     * @param env environment to consult (only {@code EMBER_DEBUG})
     */
    public static int execute(PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
        boolean debugEnv = "1".equals(env.get("EMBER_DEBUG")) || "true".equalsIgnoreCase(env.get("EMBER_DEBUG"));
        CommandLine cmd = new CommandLine(new EmberCli());
        cmd.addSubcommand("help", new CommandLine.HelpCommand());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) ->
                report(ex, err, debugEnv || verbose(parseResult)));
        try {
            return cmd.execute(args);
        } catch (RuntimeException | Error ex) {
            // Not expected (picocli routes failures to the handlers), but never let a trace escape.
            return report(ex, err, debugEnv);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static boolean verbose(ParseResult pr) {
        for (ParseResult p = pr; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** Prints {@code ember: <message>} (one line) and returns the exit code for {@code ex}. */
    static int report(Throwable ex, PrintWriter err, boolean stackTrace) {
        int code;
        String message;
        if (ex instanceof CliException c) {
            code = c.exitCode();
            message = c.getMessage();
        } else if (ex instanceof dev.ember4j.core.UnsupportedOperatorException) {
            code = ExitCodes.UNSUPPORTED_OPERATOR;
            message = ex.getMessage();
        } else if (ex instanceof dev.ember4j.core.ModelFormatException) {
            code = ExitCodes.MALFORMED_MODEL;
            message = ex.getMessage();
        } else if (ex instanceof OutOfMemoryError) {
            code = ExitCodes.FAILURE;
            message = "out of memory (raise the heap with EMBER_JAVA_OPTS=-Xmx...)";
        } else {
            code = ExitCodes.FAILURE;
            message = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        }
        err.println("ember: " + oneLine(message));
        if (stackTrace) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /** {@code ember --version}: the Maven project version, filtered into version.properties. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = "unknown";
            try (InputStream in = EmberCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    v = p.getProperty("version", v);
                }
            } catch (java.io.IOException ignored) {
                // keep "unknown"
            }
            return new String[] {"ember " + v + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
