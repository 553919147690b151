package io.scalegate;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.springframework.data.repository.Repository;

/**
 * Features stay apart: no cycles between them, each feature's data reached only through
 * its services, the engine in few places, and the audit trail depending on no feature.
 */
@AnalyzeClasses(packages = "io.scalegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	/**
	 * The direction of docs/architecture.md: a feature uses only the layers below it, and
	 * the audit trail sits at the bottom beside {@code base}.
	 */
	@ArchTest
	static final ArchRule featuresDependDownwards = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("pages")
		.definedBy("io.scalegate.dossier..", "io.scalegate.demo..", "io.scalegate.history..", "io.scalegate.model..",
				"io.scalegate.notification..", "io.scalegate.dashboard..", "io.scalegate.metrics..")
		.layer("task")
		.definedBy("io.scalegate.task..")
		.layer("comment")
		.definedBy("io.scalegate.comment..")
		.layer("gate")
		.definedBy("io.scalegate.gate..")
		.layer("evidence")
		.definedBy("io.scalegate.evidence..", "io.scalegate.form..", "io.scalegate.condition..")
		.layer("document")
		.definedBy("io.scalegate.document..")
		.layer("product")
		.definedBy("io.scalegate.product..", "io.scalegate.security..")
		.layer("bottom")
		.definedBy("io.scalegate.audit..", "io.scalegate.base..")
		.whereLayer("pages")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("task")
		.mayOnlyBeAccessedByLayers("pages")
		.whereLayer("comment")
		.mayOnlyBeAccessedByLayers("pages", "task")
		.whereLayer("gate")
		.mayOnlyBeAccessedByLayers("pages", "task")
		.whereLayer("evidence")
		.mayOnlyBeAccessedByLayers("pages", "task", "gate")
		.whereLayer("document")
		.mayOnlyBeAccessedByLayers("pages", "task", "gate", "evidence")
		.whereLayer("product")
		.mayOnlyBeAccessedByLayers("pages", "task", "comment", "gate", "evidence", "document");

	@ArchTest
	static final ArchRule featuresHaveNoCycles = slices().matching("io.scalegate.(*)..").should().beFreeOfCycles();

	/**
	 * The packages that may use Camunda: the lifecycle's steps and readiness
	 * ({@code gate}), its FEEL engine ({@code gate.feel}), tasks and signatures
	 * ({@code task}), models ({@code model}), the engine's identity and security
	 * ({@code security}), the gate history and notifications (the engine's task events,
	 * the due-date scan), the metrics (job and incident counts). Every other feature, and
	 * every view and API outside {@code model}, goes through their services.
	 */
	static final String[] ENGINE_PACKAGES = { "io.scalegate.gate", "io.scalegate.gate.process",
			"io.scalegate.gate.feel", "io.scalegate.task", "io.scalegate.model..", "io.scalegate.security",
			"io.scalegate.history", "io.scalegate.notification", "io.scalegate.metrics" };

	/**
	 * The few classes that may use the engine's internals ({@code org.camunda..impl..}):
	 * engine plug-ins and what the public API hands out only as internal types.
	 */
	static final Set<String> ENGINE_INTERNALS = Set.of("io.scalegate.model.ModelValidationPlugin",
			"io.scalegate.model.ExpressionBeansPlugin", "io.scalegate.model.CodeFreeActivities",
			"io.scalegate.model.ValidatingDeployer", "io.scalegate.model.cases.DecisionCaseRunner",
			"io.scalegate.task.CompletionRulesPlugin", "io.scalegate.task.TaskCompletion",
			"io.scalegate.security.EngineIdentityPlugin", "io.scalegate.security.EngineIdentityProvider",
			"io.scalegate.security.EngineSecurityConfiguration", "io.scalegate.security.EngineChangeGuard",
			"io.scalegate.security.SecurityActingUser", "io.scalegate.security.ActingAs",
			"io.scalegate.gate.feel.CachedFeelEngine", "io.scalegate.gate.feel.CachedFeelEngineFactory",
			"io.scalegate.gate.feel.FeelExpressionCachePlugin", "io.scalegate.gate.process.JobHandback");

	@ArchTest
	static final ArchRule theEngineStaysInFewPackages = noClasses().that()
		.resideOutsideOfPackages(ENGINE_PACKAGES)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..");

	@ArchTest
	static final ArchRule theEngineInternalsStayInFewClasses = noClasses()
		.that(new DescribedPredicate<JavaClass>("are not one of " + ENGINE_INTERNALS) {
			@Override
			public boolean test(JavaClass type) {
				String name = type.getName();
				int nested = name.indexOf('$');
				return !ENGINE_INTERNALS.contains(nested < 0 ? name : name.substring(0, nested));
			}
		})
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.camunda..impl..");

	@ArchTest
	static final ArchRule productsDoNotKnowTheGate = noClasses().that()
		.resideInAnyPackage("io.scalegate.product..", "io.scalegate.evidence..", "io.scalegate.document..")
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

	@ArchTest
	static final ArchRule featuresOwnTheirData = classes().that()
		.areAssignableTo(Repository.class)
		.should()
		.notBePublic()
		.because("other features read and write a feature's data through its services");

	/**
	 * The decision test cases judge rule changes, so they change only inside a model
	 * change, under its four eyes: only {@code ModelChanges} (after its author and status
	 * checks) asks {@code DecisionCases} to write them, and only its approval makes the
	 * pending edits live; no other class touches the pending edits.
	 */
	@ArchTest
	static final ArchRule onlyModelChangesChangeDecisionCases = noClasses().that()
		.doNotHaveFullyQualifiedName("io.scalegate.model.change.ModelChanges")
		.and()
		.doNotHaveFullyQualifiedName("io.scalegate.model.cases.DecisionCases")
		.and()
		.doNotHaveFullyQualifiedName("io.scalegate.model.cases.DecisionCaseEdit")
		.should()
		.callMethodWhere(new DescribedPredicate<JavaMethodCall>("DecisionCases.save, remove, apply or discard") {
			@Override
			public boolean test(JavaMethodCall call) {
				return call.getTargetOwner().getName().equals("io.scalegate.model.cases.DecisionCases")
						&& Set.of("save", "remove", "apply", "discard").contains(call.getName());
			}
		})
		.orShould()
		.dependOnClassesThat()
		.haveFullyQualifiedName("io.scalegate.model.cases.DecisionCaseEdit")
		.because("a decision test case changes only as a pending part of a model change");

}
