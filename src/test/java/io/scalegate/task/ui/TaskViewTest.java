package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import io.scalegate.KaribuTest;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Inbox;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class TaskViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskCompletion completion;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Inbox inbox;

	@Autowired
	EvidenceRecorder recorder;

	@Test
	void anEngineerSignsTheDesignFreezeWithTheirPassword() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());

		assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("task-title")).getText())
			.isEqualTo("Sign off design freeze");
		assertThat(_find(Span.class, spec -> spec.withText("Consecutive conforming small batches"))).hasSize(1);
		_get(Checkbox.class, spec -> spec.withId("field-designFrozen")).setValue(true);
		_click(_get(Button.class, spec -> spec.withId("sign")));

		PasswordField password = _get(PasswordField.class, spec -> spec.withId("signature-password"));
		password.setValue("wrong");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(password.isInvalid()).isTrue();
		assertThat(password.getErrorMessage()).contains("wrong password");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();

		password.setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(runtime.getVariable(lifecycles.instance(product).getId(), DESIGN_FROZEN.name())).isEqualTo(true);
		assertThat(signatures(product, DESIGN_FREEZE_SIGN_OFF)).singleElement()
			.satisfies(s -> assertThat(s.printedName()).isEqualTo("Erin Engineer"));
		assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("inbox");
	}

	@Autowired
	io.scalegate.gate.TestDocumentsOnFile documents;

	@Test
	void theGateReviewShowsItsDeliverablesChecklistAndNamesTheMissingOnes() {
		Product product = lifecycles.aProductReadyForGate2(false);
		documents.file(product.partNumber(), "DRAWING", "MATERIAL_CERTIFICATE", "CONTROL_PLAN");
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());

		com.vaadin.flow.component.html.Div checklist = _get(com.vaadin.flow.component.html.Div.class,
				spec -> spec.withId("deliverables-checklist"));
		assertThat(checklist.getElement().getAttribute("data-complete")).isEqualTo("false");
		assertThat(checklist.getElement().getTextRecursively()).contains("Deliverables for Gate 2 (mass production)",
				"First article inspection · missing", "Material certificate · on file", "Control plan · on file",
				"Part submission warrant (PPAP) · missing");
		assertThat(_get(Span.class, spec -> spec.withId("deliverables-missing")).getText())
			.isEqualTo("Missing: First article inspection, Part submission warrant (PPAP).");
		assertThat(_get(Span.class, spec -> spec.withId("gate-recommendation")).getText())
			.isEqualTo("Hold: the product stays in small batch");
		assertThat(_find(ListItem.class)).extracting(ListItem::getText)
			.containsExactly("Required deliverables are not on file: First article inspection, "
					+ "Part submission warrant (PPAP).");
		assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("gate-inputs")).getElement()
			.getTextRecursively())
			.contains("Missing deliverablesFirst article inspection, Part submission warrant (PPAP)");
	}

	@Test
	void thePrototypeReviewShowsTheDrawingItRequires() {
		Product product = lifecycles.aProduct(false);
		documents.file(product.partNumber());
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + review.getId());

		assertThat(
				_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("deliverable-DRAWING")).getElement()
					.getTextRecursively())
			.isEqualTo("Drawing · missing");
		assertThat(_get(Span.class, spec -> spec.withId("deliverables-missing")).getText())
			.isEqualTo("Missing: Drawing.");

		documents.file(product.partNumber(), "DRAWING");
		UI.getCurrent().refreshCurrentRoute(false);
		assertThat(_get(Span.class, spec -> spec.withId("deliverables-missing")).getText())
			.isEqualTo("Every required document is on file.");
	}

	@Test
	void aReadinessTaskHasNoChecklist() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());
		assertThat(_find(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("deliverables-checklist")))
			.isEmpty();
	}

	@Test
	void theGateReviewShowsTheRecommendationAndEveryReasonInWords() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());

		assertThat(_get(Span.class, spec -> spec.withId("gate-recommendation")).getText())
			.isEqualTo("Hold: the product stays in small batch");
		assertThat(_find(ListItem.class)).extracting(ListItem::getText)
			.anySatisfy(text -> assertThat(text).contains("Demand is not stable"))
			.anySatisfy(text -> assertThat(text).isEqualTo(GateReason.TOOLING_NOT_JUSTIFIED.explanation()))
			.allSatisfy(text -> assertThat(text).doesNotContain("DEMAND_NOT_STABLE", "TOOLING_NOT_JUSTIFIED"));
		String inputs = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("gate-inputs")).getElement()
			.getTextRecursively();
		assertThat(inputs).as("labels, units and rounded figures, not variable names or null")
			.contains("Tooling investmentnot recorded", "Coefficient of variation of monthly quantitynot recorded",
					"Design frozenyes", "Months of order history0")
			.doesNotContain("null", "toolingInvestment", "demandCv", "true", "false");
		assertThat(_get(Button.class, spec -> spec.withId("sign")).isEnabled()).isTrue();
	}

	@Test
	void aGatekeeperWhoSignedReadinessIsToldWhyTheyCannotSignTheGate() {
		String user = "gk-" + UUID.randomUUID().toString().substring(0, 6);
		accounts.save(user, "Dual Role", "demo", EnumSet.of(Role.ENGINEER, Role.GATEKEEPER));
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, user, Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.complete(product, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Task review = lifecycles.task(product, GATE_REVIEW);

		login(user, "ENGINEER", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());

		assertThat(_get(Paragraph.class, spec -> spec.withId("four-eyes")).getText()).contains("four-eyes");
		assertThat(_get(Button.class, spec -> spec.withId("sign")).isEnabled()).isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aGatekeeperOverridesOnlyWithAWrittenReason() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());
		com.vaadin.flow.component.select.Select<String> decision = _get(com.vaadin.flow.component.select.Select.class,
				spec -> spec.withId("field-gateDecision"));
		assertThat(decision.getValue()).isEqualTo("STAY_SMALL_BATCH");
		decision.setValue("KILL");

		_click(_get(Button.class, spec -> spec.withId("sign")));
		assertThat(_find(PasswordField.class, spec -> spec.withId("signature-password")))
			.as("no signature without the reason")
			.isEmpty();
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
		assertThat(signatures(product, GATE_REVIEW)).isEmpty();

		_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("field-overrideReason"))
			.setValue("The customer cancelled the programme.");
		_click(_get(Button.class, spec -> spec.withId("sign")));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
		assertThat(signatures(product, GATE_REVIEW)).singleElement()
			.satisfies(s -> assertThat(s.signedValues()).contains("KILL").contains("cancelled the programme"))
			.satisfies(s -> assertThat(s.meaning()).isEqualTo(SignatureMeaning.REJECTED));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSignatureDialogSaysInWordsWhatIsSigned() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.complete(product, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		Task task = lifecycles.task(product, SUPPLIER_QUALIFICATION);
		login("supplier", "SUPPLIER_QUALITY");
		UI.getCurrent().navigate("tasks/" + task.getId());
		_get(TextArea.class, spec -> spec.withId("field-supplierComment")).setValue("Two late deliveries.");
		_click(_get(Button.class, spec -> spec.withId("sign")));

		assertThat(_get(Paragraph.class, spec -> spec.withId("signature-task")).getText()).contains(task.getName(),
				product.partNumber(), product.name());
		assertThat(_get(Paragraph.class, spec -> spec.withId("signature-decision")).getText()).contains("Rejected",
				"the supplier is not approved for mass production");
		assertThat(_get(UnorderedList.class, spec -> spec.withId("signature-values")).getElement().getTextRecursively())
			.contains("The supplier is approved for mass production: no", "Comment: Two late deliveries.");
		RadioButtonGroup<SignatureMeaning> meaning = _get(RadioButtonGroup.class,
				spec -> spec.withId("signature-meaning"));
		assertThat(meaning.getValue()).isEqualTo(SignatureMeaning.REJECTED);
		assertThat(meaning.isReadOnly()).as("the meaning follows from the decision").isTrue();

		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(signatures(product, SUPPLIER_QUALIFICATION)).singleElement()
			.satisfies(s -> assertThat(s.meaning()).isEqualTo(SignatureMeaning.REJECTED));
	}

	@Test
	@SuppressWarnings("unchecked")
	void aDecisionAgainstTheRecommendationWithoutAReasonIsMarkedBesideTheReasonAndOpensNoPasswordDialog() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());
		_get(com.vaadin.flow.component.select.Select.class, spec -> spec.withId("field-gateDecision"))
			.setValue("GO_MASS_PRODUCTION");

		_click(_get(Button.class, spec -> spec.withId("sign")));

		TextArea reason = _get(TextArea.class, spec -> spec.withId("field-overrideReason"));
		assertThat(reason.isInvalid()).isTrue();
		assertThat(reason.getErrorMessage()).contains("reason")
			.contains("GO_MASS_PRODUCTION")
			.contains("STAY_SMALL_BATCH");
		assertThat(_find(PasswordField.class, spec -> spec.withId("signature-password"))).isEmpty();
		assertThat(_find(Dialog.class)).isEmpty();
	}

	@Test
	void aWrongPasswordOrAColleaguesCompletionKeepsWhatWasTyped() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());
		_get(Checkbox.class, spec -> spec.withId("field-designFrozen")).setValue(true);
		_get(TextArea.class, spec -> spec.withId("field-designFreezeComment")).setValue("Drawing rev D, no open ECNs.");

		_click(_get(Button.class, spec -> spec.withId("sign")));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("wrong");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));
		assertThat(_get(PasswordField.class, spec -> spec.withId("signature-password")).isInvalid()).isTrue();
		_click(_get(Button.class, spec -> spec.withId("signature-cancel")));

		assertThat(_get(Checkbox.class, spec -> spec.withId("field-designFrozen")).getValue()).isTrue();
		assertThat(_get(TextArea.class, spec -> spec.withId("field-designFreezeComment")).getValue())
			.isEqualTo("Drawing rev D, no open ECNs.");

		// a colleague signs it meanwhile: the refusal keeps the form and what was typed
		_click(_get(Button.class, spec -> spec.withId("sign")));
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, "engineer2", Map.of(DESIGN_FROZEN.name(), true));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).startsWith("tasks/");
		assertThat(_get(Paragraph.class, spec -> spec.withId("task-gone")).getText()).contains("meanwhile");
		assertThat(_get(Button.class, spec -> spec.withId("sign")).isEnabled()).isFalse();
		assertThat(_get(TextArea.class, spec -> spec.withId("field-designFreezeComment")).getValue())
			.isEqualTo("Drawing rev D, no open ECNs.");
		assertThat(signatures(product, DESIGN_FREEZE_SIGN_OFF)).singleElement()
			.satisfies(s -> assertThat(s.username()).as("only the colleague's signature").isEqualTo("engineer2"));
	}

	@Test
	void aTaskCompletedWithoutClaimingSaysSoAndShowsNoForm() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);
		lifecycles.passGate1(product); // signed by the engineer, never claimed
		login("engineer2", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());

		assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("task-title")).getText())
			.isEqualTo("Review prototype (Gate 1) · completed");
		assertThat(_get(Paragraph.class, spec -> spec.withId("task-completed")).getText())
			.contains(product.partNumber(), "Erin Engineer (engineer)", "Approved");
		assertThat(_get(Span.class, spec -> spec.withId("without-claim")).getText())
			.isEqualTo("completed without claiming");
		assertThat(_find(Button.class, spec -> spec.withId("sign"))).isEmpty();
		assertThat(_get(Anchor.class, spec -> spec.withId("product-link")).getHref())
			.isEqualTo("products/" + product.partNumber());
		// the product page's timeline and the gate history say it too
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(_get(Span.class, spec -> spec.withClasses("without-claim")).getText())
			.isEqualTo("completed without claiming");
		assertThat(completion.signatureOf(task.getId()).orElseThrow().signer())
			.isEqualTo("Erin Engineer (engineer) · completed without claiming");
	}

	@Test
	void aTaskClaimedBeforeSigningCarriesNoMarker() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);
		inbox.claim(accounts.find("engineer").orElseThrow(), task.getId());
		lifecycles.passGate1(product);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());

		assertThat(_get(Paragraph.class, spec -> spec.withId("task-completed")).getText()).contains("Erin Engineer");
		assertThat(_find(Span.class, spec -> spec.withId("without-claim"))).isEmpty();
		assertThat(completion.signatureOf(task.getId()).orElseThrow().withoutClaim()).isFalse();
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(_find(Span.class, spec -> spec.withClasses("without-claim"))).isEmpty();
	}

	@Test
	void aWithdrawnTaskIsReportedNotShown() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);
		io.scalegate.security.ScaleGateStep
			.run(() -> runtime.deleteProcessInstance(task.getProcessInstanceId(), "test: withdrawn"));
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());
		assertThat(_find(com.vaadin.flow.component.html.H2.class, spec -> spec.withText("Task not available")))
			.hasSize(1);
	}

	@Test
	void theSupplierSeesTheSmallBatchesThemselvesAndTheProductLink() {
		Product product = lifecycles.aProductReadyForGate2(false);
		recorder.record(product.partNumber(), new SmallBatchEntry("B-LATE", 150, Result.PASS, Result.FAIL, Result.PASS,
				java.time.LocalDate.of(2026, 1, 10), java.time.LocalDate.of(2026, 1, 20)), "supplier");
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, SUPPLIER_QUALIFICATION);
		login("supplier", "SUPPLIER_QUALITY");
		UI.getCurrent().navigate("tasks/" + task.getId());

		assertThat(_get(Anchor.class, spec -> spec.withId("product-link")).getHref())
			.isEqualTo("products/" + product.partNumber());
		@SuppressWarnings("unchecked")
		Grid<SmallBatch> batches = _get(Grid.class, spec -> spec.withId("context-batches"));
		assertThat(GridKt._size(batches)).isEqualTo(6);
		assertThat(_find(H4.class, spec -> spec.withText("Small-batch record (6 batches)"))).hasSize(1);
		int late = java.util.stream.IntStream.range(0, 6)
			.filter(i -> GridKt._get(batches, i).batchNumber().equals("B-LATE"))
			.findFirst()
			.orElseThrow();
		assertThat(GridKt._getFormattedRow(batches, late)).containsExactly("B-LATE", "150", "failed: finish",
				"2026-01-20", "late (due 2026-01-10)");
		assertThat(GridKt._getFormattedRow(batches, late == 0 ? 1 : 0)).contains("all pass", "on time");
	}

	@Test
	void aTaskWithoutBatchesSaysNoneIsRecorded() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + task.getId());
		assertThat(_get(Span.class, spec -> spec.withId("no-batches")).getText())
			.isEqualTo("No small batch recorded yet.");
		assertThat(_find(Grid.class, spec -> spec.withId("context-batches"))).isEmpty();
	}

	@Test
	void aTaskIdThatNeverExistedIsNotFoundNotCompleted() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/no-such-task-42");
		assertThat(_get(io.scalegate.base.ui.PageNotFoundView.class).getElement().getTextRecursively())
			.contains("Page not found", "No task no-such-task-42.");
	}

	/** The signatures given on one task of the product (earlier tasks are signed too). */
	private java.util.List<io.scalegate.task.Signature> signatures(Product product, String taskKey) {
		return completion.signaturesOf(product.partNumber()).stream().filter(s -> s.taskKey().equals(taskKey)).toList();
	}

}
