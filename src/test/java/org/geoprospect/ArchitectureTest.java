package org.geoprospect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package table of STYLE.md: data types below steps, steps below processes, processes below hosts. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.geoprospect");

    @Test
    void dataTypesDependOnNoStep() {
        noClasses().that().resideInAnyPackage("..samples..", "..grid..", "..vector..", "..crs..", "..core..")
                .should().dependOnClassesThat().resideInAnyPackage("..interpolate..", "..select..", "..evaluate..",
                        "..learn..", "..predict..", "..process..", "..worker..", "..server..", "..cli..",
                        "..testdata..", "..benchmark..")
                .check(CLASSES);
    }

    @Test
    void stepsDependOnNoHostOrProcess() {
        noClasses().that().resideInAnyPackage("..interpolate..", "..select..", "..evaluate..", "..learn..",
                        "..predict..")
                .should().dependOnClassesThat().resideInAnyPackage("..process..", "..worker..", "..server..",
                        "..cli..", "..benchmark..")
                .check(CLASSES);
    }

    @Test
    void theNativeWorkerServesHostsAndKnowsNone() {
        noClasses().that().resideInAPackage("..worker..")
                .should().dependOnClassesThat().resideInAnyPackage("..server..", "..cli..", "picocli..",
                        "io.javalin..", "org.eclipse.jetty..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..process..")
                .should().dependOnClassesThat().resideInAPackage("..worker..")
                .check(CLASSES);
    }

    /**
     * Steps share data through the data packages, not through each other; the one hand-off is the trained model,
     * which learn makes and predict applies (its store, cache, manifest and the patch windows both cut).
     */
    @Test
    void stepsDoNotImportSiblingSteps() {
        String[] steps = {"interpolate", "select", "learn", "predict"};
        for (String step : steps) {
            String[] others = java.util.Arrays.stream(steps).filter(s -> !s.equals(step))
                    .filter(s -> !(step.equals("predict") && s.equals("learn")))
                    .map(s -> "org.geoprospect." + s + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("org.geoprospect." + step + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .check(CLASSES);
        }
    }

    @Test
    void noPackageCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("org.geoprospect.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Hosts run processes through the process package; they render layers with the data packages, and the one
     * step class they hold is the model library, a resource each host opens and closes.
     */
    @Test
    void hostsUseProcessesNotSteps() {
        noClasses().that().resideInAnyPackage("..server..", "..cli..")
                .should().dependOnClassesThat(resideInAnyPackage("..interpolate..", "..select..", "..learn..",
                        "..predict..").and(not(equivalentTo(org.geoprospect.learn.ModelLibrary.class))))
                .check(CLASSES);
    }

    /** The benchmarks measure steps for the command line, which writes their report; no host or process uses them. */
    @Test
    void benchmarksServeTheCommandLineOnly() {
        noClasses().that().resideOutsideOfPackages("..benchmark..", "..cli..")
                .should().dependOnClassesThat().resideInAPackage("..benchmark..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("..benchmark..")
                .should().dependOnClassesThat().resideInAnyPackage("..cli..", "..server..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void processesKnowNoHost() {
        noClasses().that().resideInAPackage("..process..")
                .should().dependOnClassesThat().resideInAnyPackage("..server..", "..cli..", "ai.djl..",
                        "picocli..", "jakarta.servlet..", "io.javalin..", "org.eclipse.jetty..")
                .check(CLASSES);
    }

    @Test
    void theServerIsAHostBesideTheCommandLine() {
        noClasses().that().resideInAPackage("..server..")
                .should().dependOnClassesThat().resideInAnyPackage("..cli..", "picocli..")
                .check(CLASSES);
    }

    @Test
    void ndArraysStayInLearnAndPredict() {
        noClasses().that().resideOutsideOfPackages("..learn..", "..predict..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("ai.djl.ndarray..", "ai.djl.nn..", "ai.djl.training..")
                .check(CLASSES);
    }
}
