package io.scalegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Model validation over ScaleGate's models, models broken in each way it refuses, and
 * real models by others.
 */
class ModelValidationTest {

	static final Path FIXTURES = Path.of("src", "test", "resources", "fixtures", "models");

	final ModelValidation validation = new ModelValidation(new ObjectMapper());

	static List<ModelFile> ours() throws IOException {
		List<ModelFile> files = new ArrayList<>();
		for (String folder : new String[] { "bpmn", "forms" }) {
			try (Stream<Path> paths = Files.list(Path.of(folder))) {
				for (Path path : paths.sorted().toList()) {
					files.add(new ModelFile(path.getFileName().toString(), Files.readAllBytes(path)));
				}
			}
		}
		return files;
	}

	/** Our models with one file's text changed. */
	static List<ModelFile> oursWith(String file, String from, String to) throws IOException {
		List<ModelFile> files = new ArrayList<>();
		boolean changed = false;
		for (ModelFile model : ours()) {
			String text = new String(model.content(), StandardCharsets.UTF_8);
			if (model.name().equals(file)) {
				assertThat(text).as(file + " contains what the test changes").contains(from);
				text = text.replace(from, to);
				changed = true;
			}
			files.add(new ModelFile(model.name(), text.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat(changed).isTrue();
		return files;
	}

	List<String> problems(List<ModelFile> files) {
		return validation.validate(files)
			.stream()
			.map(p -> p.file() + " [" + p.element() + "] " + p.message())
			.toList();
	}

	@Test
	void scaleGatesOwnModelsAreValid() throws IOException {
		assertThat(problems(ours())).isEmpty();
	}

	@Test
	void refusesXmlThatDoesNotParseOrDeclaresEntities() {
		assertThat(problems(List.of(new ModelFile("broken.bpmn", "<definitions><process".getBytes())))).singleElement()
			.satisfies(p -> assertThat(p).startsWith("broken.bpmn [line 1:").contains("does not parse"));
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"&x;\" namespace=\"n\"/>";
		assertThat(problems(List.of(new ModelFile("xxe.dmn", xxe.getBytes())))).singleElement()
			.satisfies(p -> assertThat(p).contains("DOCTYPE"));
	}

	@Test
	void refusesCodeAProcessOwnerCannotReview() throws IOException {
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:delegateExpression=\"${changeStage}\"",
				"camunda:class=\"com.example.Anything\"")))
			.anySatisfy(p -> assertThat(p).contains("camunda:class com.example.Anything runs Java code"));
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:delegateExpression=\"${changeStage}\"",
				"camunda:delegateExpression=\"${runtimeService}\"")))
			.anySatisfy(p -> assertThat(p).contains("delegate expression ${runtimeService} names no ScaleGate step"));
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:delegateExpression=\"${changeStage}\"",
				"camunda:expression=\"${runtimeService.deleteProcessInstance(execution.id, 'x')}\"")))
			.anySatisfy(p -> assertThat(p).contains("camunda:expression"));
	}

	/** The problems of our models with one change to the lifecycle BPMN. */
	List<String> lifecycleWith(String from, String to) throws IOException {
		return problems(oursWith("product-lifecycle.bpmn", from, to));
	}

	@Test
	void refusesAConditionCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("${prototypeDecision == 'GO'}", "${apiTokens.issue('x','ADMIN','owner') != null}"))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [flow_gate1Go] the condition")
				.contains("calls issue on apiTokens"));
	}

	@Test
	void refusesAnInputParameterCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("<camunda:inputParameter name=\"targetStage\">SMALL_BATCH</camunda:inputParameter>",
				"<camunda:inputParameter name=\"targetStage\">${userAccounts.all()}</camunda:inputParameter>"))
			.anySatisfy(p -> assertThat(p)
				.startsWith("product-lifecycle.bpmn [serviceTask_enterSmallBatch] the input parameter targetStage")
				.contains("calls all on userAccounts"));
	}

	@Test
	void refusesADueDateCallingAMethod() throws IOException {
		assertThat(lifecycleWith("camunda:dueDate=\"P5D\"", "camunda:dueDate=\"${dateTime().plusDays(5).toDate()}\""))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [gateReview] camunda:dueDate")
				.contains("calls the function dateTime"));
	}

	@Test
	void refusesAnAssigneeCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("camunda:candidateGroups=\"GATEKEEPER\"",
				"camunda:candidateGroups=\"GATEKEEPER\" camunda:assignee=\"#{userAccounts.all().get(0).username()}\""))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [gateReview] camunda:assignee")
				.contains("calls all on userAccounts"));
	}

	@Test
	void refusesATimerCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P30D</bpmn:timeDuration>",
				"<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">${apiTokens.issue('x','ADMIN','owner').token()}</bpmn:timeDuration>"))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [timerDefinition_holdExpired] the timer")
				.contains("calls issue on apiTokens"));
	}

	@Test
	void refusesAMultiInstanceCollectionCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("<bpmn:outgoing>flow_gateReviewEscalated</bpmn:outgoing>",
				"<bpmn:outgoing>flow_gateReviewEscalated</bpmn:outgoing>\n"
						+ "      <bpmn:multiInstanceLoopCharacteristics camunda:collection=\"${userAccounts.all()}\" camunda:elementVariable=\"user\" />"))
			.anySatisfy(p -> assertThat(p)
				.startsWith("product-lifecycle.bpmn [serviceTask_escalateGateReview] camunda:collection")
				.contains("calls all on userAccounts"));
	}

	@Test
	void refusesACalledElementCallingABeanMethod() throws IOException {
		assertThat(lifecycleWith("<bpmn:outgoing>flow_toEnterPrototype</bpmn:outgoing>\n    </bpmn:startEvent>",
				"<bpmn:outgoing>flow_toEnterPrototype</bpmn:outgoing>\n    </bpmn:startEvent>\n"
						+ "    <bpmn:callActivity id=\"callActivity_tokens\" calledElement=\"${apiTokens.issue('x','ADMIN','owner').token()}\" />"))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [callActivity_tokens] calledElement")
				.contains("calls issue on apiTokens"));
	}

	@Test
	void refusesAFieldExpressionCallingABeanMethod() throws IOException {
		String cancelled = "<camunda:inputOutput>\n          <camunda:inputParameter name=\"targetStage\">CANCELLED";
		assertThat(lifecycleWith(cancelled,
				"<camunda:field name=\"stage\"><camunda:expression>${userAccounts.all()}"
						+ "</camunda:expression></camunda:field>\n        " + cancelled))
			.anySatisfy(
					p -> assertThat(p).startsWith("product-lifecycle.bpmn [serviceTask_enterCancelled] the field stage")
						.contains("calls all on userAccounts"));
	}

	@Test
	void refusesAConditionInAScriptLanguage() throws IOException {
		assertThat(lifecycleWith(
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${gateDecision == 'KILL'}",
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"javascript\">gateDecision == 'KILL'"))
			.anySatisfy(p -> assertThat(p).startsWith("product-lifecycle.bpmn [flow_kill] the condition")
				.contains("javascript"));
	}

	@Test
	void refusesAConditionLoadedFromAResource() throws IOException {
		assertThat(lifecycleWith(
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${gateDecision == 'KILL'}</bpmn:conditionExpression>",
				"<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" camunda:resource=\"deployment://kill.js\" />"))
			.anySatisfy(
					p -> assertThat(p).startsWith("product-lifecycle.bpmn [flow_kill]").contains("camunda:resource"));
	}

	@Test
	void acceptsConditionsOfTheSmallGrammar() throws IOException {
		assertThat(lifecycleWith("${prototypeDecision == 'GO'}",
				"${(prototypeDecision eq \"GO\" &amp;&amp; !(designFrozen)) || prototypeDecision != null and not supplierApproved or demandCv &lt;= 0.25 or demandMonths ge -1 or demandMonths lt 1.5e2}"))
			.isEmpty();
	}

	/**
	 * Found by an attack on the running application: a service task of
	 * {@code camunda:type="shell"} passed validation, was approved and ran a shell
	 * command as the server's user; {@code mail} is the engine's other built-in
	 * behaviour.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "camunda:type=\"shell\"", "camunda:type=\"mail\"" })
	void refusesAServiceTaskOfABuiltInType(String type) throws IOException {
		assertThat(lifecycleWith(
				"<bpmn:serviceTask id=\"serviceTask_enterSmallBatch\" name=\"Enter SMALL_BATCH\" camunda:delegateExpression=\"${changeStage}\">",
				"<bpmn:serviceTask id=\"serviceTask_enterSmallBatch\" name=\"Enter SMALL_BATCH\" " + type + ">"))
			.anySatisfy(
					p -> assertThat(p).startsWith("product-lifecycle.bpmn [serviceTask_enterSmallBatch] camunda:type")
						.contains("not allowed"));
	}

	@Test
	void refusesAShellTaskInCamundasOldActivitiNamespace() throws IOException {
		assertThat(lifecycleWith(
				"<bpmn:serviceTask id=\"serviceTask_enterSmallBatch\" name=\"Enter SMALL_BATCH\" camunda:delegateExpression=\"${changeStage}\">",
				"<bpmn:serviceTask id=\"serviceTask_enterSmallBatch\" name=\"Enter SMALL_BATCH\" xmlns:activiti=\"http://activiti.org/bpmn\" activiti:type=\"shell\">"))
			.anySatisfy(p -> assertThat(p)
				.startsWith("product-lifecycle.bpmn [serviceTask_enterSmallBatch] camunda:type shell"));
	}

	@Test
	void refusesConnectorsAndFormFieldValidators() throws IOException {
		assertThat(lifecycleWith("<camunda:inputParameter name=\"targetStage\">SMALL_BATCH</camunda:inputParameter>",
				"<camunda:inputParameter name=\"targetStage\">SMALL_BATCH</camunda:inputParameter></camunda:inputOutput>"
						+ "<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector>"
						+ "<camunda:formData><camunda:formField id=\"f\" type=\"string\"><camunda:validation>"
						+ "<camunda:constraint name=\"validator\" config=\"com.example.Evil\" />"
						+ "</camunda:validation></camunda:formField></camunda:formData><camunda:inputOutput>"))
			.anySatisfy(
					p -> assertThat(p).startsWith("product-lifecycle.bpmn [serviceTask_enterSmallBatch] connectors"))
			.anySatisfy(p -> assertThat(p).contains("the form field validator com.example.Evil runs Java code"))
			.noneSatisfy(p -> assertThat(p).contains("camunda:type string"));
	}

	@Test
	void refusesAFeelFunctionThatCallsJava() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "<text>demandCv</text>",
				"<text>(function(x) external {java: {class: \"java.lang.System\", method signature: \"exit(int)\"}})(0)</text>")))
			.anySatisfy(
					p -> assertThat(p).startsWith("mass-production-gate.dmn [InputExpression_demandStability_demandCv]")
						.contains("calls Java"));
	}

	@Test
	void aCommentBeforeExternalHidesNoJavaFunction() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "<text>demandCv</text>",
				"<text>{f: function(x) /*c*/ external {java:{class:\"java.lang.System\",method signature:\"getProperty(java.lang.String)\"}}, r: f(\"user.name\")}.r</text>")))
			.anySatisfy(p -> assertThat(p).contains("calls Java"));
		assertThat(problems(oursWith("mass-production-gate.dmn", "<text>demandCv</text>",
				"<text>{f: function(x) // c\n external {java:{class:\"java.lang.System\",method signature:\"exit(int)\"}}}</text>")))
			.anySatisfy(p -> assertThat(p).contains("calls Java"));
	}

	@Test
	void refusesADecisionEntryInJuel() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "<inputEntry id=\"InputEntry_demandStability_1_1\">",
				"<inputEntry id=\"InputEntry_demandStability_1_1\" expressionLanguage=\"juel\">")))
			.anySatisfy(p -> assertThat(p).startsWith("mass-production-gate.dmn [InputEntry_demandStability_1_1]")
				.contains("juel")
				.contains("FEEL"));
	}

	@Test
	void refusesADecisionInputExpressionInJuel() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn",
				"<inputExpression id=\"InputExpression_demandStability_demandCv\" typeRef=\"double\">",
				"<inputExpression id=\"InputExpression_demandStability_demandCv\" typeRef=\"double\" expressionLanguage=\"juel\">")))
			.anySatisfy(
					p -> assertThat(p).startsWith("mass-production-gate.dmn [InputExpression_demandStability_demandCv]")
						.contains("juel"));
	}

	@Test
	void refusesDecisionsDefinedInJuel() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "id=\"Definitions_massProductionGate\"",
				"id=\"Definitions_massProductionGate\" expressionLanguage=\"juel\"")))
			.anySatisfy(p -> assertThat(p).startsWith("mass-production-gate.dmn [Definitions_massProductionGate]")
				.contains("juel"));
	}

	@Test
	void acceptsDecisionsDeclaredInFeel() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "id=\"Definitions_massProductionGate\"",
				"id=\"Definitions_massProductionGate\" expressionLanguage=\"https://www.omg.org/spec/DMN/20191111/FEEL/\"")))
			.isEmpty();
		assertThat(problems(oursWith("mass-production-gate.dmn", "<inputEntry id=\"InputEntry_demandStability_1_1\">",
				"<inputEntry id=\"InputEntry_demandStability_1_1\" expressionLanguage=\"feel\">")))
			.isEmpty();
	}

	@Test
	void refusesCodeInCamundasOldActivitiNamespaceToo() throws IOException {
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:delegateExpression=\"${changeStage}\"",
				"xmlns:activiti=\"http://activiti.org/bpmn\" activiti:class=\"com.example.Anything\"")))
			.anySatisfy(p -> assertThat(p).contains("camunda:class com.example.Anything runs Java code"));
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:delegateExpression=\"${changeStage}\"",
				"xmlns:activiti=\"http://activiti.org/bpmn\" activiti:delegateExpression=\"${userAccounts}\"")))
			.anySatisfy(p -> assertThat(p).contains("delegate expression ${userAccounts} names no ScaleGate step"));
	}

	@Test
	void keepsTheLifecyclesContractTasksGroupsAndForms() throws IOException {
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:candidateGroups=\"GATEKEEPER\"",
				"camunda:candidateGroups=\"ENGINEER\"")))
			.contains(
					"product-lifecycle.bpmn [gateReview] the task gateReview must keep the candidate group GATEKEEPER");
		assertThat(problems(oursWith("product-lifecycle.bpmn", "camunda:formRef=\"gateReview\"",
				"camunda:formRef=\"gateReviewV2\"")))
			.contains(
					"product-lifecycle.bpmn [gateReview] camunda:formRef \"gateReviewV2\" names no form of this deployment; deploy the form with the process");
		assertThat(
				problems(oursWith("design-freeze-sign-off.form", "\"key\": \"designFrozen\"", "\"key\": \"frozen\"")))
			.contains(
					"product-lifecycle.bpmn [designFreezeSignOff] the form designFreezeSignOff lacks the field designFrozen, which the process reads");
	}

	@Test
	void keepsThePublicDecisionContract() throws IOException {
		assertThat(problems(oursWith("mass-production-gate.dmn", "hitPolicy=\"COLLECT\"", "hitPolicy=\"RULE ORDER\"")))
			.anySatisfy(p -> assertThat(p).contains("gateReasons must keep the hit policy COLLECT"));
		assertThat(problems(oursWith("mass-production-gate.dmn", "\"VOLATILE\"", "\"SHAKY\"")))
			.anySatisfy(p -> assertThat(p).contains("may only be one of", "not \"SHAKY\""));
		assertThat(problems(oursWith("mass-production-gate.dmn",
				"id=\"InputExpression_demandStability_demandCv\" typeRef=\"double\"",
				"id=\"InputExpression_demandStability_demandCv\" typeRef=\"string\"")))
			.anySatisfy(p -> assertThat(p).contains("the input demandCv must keep the type double, not string"));
		assertThat(problems(oursWith("mass-production-gate.dmn", "<decision id=\"toolingEconomics\"",
				"<decision id=\"toolingEconomicsV2\"")))
			.anySatisfy(p -> assertThat(p).contains("toolingEconomics"));
	}

	@Test
	void keepsTheDeliverablesChecklistContract() throws IOException {
		String file = "gate-deliverables.dmn";
		assertThat(problems(oursWith(file, "<text>\"CONTROL_PLAN\"</text>", "<text>\"CONTROL_PLANS\"</text>")))
			.containsExactly("gate-deliverables.dmn [Rule_gateDeliverables_4] the output documentKind may only be a "
					+ "known document kind, one of [DRAWING, INSPECTION_REPORT, FIRST_ARTICLE_INSPECTION, "
					+ "MATERIAL_CERTIFICATE, PPAP_SUBMISSION_WARRANT, CONTROL_PLAN, PFMEA, CAPABILITY_STUDY_REPORT, "
					+ "OTHER], not \"CONTROL_PLANS\"");
		assertThat(problems(oursWith(file, "\"PFMEA\",", "\"PFMEA\",\"SELFIE\",")))
			.anySatisfy(p -> assertThat(p).contains("allowed values of documentKind", "not \"SELFIE\""));
		assertThat(problems(oursWith(file, "hitPolicy=\"COLLECT\"", "hitPolicy=\"FIRST\"")))
			.anySatisfy(p -> assertThat(p).contains("gateDeliverables must keep the hit policy COLLECT"));
		assertThat(problems(oursWith(file, "name=\"documentKind\"", "name=\"kind\"")))
			.anySatisfy(p -> assertThat(p).contains("the output documentKind of gateDeliverables is missing"));
		assertThat(problems(oursWith(file, "<text>gate</text>", "<text>stage</text>")))
			.anySatisfy(p -> assertThat(p).contains("gateDeliverables reads only the gate", "not `stage`"))
			.anySatisfy(p -> assertThat(p).contains("gateDeliverables no longer reads the gate"));
		assertThat(problems(oursWith(file, "id=\"InputExpression_gateDeliverables_gate\" typeRef=\"string\"",
				"id=\"InputExpression_gateDeliverables_gate\" typeRef=\"integer\"")))
			.anySatisfy(p -> assertThat(p).contains("the input gate must keep the type string, not integer"));
		assertThat(problems(oursWith(file, "<text>\"gateReview\"</text>", "<text>\"gateReviw\"</text>")))
			.anySatisfy(p -> assertThat(p).contains("the gate may only be one of [prototypeReview, gateReview]",
					"not \"gateReviw\""));
		assertThat(problems(oursWith(file, "<decision id=\"gateDeliverables\"", "<decision id=\"deliverables\"")))
			.anySatisfy(p -> assertThat(p).contains("the deliverables checklist decision gateDeliverables is missing"));
	}

	@Test
	void givesEveryRealModelByOthersAClearVerdict() throws IOException {
		assertThat(problems(List.of(fixture("dinnerDecisions.dmn")))).isEmpty();
		assertThat(problems(List.of(fixture("xslt-example.bpmn"))))
			.anySatisfy(p -> assertThat(p).contains("script tasks run arbitrary code"));
		assertThat(problems(List.of(fixture("camunda-testing-job-announcement.bpmn"))))
			.anySatisfy(p -> assertThat(p).startsWith(
					"camunda-testing-job-announcement.bpmn [review] camunda:assignee #{jobAnnouncementService.findRequester(jobAnnouncementId)} calls findRequester on jobAnnouncementService"))
			.anySatisfy(
					p -> assertThat(p).startsWith("camunda-testing-job-announcement.bpmn [correct] camunda:assignee"));
		assertThat(problems(List.of(fixture("invoiceApproval.bpmn")))).contains(
				"invoiceApproval.bpmn [UserTask_1] camunda:formKey camunda-forms:app:task-form.form is not a form ScaleGate can show; reference a Camunda Form of the deployment with camunda:formRef");
		for (String name : List.of("loan-granting.bpmn", "camunda-testing-job-announcement.bpmn",
				"exampleProcess.bpmn")) {
			List<String> verdict = problems(List.of(fixture(name)));
			assertThat(verdict).as(name).allSatisfy(p -> assertThat(p).startsWith(name + " [").doesNotContain("[] "));
		}
	}

	static ModelFile fixture(String name) throws IOException {
		return new ModelFile(name, Files.readAllBytes(FIXTURES.resolve(name)));
	}

}
