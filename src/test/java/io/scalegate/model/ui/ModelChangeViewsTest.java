package io.scalegate.model.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.base.ui.PageNotFoundView;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.model.DeployedModels.DeployedModel;
import io.scalegate.model.DeployedModels.Kind;
import io.scalegate.model.cases.CaseInChange;
import io.scalegate.model.cases.CaseRun.CaseResult;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChange.Status;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.model.migration.LifecycleMigration.LifecycleVersion;
import io.scalegate.model.migration.LifecycleMigration.RunningProduct;
import io.scalegate.product.Product;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process owner's workbench in the UI: open a model, keep its test cases, review and
 * sign, migrate.
 */
class ModelChangeViewsTest extends KaribuTest {

	@Autowired
	io.scalegate.gate.ReadinessReevaluation reevaluation;

	/**
	 * A deployment here judges the stored verdicts again in the background: the next test
	 * finds them judged by the deployed rules.
	 */
	@org.junit.jupiter.api.AfterEach
	void awaitTheReevaluation() {
		io.scalegate.gate.Reevaluations.awaitIdle(reevaluation);
	}

	@Autowired
	ModelChanges changes;

	@Autowired
	DecisionCases cases;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	ManagementService management;

	@SuppressWarnings("unchecked")
	private static <T> Grid<T> grid(String id) {
		return _get(Grid.class, spec -> spec.withId(id));
	}

	private ModelChange submittedAnnotationChange() {
		ModelChange opened = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");
		changes.save(opened.id(), io.scalegate.model.change.HarmlessChanges.reviewed(opened.content()), "owner");
		return changes.submit(opened.id(), "owner");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDecisionShownIsInTheAddressAndAnUnknownOneIsIgnored() {
		ModelChange change = submittedAnnotationChange();
		login("owner2", "PROCESS_OWNER");
		UI.getCurrent()
			.navigate("models/changes/" + change.id(),
					QueryParameters.full(Map.of("decision", new String[] { "demandStability" })));
		Select<String> decision = _get(Select.class, spec -> spec.withId("decision-view"));
		assertThat(decision.getValue()).isEqualTo("demandStability");

		decision.setValue("massProductionGate");
		assertThat(PageAddress.shown(UI.getCurrent()).getPathWithQueryParameters())
			.isEqualTo("models/changes/" + change.id() + "?decision=massProductionGate");
		decision.setValue("Requirements diagram");
		assertThat(PageAddress.shown(UI.getCurrent()).getPathWithQueryParameters())
			.isEqualTo("models/changes/" + change.id());

		UI.getCurrent()
			.navigate("models/changes/" + change.id(),
					QueryParameters.full(Map.of("decision", new String[] { "<no such decision>" })));
		assertThat(_get(Select.class, spec -> spec.withId("decision-view")).getValue())
			.isEqualTo("Requirements diagram");
	}

	@Test
	void aChangeThatDoesNotExistIsNotFound() {
		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/987654321");
		assertThat(_get(PageNotFoundView.class).getElement().getTextRecursively()).contains("Page not found",
				"No model change #987654321.");
		UI.getCurrent().navigate("models/changes/latest");
		assertThat(_get(PageNotFoundView.class).getElement().getTextRecursively()).contains("No model change #latest.");
	}

	@Test
	void anOwnerOpensADeployedDecisionInTheEditorAndKeepsItsTestCases() {
		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models");
		Grid<DeployedModel> models = grid("models");
		models.select(models.getListDataView()
			.getItems()
			.filter(m -> m.kind() == Kind.DECISION && m.key().equals("demandStability"))
			.findFirst()
			.orElseThrow());
		_click(_get(Button.class, spec -> spec.withId("edit-model")));

		ModelEditor editor = _get(ModelEditor.class);
		assertThat(editor.getElement().getAttribute("data-kind")).isEqualTo("dmn");
		assertThat(_get(Select.class, spec -> spec.withId("decision-view")).getListDataView().getItems())
			.contains("demandStability", "massProductionGate");
		assertThat(_find(Button.class, spec -> spec.withId("submit-change"))).hasSize(1);
		assertThat(casesIn()).extracting(DecisionCase::name).contains("CV 0.28 is moderate, not stable");

		_click(_get(Button.class, spec -> spec.withId("add-case")));
		_get(Select.class, spec -> spec.withId("case-decision")).setValue("demandStability");
		// a field per input and output of the decision, typed
		IntegerField months = _get(IntegerField.class, spec -> spec.withId("case-input-demandMonths"));
		assertThat(months.getLabel()).isEqualTo("Months of order history");
		assertThat(months.getHelperText()).isEqualTo("demandMonths");
		NumberField cv = _get(NumberField.class, spec -> spec.withId("case-input-demandCv"));
		@SuppressWarnings("unchecked")
		Select<String> stability = _get(Select.class, spec -> spec.withId("case-expected-demandStability"));
		assertThat(stability.getListDataView().getItems()).containsExactly("STABLE", "MODERATE", "VOLATILE",
				"INSUFFICIENT_DATA");
		months.setValue(8);
		cv.setValue(0.4);
		_click(_get(Button.class, spec -> spec.withId("case-save")));
		TextField name = _get(TextField.class, spec -> spec.withId("case-name"));
		assertThat(name.isInvalid()).as("a case without a name names the name field").isTrue();
		assertThat(stability.isInvalid()).as("no expected output names the expected output's field").isTrue();
		assertThat(stability.getErrorMessage()).contains("at least one output");

		name.setValue("CV 0.40 over eight months is moderate");
		stability.setValue("MODERATE");
		// text the browser could not read as a number: the field is named, nothing saved
		months.clear();
		months.getElement().setProperty("_inputElementValue", "eight");
		com.github.mvysny.kaributesting.v10.ElementUtilsKt._fireDomEvent(months.getElement(),
				new com.vaadin.flow.dom.DomEvent(months.getElement(), "unparsable-change",
						elemental.json.Json.createObject()));
		_click(_get(Button.class, spec -> spec.withId("case-save")));
		assertThat(months.isInvalid()).isTrue();
		assertThat(months.getErrorMessage()).isEqualTo("Months of order history must be a whole number");
		assertThat(casesInChange()).noneMatch(c -> c.testCase().name().equals("CV 0.40 over eight months is moderate"));
		months.getElement().setProperty("_inputElementValue", "8");
		months.setValue(8);
		_click(_get(Button.class, spec -> spec.withId("case-save")));
		assertThat(casesIn()).filteredOn(c -> c.name().equals("CV 0.40 over eight months is moderate"))
			.singleElement()
			.satisfies(stored -> {
				assertThat(stored.inputs()).isEqualTo("{\"demandMonths\":8,\"demandCv\":0.4}");
				assertThat(stored.expected()).isEqualTo("{\"demandStability\":\"MODERATE\"}");
			});
		assertThat(casesInChange()).filteredOn(c -> c.testCase().name().equals("CV 0.40 over eight months is moderate"))
			.singleElement()
			.satisfies(pending -> assertThat(pending.edit().words()).isEqualTo("in this change: added"));
		assertThat(cases.of(java.util.Set.of("demandStability"))).as("pending until the change is approved")
			.extracting(DecisionCase::name)
			.doesNotContain("CV 0.40 over eight months is moderate");
		assertThat(grid("case-results").getListDataView().getItems().map(r -> (CaseResult) r)).anySatisfy(result -> {
			assertThat(result.testCase().name()).isEqualTo("CV 0.40 over eight months is moderate");
			assertThat(result.passed()).isTrue();
		});

		Grid<DecisionCase> list = grid("decision-case-list");
		int row = casesIn().stream().map(DecisionCase::name).toList().indexOf("CV 0.40 over eight months is moderate");
		var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) com.github.mvysny.kaributesting.v10.GridKt
			._getCellComponent(list, row, "actions");
		_click((Button) actions.getComponentAt(1));
		com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt
			._fireConfirm(_get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class));
		assertThat(casesIn()).extracting(DecisionCase::name).doesNotContain("CV 0.40 over eight months is moderate");
	}

	@Test
	void aCaseOfTheGateIsAFormOfItsInputsWithYesNoAndTheReasonsToCollect() throws Exception {
		login("owner", "PROCESS_OWNER");
		ModelChange change = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");
		UI.getCurrent().navigate("models/changes/" + change.id());
		Grid<DecisionCase> list = grid("decision-case-list");
		DecisionCase ready = casesIn().stream()
			.filter(c -> c.name().equals("A ready product goes to mass production"))
			.findFirst()
			.orElseThrow();
		var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) com.github.mvysny.kaributesting.v10.GridKt
			._getCellComponent(list, casesIn().indexOf(ready), "actions");
		_click((Button) actions.getComponentAt(0));

		// the gate reads the inputs of the decisions it requires, not their results
		@SuppressWarnings("unchecked")
		Select<String> frozen = _get(Select.class, spec -> spec.withId("case-input-designFrozen"));
		assertThat(frozen.getValue()).isEqualTo("true");
		assertThat(frozen.getItemLabelGenerator().apply("true")).isEqualTo("yes");
		assertThat(_get(NumberField.class, spec -> spec.withId("case-input-demandCv")).getValue()).isEqualTo(0.18);
		assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("case-input-demandStability")))
			.as("a required decision's result is not an input")
			.isEmpty();
		frozen.setValue("false");
		_click(_get(Button.class, spec -> spec.withId("case-save")));

		CaseInChange edited = casesInChange().stream()
			.filter(c -> c.testCase().id().equals(ready.id()))
			.findFirst()
			.orElseThrow();
		assertThat(edited.edit().words()).isEqualTo("in this change: changed");
		assertThat(changes.check(change.id()).summary()).anySatisfy(line -> assertThat(line).startsWith(
				"decision test case \"A ready product goes to mass production\" of massProductionGate changed by owner"));
		DecisionCase saved = edited.testCase();
		// the seeded case as it was: the change no longer changes it
		changes.saveCase(change.id(), ready.id(), ready.decisionKey(), ready.name(), ready.inputs(), ready.expected(),
				"owner");
		assertThat(cases.inChange(change.id(), java.util.Set.of("massProductionGate")))
			.allSatisfy(c -> assertThat(c.edit()).isEqualTo(CaseInChange.Edit.NONE));
		assertThat(saved.inputs()).contains("\"designFrozen\":false").contains("\"demandCv\":0.18");
		assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(saved.expected()))
			.isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(ready.expected()));
		assertThat(changes.check(change.id()).cases().cases()).allSatisfy(
				result -> assertThat(result.passed()).as(result.testCase().name() + ": " + result.message()).isTrue());
	}

	@Test
	void onlyTheAuthorOfTheChangeEditsItsDecisionsCases() {
		ModelChange change = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");
		login("owner2", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/" + change.id());
		assertThat(casesIn()).isNotEmpty();
		assertThat(_find(Button.class, spec -> spec.withId("add-case"))).as("no add button").isEmpty();
		assertThat(grid("decision-case-list").getColumnByKey("actions")).as("no edit or remove buttons").isNull();
		assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
				spec -> spec.withPredicate(p -> p.getText().contains("Only the author of a change of this file"))))
			.hasSize(1);
	}

	private static java.util.List<DecisionCase> casesIn() {
		return casesInChange().stream().map(CaseInChange::testCase).toList();
	}

	private static java.util.List<CaseInChange> casesInChange() {
		return ModelChangeViewsTest.<CaseInChange>grid("decision-case-list").getListDataView().getItems().toList();
	}

	@Test
	void aSecondOwnerReviewsTheCheckAndSignsTheDeployment() {
		ModelChange submitted = submittedAnnotationChange();

		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/" + submitted.id());
		assertThat(_find(Button.class, spec -> spec.withId("approve-change"))).as("the author does not approve")
			.isEmpty();

		login("owner2", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/" + submitted.id());
		assertThat(_get(Span.class, spec -> spec.withId("check-verdict")).getText()).startsWith("Ready to deploy");
		_click(_get(Button.class, spec -> spec.withId("approve-change")));
		assertThat(
				_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("approval-impact")).getText())
			.as("the approver signs knowing the impact")
			.startsWith("Impact on running products: ")
			.contains("running products judged; 0 would change verdict");
		_get(PasswordField.class, spec -> spec.withId("approval-password")).setValue("wrong");
		_click(_get(Button.class, spec -> spec.withId("approval-sign")));
		PasswordField password = _get(PasswordField.class, spec -> spec.withId("approval-password"));
		assertThat(password.isInvalid()).isTrue();
		assertThat(password.getErrorMessage()).contains("wrong password");
		assertThat(changes.get(submitted.id()).status()).isEqualTo(Status.SUBMITTED);

		password.setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("approval-sign")));
		assertThat(changes.get(submitted.id()).status()).isEqualTo(Status.DEPLOYED);
		assertThat(_get(Span.class, spec -> spec.withId("change-status")).getText()).isEqualTo("deployed");
		assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("check-summary"))
			.getElement()
			.getTextRecursively()).contains("Reviewed by the process owners");
		assertThat(_find(Button.class, spec -> spec.withId("approve-change"))).isEmpty();
	}

	@Test
	void theApprovalShowsTheHashOfWhatIsReviewedAndRefusesContentSavedAfterTheReview() {
		ModelChange submitted = submittedAnnotationChange();
		String reviewed = io.scalegate.base.Sha256.hex(submitted.content());

		login("owner2", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/" + submitted.id());
		assertThat(_get(Span.class, spec -> spec.withId("change-sha256")).getText()).contains(reviewed);
		_click(_get(Button.class, spec -> spec.withId("approve-change")));
		assertThat(_get(Span.class, spec -> spec.withId("approval-sha256")).getText()).isEqualTo(reviewed);

		// the author saves the draft again and submits it while the reviewer signs
		changes.save(submitted.id(), io.scalegate.model.change.HarmlessChanges.reviewed(submitted.content()), "owner");
		String saved = io.scalegate.base.Sha256.hex(changes.submit(submitted.id(), "owner").content());
		_get(PasswordField.class, spec -> spec.withId("approval-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("approval-sign")));

		assertThat(changes.get(submitted.id()).status()).isEqualTo(Status.SUBMITTED);
		assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
			.anySatisfy(notification -> assertThat(notification.getElement().getProperty("text"))
				.contains("changed since you reviewed it: review again"));
		assertThat(_get(Span.class, spec -> spec.withId("change-sha256")).getText()).as("shown again, as it is now")
			.contains(saved);

		_click(_get(Button.class, spec -> spec.withId("approve-change")));
		assertThat(_get(Span.class, spec -> spec.withId("approval-sha256")).getText()).isEqualTo(saved);
		_get(PasswordField.class, spec -> spec.withId("approval-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("approval-sign")));
		assertThat(changes.get(submitted.id()).status()).isEqualTo(Status.DEPLOYED);
		assertThat(changes.get(submitted.id()).contentSha256()).isEqualTo(saved);
	}

	@Test
	void theCheckShowsWhichRunningProductsALooserPaybackHurdleMovesWithLinksToThem() {
		ModelChange opened = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");
		String looser = opened.content()
			.replaceFirst("(<inputEntry id=\"InputEntry_toolingEconomics_2_1\">\\s*<text>)&lt;= 1(</text>)",
					"$1&lt;= 2$2");
		assertThat(looser).isNotEqualTo(opened.content());
		changes.save(opened.id(), looser, "owner");

		login("owner", "PROCESS_OWNER");
		ImpactPanel panel = new ImpactPanel(changes.check(opened.id()).impact());
		assertThat(_get(panel, Span.class, spec -> spec.withId("impact-summary")).getText())
			.matches("\\d+ running products judged; \\d+ would change verdict\\.");
		Grid<io.scalegate.model.impact.VerdictChange> changed = grid(panel, "impact-changes");
		int row = changed.getListDataView()
			.getItems()
			.map(io.scalegate.model.impact.VerdictChange::partNumber)
			.toList()
			.indexOf("HTS-1210");
		assertThat(row).isNotNegative();
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(changed, row, "from"))
			.isEqualTo("Hold: the product stays in small batch");
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(changed, row, "to"))
			.isEqualTo("Go: mass production");
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(changed, row, "removed"))
			.isEqualTo(io.scalegate.gate.GateReason.TOOLING_NOT_JUSTIFIED.explanation());
		var link = (com.vaadin.flow.component.html.Anchor) com.github.mvysny.kaributesting.v10.GridKt
			._getCellComponent(changed, row, "partNumber");
		assertThat(link.getHref()).isEqualTo("products/HTS-1210");
		assertThat(link.getText()).isEqualTo("HTS-1210");
		assertThat(_get(panel, com.vaadin.flow.component.html.UnorderedList.class,
				spec -> spec.withId("impact-transitions"))
			.getElement()
			.getTextRecursively()).contains("Hold: the product stays in small batch → Go: mass production");
		assertThat(panel.getElement().getTextRecursively()).as("words, not codes")
			.doesNotContain("STAY_SMALL_BATCH", "GO_MASS_PRODUCTION", "TOOLING_NOT_JUSTIFIED", "null");
	}

	@Test
	void theApproverSeesTheImpactBesideTheCheck() {
		ModelChange submitted = submittedAnnotationChange();

		login("owner2", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes/" + submitted.id());
		assertThat(_get(Span.class, spec -> spec.withId("impact-summary")).getText())
			.endsWith("running products judged; 0 would change verdict.");
		assertThat(_find(Grid.class, spec -> spec.withId("impact-changes"))).isEmpty();

		ModelChange form = changes.open(changes.latest().getId(), "forms/gate-review.form", "owner");
		ImpactPanel none = new ImpactPanel(changes.check(form.id()).impact());
		assertThat(_get(none, Span.class, spec -> spec.withId("impact-summary")).getText())
			.contains("no gate rules in this change");
	}

	@SuppressWarnings("unchecked")
	private static <T> Grid<T> grid(com.vaadin.flow.component.Component in, String id) {
		return _get(in, Grid.class, spec -> spec.withId(id));
	}

	@Test
	void theCheckOfADraftInJuelSaysWhyItsCasesDidNotRun() {
		ModelChange opened = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");
		changes.save(opened.id(),
				opened.content()
					.replaceFirst("<outputEntry id=\"OutputEntry_demandStability_1\">",
							"<outputEntry id=\"OutputEntry_demandStability_1\" expressionLanguage=\"juel\">"),
				"owner");

		login("owner", "PROCESS_OWNER");
		CheckReport report = new CheckReport(changes.check(opened.id()));
		assertThat(_get(report, Span.class, spec -> spec.withId("check-verdict")).getText())
			.contains("must be fixed first")
			.contains("juel");
		assertThat(_get(report, com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("cases-not-run"))
			.getText()).contains("not run").contains("OutputEntry_demandStability_1");
		assertThat(_find(report, Grid.class, spec -> spec.withId("case-results"))).isEmpty();
	}

	@Test
	void aFileFromCamundaModelerBecomesADraftAndAnythingElseIsRefused() throws Exception {
		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/changes");
		ChangesView view = _get(ChangesView.class);
		long before = changes.recent().size();
		view.uploaded("notes.txt", "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications())
			.anySatisfy(notification -> assertThat(notification.getElement().getProperty("text"))
				.contains("file: notes.txt is not a model"));
		assertThat(changes.recent()).hasSize((int) before);

		byte[] form = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("forms", "gate-review.form"));
		view.uploaded("gate-review.form", form);
		ModelChange draft = changes.recent().get(0);
		assertThat(draft.resourceName()).isEqualTo("forms/gate-review.form");
		assertThat(draft.author()).isEqualTo("owner");
		assertThat(_get(ModelEditor.class).getElement().getAttribute("data-kind")).isEqualTo("form");
	}

	@Test
	void auditorsReadChangesButNeitherUploadNorMigrate() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("models/changes");
		assertThat(_find(Upload.class)).isEmpty();
		assertThat(grid("model-changes")).isNotNull();
		assertAccessDenied("models/migration");
		UI.getCurrent().navigate("");
		login("engineer", "ENGINEER");
		assertAccessDenied("models/changes");
	}

	@Test
	void anOwnerMovesRunningProductsToTheLatestVersionAndFollowsTheBatch() {
		Product product = lifecycles.aProduct(false);
		String before = lifecycles.instance(product).getProcessDefinitionId();
		io.scalegate.model.change.HarmlessChanges.deployNewLifecycleVersion(changes);

		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models/migration");
		Select<LifecycleVersion> source = _get(Select.class, spec -> spec.withId("migration-source"));
		source.setValue(source.getListDataView()
			.getItems()
			.filter(v -> v.definitionId().equals(before))
			.findFirst()
			.orElseThrow());
		assertThat(_get(Span.class, spec -> spec.withId("migration-verdict")).getText())
			.startsWith("The plan is valid");
		Grid<RunningProduct> products = grid("migration-products");
		products.select(products.getListDataView()
			.getItems()
			.filter(p -> p.partNumber().equals(product.partNumber()))
			.findFirst()
			.orElseThrow());
		_click(_get(Button.class, spec -> spec.withId("migration-start")));
		assertThat(_get(Span.class, spec -> spec.withId("migration-status")).getText()).startsWith("Moving 1 products");

		for (int round = 0; round < 3; round++) {
			for (Job job : management.createJobQuery().list()) {
				if (job.getProcessInstanceId() == null) {
					management.executeJob(job.getId());
				}
			}
		}
		ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), false));
		assertThat(_get(Span.class, spec -> spec.withId("migration-status")).getText())
			.startsWith("Done: 1 of 1 moved");
		assertThat(lifecycles.instance(product).getProcessDefinitionId()).isNotEqualTo(before);
	}

}
