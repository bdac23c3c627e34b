package org.geoprospect.process;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one way hosts run a process: checked once, materialised in a work folder, outputs typed. */
class ProcessExecutorTest {
    private static final Path SAMPLES = Path.of("test-data/samples.csv");

    @TempDir
    Path dir;

    private final ProcessExecutor executor = new ProcessExecutor(ProcessRunner.IN_PROCESS, null);
    private final List<String> resolved = new ArrayList<>();
    /** A host whose only layer is "samples". */
    private final InputResolver host = (input, reference, target) -> {
        resolved.add(input.identifier() + "=" + reference.href());
        if (!reference.href().equals("layer:samples")) {
            throw new InvalidInputException(input.identifier(), "no layer " + reference.href());
        }
        return SAMPLES;
    };

    private static Map<String, List<InputValue>> interpolate(InputValue samples) {
        return Map.of("samples", List.of(samples), "crs", List.of(new InputValue.Literal("EPSG:32650")),
                "elements", List.of(new InputValue.Literal("Au,Cu")),
                "cellSize", List.of(new InputValue.Literal("500")));
    }

    @Test
    void badInputsAreRefusedBeforeAnythingRuns() {
        InterpolateProcess p = new InterpolateProcess();
        Map<String, List<InputValue>> unknown = new java.util.HashMap<>(interpolate(new InputValue.File(SAMPLES)));
        unknown.put("colour", List.of(new InputValue.Literal("red")));
        assertEquals("colour", assertThrows(InvalidInputException.class,
                () -> executor.prepare(p, unknown, host)).input());
        Map<String, List<InputValue>> dataForLiteral = new java.util.HashMap<>(interpolate(
                new InputValue.File(SAMPLES)));
        dataForLiteral.put("cellSize", List.of(new InputValue.Inline(new byte[] {'1'}, null)));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> executor.prepare(p, dataForLiteral, host));
        assertEquals("cellSize", e.input());
        assertTrue(e.getMessage().contains("is a literal"), e.getMessage());
        Map<String, List<InputValue>> missing = new java.util.HashMap<>(interpolate(new InputValue.File(SAMPLES)));
        missing.remove("samples");
        assertEquals("samples", assertThrows(InvalidInputException.class,
                () -> executor.prepare(p, missing, host)).input());
        assertTrue(resolved.isEmpty(), "nothing resolved for a refused request");
    }

    @Test
    void inlineDataIsWrittenWithTheExtensionItsContentCalls() throws Exception {
        ProcessResult r = executor.prepare(new InterpolateProcess(), interpolate(new InputValue.Inline(
                Files.readAllBytes(SAMPLES), null)), host).run(dir, ProgressListener.NONE, Cancellation.none());
        assertTrue(Files.isRegularFile(dir.resolve("inputs/samples.csv")), "CSV by its content");
        assertEquals(dir.resolve("outputs/grid.tif"), r.outputs().get("grid"));
        assertTrue(Files.size(dir.resolve("outputs/grid.tif")) > 0);
        assertTrue(resolved.isEmpty());
    }

    @Test
    void referencesAndPlainLayerNamesGoToTheHostAndFilesAreReadInPlace() throws Exception {
        executor.prepare(new InterpolateProcess(), interpolate(new InputValue.Reference("layer:samples", null)),
                host).run(dir.resolve("a"), ProgressListener.NONE, Cancellation.none());
        executor.prepare(new InterpolateProcess(), interpolate(new InputValue.Literal("samples")), host)
                .run(dir.resolve("b"), ProgressListener.NONE, Cancellation.none());
        assertEquals(List.of("samples=layer:samples", "samples=layer:samples"), resolved);
        ProcessResult r = executor.prepare(new InterpolateProcess(), interpolate(new InputValue.File(SAMPLES)), host)
                .run(dir.resolve("c"), ProgressListener.NONE, Cancellation.none());
        assertTrue(Files.isRegularFile((Path) r.outputs().get("grid")));
        assertTrue(!Files.exists(dir.resolve("c/inputs")), "a host's file is read in place, not copied");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> executor.prepare(
                new InterpolateProcess(), interpolate(new InputValue.Literal("nowhere")), host)
                .run(dir.resolve("d"), ProgressListener.NONE, Cancellation.none()));
        assertEquals("samples", e.input());
    }
}
