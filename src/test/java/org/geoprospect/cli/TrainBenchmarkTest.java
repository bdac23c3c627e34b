package org.geoprospect.cli;

import org.geoprospect.benchmark.TrainComparison;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code benchmark train} end to end on a tiny configuration: both sides run, the section is written beside the
 * other benchmarks' sections, and the figures are there. Not timed: what it measures is meaningless at this size.
 */
class TrainBenchmarkTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Pattern TRAINING_ROW = Pattern.compile(
            "\\| resnet18 \\| 32 px \\| 1 / (\\S+) \\| (?:products|oneDNN) / (\\S+) \\| ([0-9.]+) s \\([^)]*\\) "
                    + "\\| (.+?) \\| "
                    + "[0-9.]+ / \\S+ \\| ([0-9.]+) \\| (\\S+) \\| (\\S+) \\|");

    @TempDir
    Path dir;

    private String run(String python) throws IOException {
        Path report = dir.resolve("benchmarks.md");
        Files.writeString(report, "# Benchmarks\n\n## The native worker: what isolation costs\n\nkept as it was\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[] {"benchmark", "train", "--networks", "resnet18", "--input-sizes", "32",
                "--batch", "2", "--channels", "2", "--warmup", "1", "--steps", "1", "--threads", "1",
                "--python", python, "--work", dir.resolve("work").toString(), "--out", report.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        assertEquals(Main.OK, status, err.toString(StandardCharsets.UTF_8));
        String md = Files.readString(report);
        assertTrue(md.contains("## The native worker: what isolation costs\n\nkept as it was"),
                "the other sections stay:\n" + md);
        assertTrue(md.contains(TrainComparison.HEADING), md);
        for (String table : List.of("### Training", "### Inference", "### What our trainer adds")) {
            assertTrue(md.contains(table), table + " missing:\n" + md);
        }
        return md;
    }

    /** Ours with intermediates freed, ours with them kept, Python's. */
    private static final Pattern INFERENCE_ROW = Pattern.compile(
            "\\| resnet18 \\| 32 px \\| 1 / \\S+ \\| ([0-9.]+ s \\([^)]*\\)) \\| ([0-9.]+ s \\([^)]*\\)) "
                    + "\\| (\\S+) \\|");

    private static Matcher trainingRow(String md) {
        Matcher m = TRAINING_ROW.matcher(md);
        assertTrue(m.find(), "no training row for resnet18 at 32 px with 1 thread:\n" + md);
        double step = Double.parseDouble(m.group(3));
        double rate = Double.parseDouble(m.group(5));
        assertTrue(step > 0 && Double.isFinite(step) && rate > 0 && Double.isFinite(rate), m.group());
        return m;
    }

    @Test
    void withoutPythonsTorchReportsOurSideAndSaysWhy() throws IOException {
        String md = run(dir.resolve("no-such-python").toString());
        Matcher row = trainingRow(md);
        assertEquals("–", row.group(1), "no Python thread count");
        assertEquals("–", row.group(4), "no Python step");
        assertTrue(md.contains("Python PyTorch is not available"), md);
        assertTrue(md.contains("not judged"), md);
        Matcher inference = INFERENCE_ROW.matcher(md);
        assertTrue(inference.find(), "an inference row with both of our passes timed:\n" + md);
        assertEquals("–", inference.group(3), "no Python pass");
    }

    @Test
    @Tag("slow") // ~15 s: Python imports torch and builds torchvision's network
    void besidePythonsTorchOnTheSameNetwork() throws IOException, InterruptedException {
        assumeTrue(hasTorch(), "Python's torch and torchvision are not installed (apt-get install python3-torch "
                + "python3-torchvision): the comparison with Python is not tested here");
        String md = run(PYTHON);
        Matcher row = trainingRow(md);
        assertEquals("1", row.group(1), "Python runs the same number of threads");
        assertTrue(row.group(4).matches("[0-9.]+ s \\([0-9.]+–[0-9.]+\\)"), row.group(4));
        assertTrue(row.group(7).matches("\\**[0-9.]+×\\**"), "a ratio: " + row.group(7));
        assertTrue(md.contains("Trainable parameters: resnet18 "), md);
        assertFalse(md.contains("(**differ**)"), "the same layout on both sides:\n" + md);
        assertTrue(md.contains("Goal of issue 13"), md);
    }

    private static boolean hasTorch() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process p = new ProcessBuilder(PYTHON, "-c", "import torch, torchvision").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }
}
