package org.geoprospect.process;

import org.geoprospect.core.ExecutionFailedException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Writes a process's complex outputs where its host wants them, and the small text formats they share. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Writes one output's content to a file. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    /**
     * Writes one complex output where the host wants it, if it wants it, and records its path in {@code outputs}.
     *
     * @throws ExecutionFailedException on I/O errors, naming the file
     */
    static void write(ProcessContext context, String output, Map<String, Object> outputs, Writer writer) {
        Path file = context.outputTarget().apply(output);
        if (file == null) {
            return;
        }
        try {
            writer.write(file);
        } catch (IOException e) {
            throw new ExecutionFailedException("cannot write " + file + ": " + e.getMessage(), e);
        }
        outputs.put(output, file);
    }

    /** A CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
    static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
