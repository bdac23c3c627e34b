package org.geoprospect.cli;

import org.geoprospect.core.CancelledException;
import org.geoprospect.core.ExecutionFailedException;
import org.geoprospect.core.GeoprospectException;
import org.geoprospect.core.InvalidInputException;
import org.geoprospect.core.Version;
import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.ProcessRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar geoprospect.jar <command> ...}: one command per process (built from {@code wps-processes.xml}),
 * plus {@code demo}, {@code generate-test-data} and {@code benchmark}. The one place where errors become exit
 * codes: 0 done, 2 bad input or usage (message names the problem), 3 the work failed, 130 cancelled.
 */
public final class Main {
    static final int OK = 0;
    static final int BAD_INPUT = 2;
    static final int FAILED = 3;
    static final int CANCELLED = 130;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        // DJL must never download nor phone home: offline before any engine class loads
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        ProcessRegistry registry = ProcessRegistry.standard();
        CommandSpec rootSpec = CommandSpec.create().name("geoprospect");
        rootSpec.mixinStandardHelpOptions(true);
        rootSpec.usageMessage().description("Mineral-exploration targets from geochemistry with a CNN (Gao et al.).");
        rootSpec.version("geoprospect " + Version.current());
        CommandLine root = new CommandLine(rootSpec);
        Map<String, ProcessCommand> processCommands = new LinkedHashMap<>();
        for (GeoProcess p : registry.all().values()) {
            ProcessCommand pc = new ProcessCommand(p);
            processCommands.put(p.description().identifier(), pc);
            root.addSubcommand(p.description().identifier(), new CommandLine(pc.spec()));
        }
        root.addSubcommand("demo", new DemoCommand(out, err, terminal));
        root.addSubcommand("generate-test-data", new GenerateTestDataCommand(out));
        root.addSubcommand("benchmark", new BenchmarkCommand(out, err));
        root.addSubcommand("serve", new ServeCommand(out, err));
        root.addSubcommand("doctor", new DoctorCommand(out));
        root.setOut(new PrintWriter(out, true));
        root.setErr(new PrintWriter(err, true));
        try {
            CommandLine.ParseResult parsed = root.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                return OK;
            }
            if (!parsed.hasSubcommand()) {
                root.usage(err);
                return BAD_INPUT;
            }
            CommandLine.ParseResult sub = parsed.subcommand();
            String name = sub.commandSpec().name();
            if (processCommands.containsKey(name)) {
                return processCommands.get(name).run(sub, out, err, terminal);
            }
            return ((Callable<Integer>) sub.commandSpec().userObject()).call();
        } catch (CommandLine.ParameterException e) {
            err.println("error: " + e.getMessage());
            e.getCommandLine().usage(err);
            return BAD_INPUT;
        } catch (InvalidInputException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (CancelledException e) {
            err.println("cancelled");
            return CANCELLED;
        } catch (ExecutionFailedException e) {
            err.println("failed: " + e.getMessage());
            return FAILED;
        } catch (GeoprospectException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            err.println("failed: out of memory; give Java more with -Xmx (e.g. java -Xmx8g -jar ...) "
                    + "or use a larger cell size");
            return FAILED;
        } catch (Exception e) {
            err.println("failed: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }
}
