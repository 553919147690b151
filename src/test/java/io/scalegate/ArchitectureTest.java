package io.scalegate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features stay apart: no cycles between them, the engine stays in few places, and the
 * audit trail depends on no feature.
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
	static final ArchRule theAuditTrailDependsOnNoFeature = noClasses().that()
		.resideInAPackage("io.scalegate.audit..")
		.should()
		.dependOnClassesThat(resideInAPackage("io.scalegate..")
			.and(not(resideInAnyPackage("io.scalegate.audit..", "io.scalegate.base.."))))
		.orShould()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..");

}
