package io.objectledger.events;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The contract is shared by every service and subscriber: it must not drag a framework along. */
@AnalyzeClasses(packages = "io.objectledger.events", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contractDependsOnNoFramework = noClasses()
            .should().dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "javax..", "org.apache.kafka..", "org.axonframework..",
                    "software.amazon..", "io.cloudevents..", "org.eclipse.microprofile..");

    @ArchTest
    static final ArchRule modelIsFreeOfJackson = noClasses()
            .that().resideInAnyPackage("..object..", "..command..", "..lifecycle..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..");
}
