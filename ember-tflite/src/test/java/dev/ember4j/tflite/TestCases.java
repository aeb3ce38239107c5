package dev.ember4j.tflite;

import dev.ember4j.tflite.prepare.ModelPreparer;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's own golden cases (testdata/generated, made by tools/make_*models.py), for every
 * module's tests (test-jar): where they are, and whether the registry on the class path runs a case.
 */
public final class TestCases {
    private TestCases() {}

    /** testdata/generated, found above the working directory (surefire runs in a module directory). */
    public static Path generatedDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/generated");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/generated not found above " + here);
    }

    /** Every case directory of testdata/generated (one holding a model.tflite), sorted. */
    public static List<Path> generated() {
        try (Stream<Path> s = Files.list(generatedDir())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The operators of a case's model.tflite that no registered operator runs, with their counts. */
    public static Map<BuiltinOperator, Integer> missingOperators(Path caseDir) {
        try {
            byte[] model = Files.readAllBytes(caseDir.resolve("model.tflite"));
            return ModelPreparer.unsupported(ModelReader.read(ByteBuffer.wrap(model)).operators());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips (JUnit assumption) a case with an operator the registry does not have, naming it. */
    public static void assumeSupported(Path caseDir) {
        Map<BuiltinOperator, Integer> missing = missingOperators(caseDir);
        Assumptions.assumeTrue(missing.isEmpty(), () -> "not yet supported: " + missing);
    }
}
