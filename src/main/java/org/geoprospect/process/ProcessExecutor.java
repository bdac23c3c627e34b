package org.geoprospect.process;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.ProgressListener;
import org.geoprospect.grid.GdalBandItems;
import org.geoprospect.learn.ModelLibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one way every host runs a process: inputs as the host received them are checked once against the
 * description ({@link #prepare}), before any job exists; then {@link Prepared#run} materialises them in a work
 * folder ({@code inputs/}: inline data written, references resolved by the host's {@link InputResolver}), lets the
 * host's {@link ProcessRunner} run the process with its outputs going to {@code outputs/} under the file names the
 * description gives, and returns the typed {@link ProcessResult} for the host to render or publish.
 * <pre>{@code
 * ProcessExecutor executor = new ProcessExecutor(runner, null);      // one per host: its runner, e.g. a worker
 * ProcessExecutor.Prepared job = executor.prepare(process, inputs, resolver); // bad input fails here
 * ProcessResult result = job.run(workFolder, progress, cancellation); // outputs in workFolder/outputs
 * }</pre>
 * Thread-safe.
 */
public final class ProcessExecutor {
    private final ProcessRunner runner;
    private final ModelLibrary models;

    /**
     * @param runner where the host runs processes (its worker for those using native code)
     * @param models the host's model library for processes run here, or null where its runner brings its own
     */
    public ProcessExecutor(ProcessRunner runner, ModelLibrary models) {
        this.runner = runner;
        this.models = models;
    }

    /**
     * @param inputs   values by input identifier, as the host received them
     * @param resolver the host's way to turn references into files
     * @throws InvalidInputException naming an unknown input, a missing one, a wrong literal, or data given for a
     *                               literal
     */
    public Prepared prepare(GeoProcess process, Map<String, List<InputValue>> inputs, InputResolver resolver) {
        ProcessDescription d = process.description();
        Map<String, List<String>> probe = new LinkedHashMap<>();
        inputs.forEach((id, values) -> {
            d.input(id).filter(i -> !i.isComplex()).ifPresent(i -> values.stream()
                    .filter(v -> !(v instanceof InputValue.Literal)).findAny().ifPresent(v -> {
                        throw new InvalidInputException(id, "input '" + id + "' is a literal; give its value, not "
                                + "data or a reference");
                    }));
            probe.put(id, values.stream().map(v -> v instanceof InputValue.Literal l ? l.value() : "file").toList());
        });
        ProcessInputs.of(d, probe); // unknown, missing and ill-typed literal inputs fail now
        return new Prepared(process, Map.copyOf(inputs), resolver);
    }

    /** A process with inputs that passed the checks, ready to run once. */
    public final class Prepared {
        private final GeoProcess process;
        private final Map<String, List<InputValue>> inputs;
        private final InputResolver resolver;

        private Prepared(GeoProcess process, Map<String, List<InputValue>> inputs, InputResolver resolver) {
            this.process = process;
            this.inputs = inputs;
            this.resolver = resolver;
        }

        public GeoProcess process() {
            return process;
        }

        /**
         * @param folder the execution's own folder: {@code inputs/} and {@code outputs/} are made in it
         * @return the outputs: paths under {@code folder/outputs} (or the model store's) and literals
         * @throws IOException when writing an input fails
         */
        public ProcessResult run(Path folder, ProgressListener progress, Cancellation cancellation)
                throws IOException {
            ProcessDescription d = process.description();
            Path out = Files.createDirectories(folder.resolve("outputs"));
            return run(folder.resolve("inputs"), id -> d.output(id).map(o -> o.fileName() == null ? null
                    : out.resolve(o.fileName())).orElse(null), progress, cancellation);
        }

        /**
         * @param in     where inline data and fetched references are written (made when first needed), or null for
         *               a host that gives files and literals only
         * @param target each complex output's file, or null to leave it out: a host's own choice (the command
         *               line's options)
         * @return the outputs: the target paths (or the model store's) and literals
         * @throws IOException when writing an input fails
         */
        public ProcessResult run(Path in, Function<String, Path> target, ProgressListener progress,
                                 Cancellation cancellation) throws IOException {
            ProcessDescription d = process.description();
            Map<String, List<String>> raw = new LinkedHashMap<>();
            for (InputDescription input : d.inputs()) {
                List<InputValue> values = inputs.getOrDefault(input.identifier(), List.of());
                List<String> texts = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    cancellation.check();
                    texts.add(materialise(input, values.get(i), in == null ? null
                            : in.resolve(input.identifier() + (i == 0 ? "" : "-" + i))));
                }
                if (!values.isEmpty()) {
                    raw.put(input.identifier(), texts);
                }
            }
            return runner.run(process, ProcessInputs.of(d, raw), new ProcessContext(progress, cancellation, target,
                    models));
        }

        /** @return the literal, or the path of the file holding the complex value */
        private String materialise(InputDescription input, InputValue value, Path base) throws IOException {
            if (value instanceof InputValue.Literal l) {
                // a complex input given as plain text names a layer of the host's
                return input.isComplex() ? resolver.resolve(input, new InputValue.Reference("layer:" + l.value(),
                        null), base).toString() : l.value();
            }
            if (value instanceof InputValue.File f) {
                return f.path().toString();
            }
            if (value instanceof InputValue.Grid g) {
                if (base == null) {
                    throw new IllegalStateException("this host gives files and literals only, not " + value);
                }
                Files.createDirectories(base.getParent());
                Path file = Path.of(base + ".tif");
                GdalBandItems.relabel(g.path(), g.bands(), file);
                return file.toString();
            }
            if (base == null) {
                throw new IllegalStateException("this host gives files and literals only, not " + value);
            }
            if (value instanceof InputValue.Inline inline) {
                Files.createDirectories(base.getParent());
                Path file = Path.of(base + FileTypes.extension(inline.mimeType(), null, inline.data()));
                Files.write(file, inline.data());
                return file.toString();
            }
            InputValue.Reference r = (InputValue.Reference) value;
            Files.createDirectories(base.getParent());
            return resolver.resolve(input, r, base).toString();
        }
    }
}
