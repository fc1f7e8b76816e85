package dev.easel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Dependencies point inward only: the engine knows nothing of sessions, networks, JSON or the app; the host
 * knows nothing of JavaFX or the app. A class that breaks the direction fails the build.
 */
class DependencyDirectionTest {
    private static JavaClasses easel;

    @BeforeAll
    static void importClasses() {
        easel = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.easel");
    }

    @Test
    void theEngineDependsOnTheJdkAndH2Alone() {
        noClasses().that().resideInAPackage("dev.easel.engine..")
                .should().dependOnClassesThat().resideOutsideOfPackages("dev.easel.engine..", "java..", "javax..",
                        "org.h2..", "jdk..", "sun..")
                .check(easel);
    }

    @Test
    void theHostKnowsNothingOfTheApp() {
        noClasses().that().resideInAPackage("dev.easel.host..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.easel.app..")
                .check(easel);
        noClasses().that().resideInAPackage("dev.easel.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dev.easel.app..")
                .check(easel);
    }

    @Test
    void theWireProtocolKnowsNothingOfSessionsOrTheEngine() {
        noClasses().that().resideInAPackage("dev.easel.host.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.easel.host.server..", "dev.easel.host.client..",
                        "dev.easel.host.canvas..", "dev.easel.engine..")
                .check(easel);
    }
}
