package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.DESIGN_FREEZE_SIGN_OFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Deputies;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxTask;
import io.scalegate.task.NewDeputyship;
import io.scalegate.task.TaskCompletion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deputy's inbox marks the absent person's task "for" them; signing it says so too.
 */
class DeputyInboxViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Deputies deputies;

	@Autowired
	Inbox inbox;

	@Autowired
	TaskCompletion completion;

	@Autowired
	Clock clock;

	UserAccount aUser(Role role) {
		String username = "di-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(role));
		return accounts.find(username).orElseThrow();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theDeputySeesTheTaskForTheAbsentPersonAndSignsItForThem() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		inbox.claim(absent, task.getId());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		deputies.name(absent, new NewDeputyship(null, deputy.username(), today, today, "holiday"));

		login(deputy.username(), "ENGINEER");
		UI.getCurrent().navigate("inbox");
		_get(Tabs.class, spec -> spec.withId("inbox-scopes"))
			.setSelectedTab(_get(Tab.class, spec -> spec.withId("scope-MINE")));
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		Grid<InboxTask> grid = _get(Grid.class, spec -> spec.withId("inbox"));
		assertThat(_findAll(grid)).singleElement().satisfies(row -> assertThat(row.id()).isEqualTo(task.getId()));
		assertThat(
				_get(GridKt._getCellComponent(grid, 0, "NAME"), Span.class, spec -> spec.withId("for-" + task.getId()))
					.getText())
			.isEqualTo("for " + absent.fullName());

		UI.getCurrent().navigate("tasks/" + task.getId());
		assertThat(_find(Span.class, spec -> spec.withId("for-" + task.getId()))).hasSize(1);
		_get(Checkbox.class, spec -> spec.withId("field-designFrozen")).setValue(true);
		_click(_get(Button.class, spec -> spec.withId("sign")));
		assertThat(_get(Paragraph.class, spec -> spec.withId("signature-task")).getText())
			.contains("as deputy for " + absent.fullName());
		_get(PasswordField.class, spec -> spec.withId("signature-password")).setValue("demo");
		_click(_get(Button.class, spec -> spec.withId("signature-confirm")));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(completion.signaturesOf(product.partNumber()))
			.filteredOn(s -> s.taskKey().equals(DESIGN_FREEZE_SIGN_OFF))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.username()).isEqualTo(deputy.username());
				assertThat(s.actingFor()).isEqualTo(absent.username());
			});
	}

}
