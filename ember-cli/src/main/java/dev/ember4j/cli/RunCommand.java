package dev.ember4j.cli;

import dev.ember4j.runtime.Interpreter;
import dev.ember4j.runtime.Tensor;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ember run}: one inference from raw tensor files to raw tensor files. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs one inference.",
            "Tensor files are raw bytes, row-major, no header: int8 as signed bytes, wider types little-endian.",
        },
        footerHeading = "%nExample:%n",
        footer = "  ember run person_detect.tflite --input person.input.bin --output out.bin")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "TensorFlow Lite model (.tflite)")
    Path model;

    @Option(names = {"-i", "--input"}, paramLabel = "FILE", required = true,
            description = "Raw bytes of one model input; repeat once per input, in the model's input order.")
    List<Path> inputs = new ArrayList<>();

    @ArgGroup(exclusive = true, multiplicity = "1")
    Destination destination;

    static final class Destination {
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", required = true,
                description = "Write the raw bytes of output 0 here.")
        Path output;

        @Option(names = "--output-dir", paramLabel = "DIR", required = true,
                description = "Write every output K to DIR/outputK.bin (DIR is created if missing).")
        Path outputDir;
    }

    @Option(names = {"-b", "--backend"}, paramLabel = "NAME", defaultValue = "ref",
            description = "Kernel backend (default: ${DEFAULT-VALUE}).")
    String backend;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        var backendImpl = Backends.discover().select(backend);
        Models.Loaded loaded = Models.load(model);
        Interpreter it = Models.interpreter(loaded, backendImpl);
        Models.loadInputs(it, inputs, model);
        it.invoke();
        if (destination.output != null) {
            Models.writeFile(destination.output, bytes(it.output(0)), "output file");
            if (it.outputCount() > 1) {
                err.println("ember: note: the model has " + it.outputCount()
                        + " outputs; only output 0 was written (use --output-dir for all)");
            }
        } else {
            Models.createDirectories(destination.outputDir);
            for (int o = 0; o < it.outputCount(); o++) {
                Models.writeFile(destination.outputDir.resolve("output" + o + ".bin"), bytes(it.output(o)),
                        "output file");
            }
        }
        return ExitCodes.OK;
    }

    private static byte[] bytes(Tensor t) {
        byte[] b = new byte[t.byteSize()];
        t.copyTo(b);
        return b;
    }
}
