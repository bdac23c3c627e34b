package org.geoprospect.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docs/benchmarks.md}, one {@code ## } section per benchmark: each run replaces its own section and keeps
 * the others, so every figure stays reproducible by its own command.
 */
final class BenchmarkReport {
    private static final String TITLE = "# Benchmarks";

    private BenchmarkReport() {
    }

    /**
     * @param heading the section's heading line, e.g. {@code ## The native worker}
     * @param body    the section's text after the heading
     */
    static void writeSection(Path file, String heading, String body) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file)) : new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).equals(TITLE)) {
            lines.addAll(0, List.of(TITLE, ""));
        }
        int start = lines.indexOf(heading);
        List<String> section = new ArrayList<>();
        section.add(heading);
        section.add("");
        section.addAll(List.of(body.strip().split("\n", -1)));
        section.add("");
        if (start < 0) {
            if (!lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.addAll(section);
        } else {
            int end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("## ")) {
                end++;
            }
            lines.subList(start, end).clear();
            lines.addAll(start, section);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", lines).strip() + "\n");
    }
}
