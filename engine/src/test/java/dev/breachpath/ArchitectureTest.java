package dev.breachpath;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Dependencies between the pipeline's packages point one way (STYLE.md, DESIGN.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.breachpath");

    @Test
    void noCyclesBetweenPackages() {
        slices().matching("dev.breachpath.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void iamAndSecretDependOnNothingOfOurs() {
        noClasses().that().resideInAnyPackage("dev.breachpath.iam..", "dev.breachpath.secret..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.breachpath.graph..", "dev.breachpath.load..", "dev.breachpath.resource..",
                        "dev.breachpath.derive..", "dev.breachpath.path..", "dev.breachpath.policy..",
                        "dev.breachpath.report..")
                .check(CLASSES);
    }

    @Test
    void theGraphKnowsNoInputFormatAndNoStageAfterIt() {
        noClasses().that().resideInAPackage("dev.breachpath.graph..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.breachpath.load..", "dev.breachpath.resource..", "dev.breachpath.policy..",
                        "dev.breachpath.report..", "dev.breachpath.iam..")
                .check(CLASSES);
    }

    @Test
    void mappingsDoNotReadInputFormats() {
        noClasses().that().resideInAPackage("dev.breachpath.resource..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.breachpath.load..", "dev.breachpath.policy..",
                        "dev.breachpath.report..")
                .check(CLASSES);
    }

    @Test
    void loadersDoNotReachPoliciesOrReports() {
        noClasses().that().resideInAPackage("dev.breachpath.load..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.breachpath.policy..", "dev.breachpath.report..")
                .check(CLASSES);
    }

    @Test
    void formatLoadersDoNotDependOnEachOther() {
        slices().matching("dev.breachpath.load.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void derivationsReadOnlyTheGraphAndAskOnlyTheEvaluator() {
        noClasses().that().resideInAPackage("dev.breachpath.derive..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.breachpath.load..", "dev.breachpath.resource..",
                        "dev.breachpath.path..", "dev.breachpath.policy..", "dev.breachpath.report..")
                .check(CLASSES);
    }

    @Test
    void thePathIndexAndPoliciesKnowNoInputOrDerivation() {
        noClasses().that().resideInAnyPackage("dev.breachpath.path..", "dev.breachpath.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.breachpath.load..", "dev.breachpath.resource..",
                        "dev.breachpath.derive..", "dev.breachpath.report..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("dev.breachpath.path..")
                .should().dependOnClassesThat().resideInAPackage("dev.breachpath.policy..")
                .check(CLASSES);
    }
}
