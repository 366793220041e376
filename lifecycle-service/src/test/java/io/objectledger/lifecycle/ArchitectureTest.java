package io.objectledger.lifecycle;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The aggregate knows Axon and the contract, never the transport, the container or S3. */
@AnalyzeClasses(packages = "io.objectledger.lifecycle", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule aggregateIsFreeOfInfrastructure = noClasses()
            .that().resideInAPackage("..lifecycle.command..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("jakarta..", "org.apache.kafka..", "software.amazon..", "io.cloudevents..",
                    "org.eclipse.microprofile..", "java.sql..", "javax.sql..");
}
