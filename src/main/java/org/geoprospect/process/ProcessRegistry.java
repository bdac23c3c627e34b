package org.geoprospect.process;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The processes this build implements, by identifier: what every host offers. */
public final class ProcessRegistry {
    private final Map<String, GeoProcess> processes = new LinkedHashMap<>();

    /** The registry of every implemented process. */
    public static ProcessRegistry standard() {
        ProcessRegistry r = new ProcessRegistry();
        r.register(new InterpolateProcess());
        r.register(new SelectElementsProcess());
        r.register(new TrainModelProcess());
        r.register(new PredictTargetsProcess());
        return r;
    }

    public void register(GeoProcess process) {
        processes.put(process.description().identifier(), process);
    }

    public Optional<GeoProcess> get(String identifier) {
        return Optional.ofNullable(processes.get(identifier));
    }

    public Map<String, GeoProcess> all() {
        return java.util.Collections.unmodifiableMap(processes);
    }
}
