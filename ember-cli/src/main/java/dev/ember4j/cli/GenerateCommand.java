/*
 * Copyright 2026 The Ember4j Authors
 * SPDX-License-Identifier: Apache-2.0
 */

package dev.ember4j.cli;

import dev.ember4j.codegen.GeneratedModel;
import dev.ember4j.codegen.ModelCodegen;
import dev.ember4j.core.ModelFormatException;
import dev.ember4j.core.UnsupportedOperatorException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code ember generate}: the command-line twin of the {@code @Model} annotation processor (same
 * ember-codegen library, same output). Writes {@code OUT/<package path>/<CLASS>.java} and the weights
 * resource {@code <CLASS>.weights}, next to the source unless {@code --resources} names another root.
 * The resource must end up on the class path next to the compiled class: with the default layout,
 * OUT must be both a source root and a resource root (in Maven, prefer
 * {@code --out src/main/java --resources src/main/resources}).
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {
            "Compiles a model into a Java class plus a weights resource (like @Model at build time).",
            "Writes OUT/<package path>/CLASS.java and CLASS.weights (under --resources DIR if given,",
            "else next to the source: then OUT must be both a source and a resource root).",
            "At run time the generated class needs ember-core and ember-ops (records and kernels), not the model reader.",
        })
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TensorFlow Lite INT8 model (.tflite)")
    Path model;

    @Option(names = "--package", paramLabel = "P", defaultValue = "",
            description = "Package of the generated class (default: the unnamed package).")
    String packageName;

    @Option(names = "--class", paramLabel = "C", required = true, description = "Simple name of the generated class.")
    String className;

    @Option(names = "--implements", paramLabel = "TYPE",
            description = "Fully qualified interface the generated class implements (optional).")
    String implementsType;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Source root to write into.")
    Path out;

    @Option(names = "--resources", paramLabel = "DIR",
            description = "Resource root for the weights file (default: the --out directory).")
    Path resources;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(model);
        } catch (IOException e) {
            err.println("ember: cannot read model file " + model + ": " + Models.reason(e));
            err.flush();
            return ExitCodes.IO;
        }
        GeneratedModel g;
        try {
            g = ModelCodegen.generate(bytes, packageName, className, implementsType, model.getFileName().toString());
        } catch (ModelFormatException e) {
            err.println("ember: malformed model " + model + ": " + e.getMessage());
            err.flush();
            return ExitCodes.MALFORMED_MODEL;
        } catch (UnsupportedOperatorException e) {
            err.println("ember: unsupported model " + model + ": " + e.getMessage());
            err.flush();
            return ExitCodes.UNSUPPORTED_OPERATOR;
        } catch (IllegalArgumentException e) {
            err.println("ember: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        Path source = out.resolve(g.sourcePath());
        Path resource = (resources == null ? out : resources).resolve(g.resourcePath());
        Path writing = source;
        try {
            Files.createDirectories(source.getParent());
            Files.writeString(source, g.source());
            writing = resource;
            Files.createDirectories(resource.getParent());
            Files.write(resource, g.resource());
        } catch (IOException e) {
            err.println("ember: cannot write " + writing + ": " + Models.reason(e));
            err.flush();
            return ExitCodes.IO;
        }
        stdout.println("Wrote " + source);
        stdout.println("Wrote " + resource + " (" + g.resource().length + " bytes)");
        stdout.flush();
        return ExitCodes.OK;
    }
}
