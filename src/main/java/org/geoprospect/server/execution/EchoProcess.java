package org.geoprospect.server.execution;

import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessContext;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessDescriptions;
import org.geoprospect.process.ProcessInputs;
import org.geoprospect.process.ProcessResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OGC API – Processes' conventional test process: gives each input it was given back as the output of the same
 * name (a file as a copy, a list as a comma-separated list), after pausing the seconds of its input {@code pause}
 * (cancellable). Described by {@value #RESOURCE}; the server offers it only when its setting {@code echoProcess} is
 * on, for the standard's conformance suite.
 */
public final class EchoProcess implements GeoProcess {
    static final String RESOURCE = "/org/geoprospect/server/execution/echo-process.xml";
    private static final ProcessDescription DESCRIPTION = ProcessDescriptions.resource(RESOURCE).get("echo");
    /** How often a pause looks at its cancellation. */
    private static final long STEP_MILLIS = 50;

    @Override
    public ProcessDescription description() {
        return DESCRIPTION;
    }

    @Override
    public ProcessResult execute(ProcessInputs inputs, ProcessContext context) {
        pause(inputs.number("pause").orElse(0), context);
        Map<String, Object> outputs = new LinkedHashMap<>();
        for (OutputDescription o : DESCRIPTION.outputs()) {
            String id = o.identifier();
            if (!inputs.given(id)) {
                continue;
            }
            if (!o.isComplex()) {
                outputs.put(id, String.join(",", inputs.strings(id)));
                continue;
            }
            Path file = context.outputTarget().apply(id);
            if (file != null) {
                try {
                    outputs.put(id, Files.copy(inputs.path(id), file, StandardCopyOption.REPLACE_EXISTING));
                } catch (IOException e) {
                    throw new ExecutionFailedException("cannot write " + file.getFileName() + ": " + e.getMessage(),
                            e);
                }
            }
        }
        context.progress().progress(1, "echoed");
        return new ProcessResult(outputs, List.of());
    }

    private static void pause(double seconds, ProcessContext context) {
        long start = System.nanoTime();
        long total = (long) (seconds * 1e9);
        for (long done = 0; done < total; done = System.nanoTime() - start) {
            context.cancellation().check();
            context.progress().progress((double) done / total, "pausing");
            try {
                Thread.sleep(Math.min(STEP_MILLIS, (total - done) / 1_000_000 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }
}
