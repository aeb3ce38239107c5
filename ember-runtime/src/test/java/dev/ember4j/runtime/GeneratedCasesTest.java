package dev.ember4j.runtime;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;

/** The repository's own generated cases (tools/make_models.py), bit-exact through the Interpreter. */
class GeneratedCasesTest {

    static Path generatedDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("testdata/generated");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("testdata/generated not found above " + here);
    }

    static List<Path> cases() throws IOException {
        try (Stream<Path> s = Files.list(generatedDir())) {
            return s.filter(p -> Files.isRegularFile(p.resolve("model.tflite"))).sorted().toList();
        }
    }

    @TestFactory
    List<DynamicTest> generatedCases() throws IOException {
        List<Path> cases = cases();
        assertFalse(cases.isEmpty(), "no generated cases");
        return cases.stream()
                .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> ConformanceTest.runCase(c)))
                .toList();
    }
}
