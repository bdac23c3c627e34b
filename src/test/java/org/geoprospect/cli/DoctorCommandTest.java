package org.geoprospect.cli;

import org.geoprospect.learn.NetworkArchitecture;
import org.geoprospect.learn.OneDnn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@Tag("slow") // every network trains in a worker
class DoctorCommandTest {
    private record Run(int code, String out) {
    }

    private static Run doctor(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "doctor";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Run(code, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void reportsTheEngineAndATrainingStepOfEveryNetwork() {
        Run r = doctor("--input-size", "32");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("engine: PyTorch 2.7.1 on cpu()"), r.out());
        for (NetworkArchitecture a : NetworkArchitecture.networks()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(a.id()) && l.contains("ok")
                    && l.contains("2 training steps")), a + " in\n" + r.out());
        }
        assertTrue(r.out().contains("all networks train here"), r.out());
    }

    @Test
    void namesTheNativeCrashOfANetworkThatCannotTrainAndChecksTheOthers() {
        // only where oneDNN's 1×1 backward divides by zero: forced on, ResNet-50 kills its worker
        assumeTrue(System.getProperty("geoprospect.oneDnnTraining") == null && OneDnn.trainingHazard().isPresent(),
                "this CPU reports its caches: oneDNN does not crash here");
        System.setProperty("geoprospect.oneDnnTraining", "on");
        try {
            Run r = doctor("--input-size", "32");
            assertEquals(Main.FAILED, r.code(), r.out());
            String resnet50 = r.out().lines().filter(l -> l.startsWith("resnet50")).findFirst().orElseThrow();
            assertTrue(resnet50.contains("FAILED") && resnet50.contains("SIGFPE")
                    && resnet50.contains("est_eff_1x1"), resnet50);
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("small") && l.contains("ok")),
                    "the next network gets a new worker:\n" + r.out());
        } finally {
            System.clearProperty("geoprospect.oneDnnTraining");
        }
    }

    @Test
    void refusesAnInputSizeOutOfRange() {
        Run r = doctor("--input-size", "4");
        assertEquals(Main.BAD_INPUT, r.code());
        assertTrue(r.out().contains("--input-size: 4"), r.out());
    }
}
