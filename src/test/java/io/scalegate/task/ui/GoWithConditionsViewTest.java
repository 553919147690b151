package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.condition.GateCondition;
import io.scalegate.condition.GateConditions;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gatekeeper decides a Go with conditions in the gate review form (a dynamic list of
 * conditions), the owner closes their condition in its own task, and the product page
 * shows the product conditional with its open conditions.
 */
class GoWithConditionsViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	TaskCompletion completion;

	@Autowired
	GateConditions conditions;

	private Product atGate2() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		return product;
	}

	@Test
	@SuppressWarnings("unchecked")
	void theGatekeeperWritesTwoConditionsAndSigns() {
		Product product = atGate2();
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());
		com.vaadin.flow.component.Component list = io.scalegate.form.FormRendererTestAccess.byId(UI.getCurrent(),
				"field-gateConditions");
		assertThat(list.isVisible()).as("hidden while the decision is the recommendation").isFalse();

		_get(Select.class, spec -> spec.withId("field-gateDecision")).setValue("GO_WITH_CONDITIONS");
		assertThat(list.isVisible()).isTrue();
		_click(_get(Button.class, spec -> spec.withId("add-gateConditions")));
		fill(0, "PPAP level 3 approved by the customer", "quality", LocalDate.now().plusDays(14));
		fill(1, "Second source for the resin qualified", "supplier", LocalDate.now().plusDays(30));
		_click(_get(Button.class, spec -> spec.withId("sign")));
		assertThat(_get(com.vaadin.flow.component.html.UnorderedList.class, spec -> spec.withId("signature-values"))
			.getElement()
			.getTextRecursively())
			.contains("1. Condition: PPAP level 3 approved by the customer, Owner (user id): quality");
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
		assertThat(conditions.ofProduct(product.partNumber())).extracting(GateCondition::owner)
			.containsExactly("quality", "supplier");
		assertThat(completion.signaturesOf(product.partNumber())).filteredOn(s -> s.taskKey().equals(GATE_REVIEW))
			.singleElement()
			.satisfies(s -> assertThat(s.meaning()).isEqualTo(SignatureMeaning.APPROVED))
			.satisfies(s -> assertThat(s.signedValues()).contains("GO_WITH_CONDITIONS", "Second source"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void anOwnerWhoIsNoUserIsMarkedBesideTheFieldAndNothingIsKept() {
		Product product = atGate2();
		Task review = lifecycles.task(product, GATE_REVIEW);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("tasks/" + review.getId());
		_get(Select.class, spec -> spec.withId("field-gateDecision")).setValue("GO_WITH_CONDITIONS");
		_click(_get(Button.class, spec -> spec.withId("add-gateConditions")));
		fill(0, "PPAP approved", "quality", LocalDate.now().plusDays(14));
		fill(1, "Resin qualified", "nobody-here", LocalDate.now().plusDays(30));
		_click(_get(Button.class, spec -> spec.withId("sign")));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		TextField owner = _get(TextField.class, spec -> spec.withId("field-gateConditions-1-conditionOwner"));
		assertThat(owner.isInvalid()).isTrue();
		assertThat(owner.getErrorMessage()).contains("nobody-here");
		assertThat(owner.getValue()).as("what was typed is kept").isEqualTo("nobody-here");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
		assertThat(conditions.ofProduct(product.partNumber())).isEmpty();
	}

	@Test
	void theOwnerClosesTheConditionAndTheProductPageShowsWhatIsOpen() {
		Product product = atGate2();
		lifecycles.decideGoWithConditions(product, null,
				List.of(lifecycles.condition("PPAP level 3 approved by the customer", "quality", 14),
						lifecycles.condition("Second source qualified", "supplier", 30)));

		login("quality", "QUALITY");
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(_get(Span.class, spec -> spec.withId("product-conditional")).getText()).isEqualTo("Conditional");
		assertThat(_get(Div.class, spec -> spec.withId("product-conditions")).getElement().getTextRecursively())
			.contains("Open conditions (2)", "PPAP level 3 approved by the customer", "owner quality",
					"due " + LocalDate.now().plusDays(14), "Second source qualified", "owner supplier");

		Task mine = tasks.createTaskQuery()
			.processInstanceBusinessKey(product.partNumber())
			.taskDefinitionKey(CLOSE_GATE_CONDITION)
			.taskAssignee("quality")
			.singleResult();
		UI.getCurrent().navigate("tasks/" + mine.getId());
		assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("task-title")).getText())
			.isEqualTo("Close gate condition");
		assertThat(_find(com.vaadin.flow.component.markdown.Markdown.class)).extracting(m -> m.getContent())
			.anySatisfy(text -> assertThat(text).contains("> PPAP level 3 approved by the customer"));
		_click(_get(Button.class, spec -> spec.withId("sign")));
		assertThat(_find(PasswordField.class, spec -> spec.withId("signature-password"))).as("the note is required")
			.isEmpty();
		_get(TextArea.class, spec -> spec.withId("field-closingNote")).setValue("Approved by the customer on 3 May.");
		_click(_get(Button.class, spec -> spec.withId("sign")));
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(tasks.createTaskQuery().taskId(mine.getId()).count()).isZero();
		GateCondition closed = conditions.ofProduct(product.partNumber()).get(0);
		assertThat(closed.open()).isFalse();
		assertThat(closed.closedBy()).isEqualTo("quality");
		assertThat(closed.closingNote()).isEqualTo("Approved by the customer on 3 May.");
		assertThat(conditions.conditional(product.partNumber())).isTrue();

		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(_get(Div.class, spec -> spec.withId("product-conditions")).getElement().getTextRecursively())
			.contains("Open conditions (1)", "Second source qualified")
			.doesNotContain("PPAP level 3");
	}

	private static void fill(int row, String text, String owner, LocalDate due) {
		_get(TextField.class, spec -> spec.withId("field-gateConditions-" + row + "-conditionText")).setValue(text);
		_get(TextField.class, spec -> spec.withId("field-gateConditions-" + row + "-conditionOwner")).setValue(owner);
		_get(DatePicker.class, spec -> spec.withId("field-gateConditions-" + row + "-conditionDue")).setValue(due);
	}

}
