package io.scalegate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.data.repository.Repository;

/**
 * Features stay apart: no cycles between them, each feature's data reached only through
 * its services, and the engine stays in few places.
 */
@AnalyzeClasses(packages = "io.scalegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("io.scalegate.(*)..").should().beFreeOfCycles();

	@ArchTest
	static final ArchRule productsAndEvidenceDoNotKnowTheEngine = noClasses().that()
		.resideInAnyPackage("io.scalegate.product..", "io.scalegate.evidence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..");

	@ArchTest
	static final ArchRule productsDoNotKnowTheGate = noClasses().that()
		.resideInAnyPackage("io.scalegate.product..", "io.scalegate.evidence..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("io.scalegate.gate..");

	@ArchTest
	static final ArchRule featuresOwnTheirData = classes().that()
		.areAssignableTo(Repository.class)
		.should()
		.notBePublic()
		.because("other features read and write a feature's data through its services");

}
