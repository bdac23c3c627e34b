package org.geoprospect.worker;

import com.fasterxml.jackson.databind.JsonNode;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.learn.EngineInfo;
import org.geoprospect.learn.NetworkArchitecture;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What an administrator should learn on the first day rather than from the first job: the engine the worker loads
 * (version, device, threads) and whether each network can take training steps on this machine. Each network is
 * tried in the worker, so one that crashes natively is reported (with its signal and frame) and the next network
 * gets a new worker. Used by {@code doctor} and logged at server start.
 */
public final class SelfCheck {
    private SelfCheck() {
    }

    /** One network's verdict. */
    public record Verdict(String network, boolean ok, String detail) {
        public String line() {
            return String.format(Locale.ROOT, "%-18s %s %s", network, ok ? "ok    " : "FAILED", detail);
        }
    }

    /**
     * @param worker    the host's worker
     * @param inputSize cells per side of the random patches
     * @param report    receives a line as each part is known: the engine first, then one per network
     * @return the networks' verdicts
     */
    public static List<Verdict> run(NativeWorker worker, int inputSize, Consumer<String> report) {
        try {
            JsonNode engine = worker.start().path("engine");
            report.accept("engine: " + engine.path("engine").asText() + " " + engine.path("version").asText()
                    + " on " + engine.path("device").asText() + " (" + engine.path("gpus").asInt() + " GPU), "
                    + engine.path("threads").asInt() + " threads"
                    + EngineInfo.hazardNote(engine.hasNonNull("trainingHazard")
                    ? engine.path("trainingHazard").asText() : null));
        } catch (ExecutionFailedException e) {
            report.accept("engine: FAILED " + e.getMessage());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (NetworkArchitecture a : NetworkArchitecture.networks()) {
            Verdict v;
            try {
                NativeWorker.StepCheck c = worker.check(a.id(), 8, inputSize, 4, 2);
                boolean finite = c.losses().stream().allMatch(Double::isFinite);
                v = new Verdict(a.id(), finite, String.format(Locale.ROOT, "%d training steps of 4 patches at "
                        + "%d px in %.2f s, loss %s", c.losses().size(), inputSize, c.seconds(), c.losses().stream()
                        .map(l -> String.format(Locale.ROOT, "%.4f", l)).toList()));
            } catch (RuntimeException e) {
                v = new Verdict(a.id(), false, e.getMessage());
            }
            report.accept(v.line());
            verdicts.add(v);
        }
        return verdicts;
    }
}
