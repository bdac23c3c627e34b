package org.geoprospect.cli;

import org.geoprospect.core.Cancellation;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.learn.ModelLibrary;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.InputDescription;
import org.geoprospect.process.InputResolver;
import org.geoprospect.process.InputValue;
import org.geoprospect.process.OutputDescription;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessExecutor;
import org.geoprospect.process.ProcessResult;
import org.geoprospect.process.ProcessRunner;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A command built from a process's description: each input becomes an option ({@code cellSize} →
 * {@code --cell-size}), and {@code --out} names the first output's file or a folder for all outputs, as the
 * description says; other outputs of a file-style process get an option each ({@code --report FILE}).
 * Parses, checks every output location ({@link OutputLocations}), runs the process with a progress bar, prints the
 * outputs and warnings.
 */
final class ProcessCommand {
    private static final String STORE = "--store";
    private final GeoProcess process;
    private final CommandSpec spec;

    ProcessCommand(GeoProcess process) {
        this.process = process;
        ProcessDescription d = process.description();
        this.spec = CommandSpec.create().name(d.identifier());
        spec.mixinStandardHelpOptions(true);
        spec.usageMessage().description(d.title(), "", d.abstractText()).sortOptions(false);
        for (InputDescription input : d.inputs()) {
            spec.addOption(option(input));
        }
        if (process.usesNativeEngine()) {
            // the command line is the host here: its model store is a folder of the user's choosing
            spec.addOption(OptionSpec.builder(STORE).paramLabel("DIR").type(Path.class).defaultValue("models")
                    .description("Folder of the model store. Default: models.").build());
        }
        switch (d.cliOut()) {
            case DIRECTORY -> spec.addOption(outOption("DIR", "Folder for the outputs ("
                    + String.join(", ", fileNames(d)) + ")."));
            case FILE -> {
                spec.addOption(outOption("FILE", "File for the " + d.outputs().get(0).title() + "."));
                for (OutputDescription o : d.outputs().subList(1, d.outputs().size())) {
                    spec.addOption(OptionSpec.builder("--" + kebab(o.identifier())).paramLabel("FILE")
                            .type(Path.class).description(o.title() + ": " + o.abstractText()).build());
                }
            }
            case NONE -> {
                // the process keeps its outputs itself (the model store) and reports where
            }
        }
    }

    /** Checked in run(), not by picocli, so that a mistyped option is reported before a missing --out. */
    private static OptionSpec outOption(String label, String description) {
        return OptionSpec.builder("--out").paramLabel(label).type(Path.class).description(description).build();
    }

    CommandSpec spec() {
        return spec;
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> fileNames(ProcessDescription d) {
        return d.outputs().stream().filter(o -> o.fileName() != null).map(OutputDescription::fileName).toList();
    }

    private static OptionSpec option(InputDescription input) {
        String description = input.abstractText()
                + (input.defaultValue() != null ? " Default: " + input.defaultValue() + "." : "")
                + (input.allowedValues().isEmpty() || input.dataType().equals("boolean") ? ""
                : " One of: " + String.join(", ", input.allowedValues()) + ".")
                + (input.range() != null ? " Range: " + input.range() + "." : "");
        OptionSpec.Builder b = OptionSpec.builder("--" + kebab(input.identifier())).description(description);
        if (input.dataType().equals("boolean")) {
            return b.type(String.class).arity("0..1").fallbackValue("true").paramLabel("true|false").build();
        }
        String label = input.isComplex() ? "FILE" : input.isList() ? "A,B,..." : input.dataType().toUpperCase();
        return b.type(String.class).paramLabel(label).build();
    }

    /** Runs the parsed command; exceptions go to {@link Main}'s one mapping to exit codes. */
    int run(CommandLine.ParseResult parsed, PrintStream out, PrintStream err, boolean terminal) {
        try {
            return execute(parsed, out, err, terminal);
        } catch (InvalidInputException e) {
            String message = worded(e.getMessage());
            throw message.equals(e.getMessage()) ? e : new InvalidInputException(e.input(), message, e);
        }
    }

    /**
     * The engine names inputs by identifier ({@code 'cellSize'}, {@code input 'cellSize'}); the command line by its
     * options ({@code --cell-size}).
     */
    private String worded(String message) {
        String m = message;
        for (InputDescription i : process.description().inputs()) {
            String option = "--" + kebab(i.identifier());
            m = m.replace("input '" + i.identifier() + "'", option).replace("'" + i.identifier() + "'", option);
        }
        return m;
    }

    private int execute(CommandLine.ParseResult parsed, PrintStream out, PrintStream err, boolean terminal) {
        ProcessDescription d = process.description();
        Map<String, List<InputValue>> values = new LinkedHashMap<>();
        for (InputDescription input : d.inputs()) {
            OptionSpec o = parsed.matchedOption("--" + kebab(input.identifier()));
            if (o != null) {
                List<String> given = o.stringValues().isEmpty() ? List.of("true") : o.stringValues();
                values.put(input.identifier(), given.stream().map(v -> input.isComplex()
                        ? (InputValue) new InputValue.File(Path.of(v)) : new InputValue.Literal(v)).toList());
            }
        }
        Cancellation cancellation = new Cancellation();
        Thread hook = new Thread(cancellation::cancel);
        Runtime.getRuntime().addShutdownHook(hook);
        ProcessResult result;
        Path store = parsed.matchedOptionValue(STORE, Path.of("models"));
        OutputLocations folders = new OutputLocations();
        try (ModelLibrary models = process.usesNativeEngine() ? new ModelLibrary(store) : null) {
            // the command line is a host like any other: its files are the inputs, its options the outputs
            ProcessExecutor.Prepared job = new ProcessExecutor(ProcessRunner.IN_PROCESS, models).prepare(process,
                    values, InputResolver.NONE);
            Map<String, Path> targets = targets(d, parsed);
            if (process.usesNativeEngine() && d.cliOut() == ProcessDescription.CliOut.NONE) {
                OutputLocations.checkFolder(STORE, store); // the process's outputs go to the model store
            }
            try {
                targets.values().forEach(t -> folders.make(t.toAbsolutePath().getParent()));
                result = job.run(null, targets::get, new ProgressBar(err, terminal), cancellation);
            } catch (IOException | RuntimeException e) {
                folders.removeEmpty();
                throw e;
            }
        } catch (IOException e) {
            throw new ExecutionFailedException(e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook has run
            }
        }
        for (String w : result.warnings()) {
            err.println("warning: " + worded(w));
        }
        for (Map.Entry<String, Object> e : result.outputs().entrySet()) {
            out.println(e.getKey() + ": " + e.getValue());
        }
        for (OutputDescription o : process.description().outputs()) {
            if (o.table() && result.outputs().get(o.identifier()) instanceof Path table) {
                out.println();
                out.print(TextTable.ofCsv(table));
            }
        }
        return 0;
    }

    /** Each output's file, as the options name them; checked, and no folder made yet. */
    private static Map<String, Path> targets(ProcessDescription d, CommandLine.ParseResult parsed) {
        Map<String, Path> targets = new LinkedHashMap<>();
        if (d.cliOut() == ProcessDescription.CliOut.NONE) {
            return targets;
        }
        Path out = parsed.matchedOptionValue("--out", (Path) null);
        if (out == null) {
            throw new InvalidInputException("out", "give --out "
                    + (d.cliOut() == ProcessDescription.CliOut.DIRECTORY ? "DIR" : "FILE"));
        }
        if (d.cliOut() == ProcessDescription.CliOut.DIRECTORY) {
            for (OutputDescription o : d.outputs()) {
                if (o.fileName() != null) {
                    OutputLocations.checkFile("--out", out.resolve(o.fileName()));
                    targets.put(o.identifier(), out.resolve(o.fileName()));
                }
            }
        } else {
            OutputLocations.checkFile("--out", out);
            targets.put(d.outputs().get(0).identifier(), out);
            for (OutputDescription o : d.outputs().subList(1, d.outputs().size())) {
                String option = "--" + kebab(o.identifier());
                Path p = parsed.matchedOptionValue(option, (Path) null);
                if (p != null) {
                    OutputLocations.checkFile(option, p);
                    targets.put(o.identifier(), p);
                }
            }
        }
        return targets;
    }

    /** Names of the inputs, for tests that check every input has an option. */
    List<String> optionNames() {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            names.add(o.longestName());
        }
        return names;
    }
}
