package org.geoprospect.geoserver;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The GeoServer host is thin: it runs processes through process and core (and holds the worker), never a step. */
class GeoServerHostArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.geoprospect");

    @Test
    void theHostImportsOnlyProcessCoreAndGeoServer() {
        classes().that().resideInAPackage("org.geoprospect.geoserver..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.geoprospect.geoserver..",
                        "org.geoprospect.process..", "org.geoprospect.core..", "org.geoprospect.worker..",
                        "org.geoserver..", "org.geotools..", "it.geosolutions.imageio.pam..",
                        "org.locationtech.jts..", "org.springframework..", "java..", "javax..")
                .check(CLASSES);
    }

    @Test
    void nothingElseKnowsGeoServer() {
        noClasses().that().resideOutsideOfPackage("org.geoprospect.geoserver..")
                .should().dependOnClassesThat().resideInAnyPackage("org.geoserver..", "org.geotools..")
                .check(CLASSES);
    }
}
