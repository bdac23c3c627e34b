package org.geoprospect.cli;

import org.geoprospect.core.Folders;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Version;
import org.geoprospect.worker.NativeWorker;
import org.geoprospect.worker.SelfCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code doctor}: what this machine runs the networks on, and one training step of each, in a worker process so
 * that a network that crashes natively is named instead of taking this command down.
 */
@Command(name = "doctor", mixinStandardHelpOptions = true,
        description = "Check the machine: Java, the deep-learning engine and device, and a training step of each "
                + "network (in a worker process, so a native crash is reported, not fatal).")
final class DoctorCommand implements Callable<Integer> {
    /** Kept so that the level holds: the worker's start is in the report already. */
    private static final Logger WORKER_LOG = Logger.getLogger(NativeWorker.class.getName());
    private final PrintStream out;

    @Option(names = "--input-size", paramLabel = "PX", defaultValue = "64",
            description = "Cells per side of the random patches (default 64; the paper's is 224).")
    int inputSize;

    DoctorCommand(PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        if (inputSize < 8 || inputSize > 512) {
            throw new InvalidInputException("inputSize", "--input-size: " + inputSize + " is not between 8 and 512");
        }
        Runtime rt = Runtime.getRuntime();
        out.println("geoprospect " + Version.current());
        out.println("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + ", " + rt.availableProcessors() + " CPUs, max heap " + (rt.maxMemory() >> 20) + " MiB");
        out.println("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Path reports = Files.createTempDirectory("geoprospect-doctor");
        WORKER_LOG.setLevel(Level.WARNING);
        List<SelfCheck.Verdict> verdicts;
        try (NativeWorker worker = NativeWorker.builder(reports, reports.resolve("models"))
                .optOutput(ProcessBuilder.Redirect.DISCARD).build()) {
            verdicts = SelfCheck.run(worker, inputSize, out::println);
        }
        long failed = verdicts.stream().filter(v -> !v.ok()).count();
        if (failed == 0) {
            Folders.deleteRecursively(reports); // nothing to report: keep no folder behind
            out.println("all networks train here");
            return Main.OK;
        }
        out.println(String.format(Locale.ROOT, "%d of %d networks cannot train here; crash reports (if any) in %s",
                failed, verdicts.size(), reports));
        return Main.FAILED;
    }
}
