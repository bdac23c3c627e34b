package org.geoprospect.evaluate.chart;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Charts take plain data, so that the metrics, and any step, can change without touching them. */
class ChartPackageTest {
    @Test
    void chartsDependOnNoMetricsOrStep() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.geoprospect");
        noClasses().that().resideInAPackage("org.geoprospect.evaluate.chart")
                .should().dependOnClassesThat().resideInAnyPackage("org.geoprospect.evaluate",
                        "..samples..", "..grid..", "..interpolate..", "..select..", "..learn..", "..predict..",
                        "..process..", "..server..", "..cli..")
                .check(classes);
    }
}
