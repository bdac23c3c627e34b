package org.geoprospect.learn;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** libtorch writes its NNPACK warning to the process's own standard error: a child JVM shows what a user sees. */
class NnpackTest {
    private static String probe(String mode) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                NnpackProbe.class.getName(), mode).redirectErrorStream(true);
        pb.environment().put("DJL_OFFLINE", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe finished");
        assertTrue(p.exitValue() == 0 && out.contains("ran true"), out);
        return out;
    }

    @Test
    void switchedOffLibtorchNoLongerAsksNnpackAtEverySmallConvolution() throws Exception {
        String asShipped = probe("on");
        assumeTrue(asShipped.contains("NNPACK"), "NNPACK runs on this CPU: libtorch has nothing to warn about");
        assertFalse(probe("off").contains("NNPACK"), "switched off, no warning");
    }
}
