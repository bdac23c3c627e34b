package org.geoprospect.testsupport;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external reference tool (GDAL's {@code ogr2ogr}, {@code gdaltransform}) from a test. A test that needs a
 * tool not on the PATH is skipped with a message, never failed.
 */
public final class Tool {
    private Tool() {
    }

    /** Skips the calling test when {@code name} is not an executable on the PATH (or, given a path, there). */
    public static void require(String name) {
        boolean found = Path.of(name).isAbsolute() && Files.isExecutable(Path.of(name));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            found |= !dir.isEmpty() && Files.isExecutable(Path.of(dir, name));
        }
        Assumptions.assumeTrue(found, name + " is not on the PATH; skipped");
    }

    /**
     * Runs the command with {@code stdin} as its input and returns its standard output.
     *
     * @throws AssertionError when it fails, with its error output
     */
    public static String run(String stdin, String... command) throws IOException, InterruptedException {
        require(command[0]);
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(false).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + err);
        }
        return out;
    }
}
