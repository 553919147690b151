package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxTask;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class InboxViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@SuppressWarnings("unchecked")
	Grid<InboxTask> grid() {
		return _get(Grid.class, spec -> spec.withId("inbox"));
	}

	@Test
	void anEngineerSeesTheEngineeringTasksOfAProductAndClaimsOne() {
		Product product = lifecycles.aProduct(false);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("inbox");

		assertThat(_get(Tab.class, spec -> spec.withId("scope-MY_GROUPS")).getLabel()).startsWith("My groups' tasks (");
		assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Tab.class, spec -> spec.withId("scope-ALL")))
			.isEmpty();
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		assertThat(_size(grid())).isEqualTo(1);
		InboxTask row = _findAll(grid()).get(0);
		assertThat(row.taskKey()).isEqualTo(ProductLifecycle.PROTOTYPE_REVIEW);
		assertThat(row.partNumber()).isEqualTo(product.partNumber());

		_click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
				spec -> spec.withId("claim-" + row.id())));

		assertThat(tasks.createTaskQuery().taskId(row.id()).singleResult().getAssignee()).isEqualTo("engineer");
		assertThat(_findAll(grid()).get(0).assignee()).isEqualTo("engineer");
		assertThat(_get(Tab.class, spec -> spec.withId("scope-MINE")).getLabel()).doesNotEndWith("(0)");
	}

	@Test
	void qualitySeesNoEngineeringTask() {
		Product product = lifecycles.aProduct(false);
		login("quality", "QUALITY");
		UI.getCurrent().navigate("inbox");
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		assertThat(_size(grid())).isZero();
	}

	@Test
	void aGatekeeperSeesAllOpenTasks() {
		Product product = lifecycles.aProduct(false);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("inbox");
		_get(com.vaadin.flow.component.tabs.Tabs.class, spec -> spec.withId("inbox-scopes"))
			.setSelectedTab(_get(Tab.class, spec -> spec.withId("scope-ALL")));
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		assertThat(_size(grid())).isEqualTo(1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void theScopeAndFiltersAreRestoredFromTheAddressAndWrittenBack() {
		Product product = lifecycles.aProduct(false);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent()
			.navigate("inbox",
					QueryParameters.full(Map.of("scope", new String[] { "ALL" }, "product",
							new String[] { product.partNumber() }, "task",
							new String[] { ProductLifecycle.PROTOTYPE_REVIEW }, "due", new String[] { "ANY" })));

		assertThat(_get(Tabs.class, spec -> spec.withId("inbox-scopes")).getSelectedTab().getId())
			.hasValue("scope-ALL");
		assertThat(_get(TextField.class, spec -> spec.withId("filter-product")).getValue())
			.isEqualTo(product.partNumber());
		assertThat(_get(Select.class, spec -> spec.withId("filter-task")).getValue())
			.isEqualTo(ProductLifecycle.PROTOTYPE_REVIEW);
		assertThat(_size(grid())).isEqualTo(1);

		_get(Select.class, spec -> spec.withId("filter-due")).setValue(Due.OVERDUE);
		assertThat(_size(grid())).isZero();
		assertThat(PageAddress.shown(UI.getCurrent()).getQueryParameters().getParameters()).containsOnly(
				Map.entry("scope", List.of("ALL")), Map.entry("product", List.of(product.partNumber())),
				Map.entry("task", List.of(ProductLifecycle.PROTOTYPE_REVIEW)), Map.entry("due", List.of("OVERDUE")));
		assertThat(PageAddress.shown(UI.getCurrent()).getPath()).isEqualTo("inbox");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aScopeThePersonDoesNotSeeAndUnknownFiltersAreIgnored() {
		login("engineer", "ENGINEER");
		UI.getCurrent()
			.navigate("inbox", QueryParameters.full(Map.of("scope", new String[] { "ALL" }, "task",
					new String[] { "noSuchTask" }, "due", new String[] { "yesterday" })));

		assertThat(_get(Tabs.class, spec -> spec.withId("inbox-scopes")).getSelectedTab().getId())
			.hasValue("scope-MY_GROUPS");
		assertThat(_get(Select.class, spec -> spec.withId("filter-task")).getValue()).isNull();
		assertThat(_get(Select.class, spec -> spec.withId("filter-due")).getValue()).isEqualTo(Due.ANY);
	}

	@Test
	void theHandOverDialogSaysWhyItListsNobody() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		// quality is the only active holder of the Quality role while this runs
		List<String> others = accounts.all()
			.stream()
			.filter(UserAccount::enabled)
			.filter(a -> a.roles().contains(Role.QUALITY) && !a.username().equals("quality"))
			.map(UserAccount::username)
			.toList();
		others.forEach(u -> jdbc.sql("update app_user set enabled = false where username = ?").param(u).update());
		try {
			login("quality", "QUALITY");
			UI.getCurrent().navigate("inbox");
			_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
			InboxTask row = _findAll(grid()).get(0);
			assertThat(row.taskKey()).isEqualTo(ProductLifecycle.INSPECTION_STANDARD_APPROVAL);
			// unclaimed: the person handing over is not offered to themselves
			_click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
					spec -> spec.withId("handover-" + row.id())));
			assertThat(_get(Paragraph.class, spec -> spec.withId("handover-none")).getText()).isEqualTo(
					"No other active user holds the Quality role this task is for, so there is nobody to hand it over to.");
			_click(_get(Button.class, spec -> spec.withText("Cancel")));

			_click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
					spec -> spec.withId("claim-" + row.id())));
			_click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
					spec -> spec.withId("handover-" + row.id())));

			assertThat(_get(Paragraph.class, spec -> spec.withId("handover-none")).getText()).isEqualTo(
					"No other active user holds the Quality role this task is for, so there is nobody to hand it over to.");
			assertThat(_get(Button.class, spec -> spec.withId("handover-confirm")).isEnabled()).isFalse();
		}
		finally {
			others.forEach(u -> jdbc.sql("update app_user set enabled = true where username = ?").param(u).update());
		}
	}

	@Test
	void theHandOverDialogListsColleaguesWithoutExcuse() {
		Product product = lifecycles.aProduct(false);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("inbox");
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		InboxTask row = _findAll(grid()).get(0);
		_click(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
				spec -> spec.withId("handover-" + row.id())));

		assertThat(_find(Paragraph.class, spec -> spec.withId("handover-none"))).isEmpty();
		assertThat(_get(Button.class, spec -> spec.withId("handover-confirm")).isEnabled()).isTrue();
	}

	@Test
	void theReasonNamesEveryRoleOfTheTask() {
		assertThat(InboxView.nobodyToHandOverTo(List.of(Role.ENGINEER, Role.SUPPLIER_QUALITY), false)).isEqualTo(
				"No active user holds the Engineer or Supplier quality roles this task is for, so there is nobody to hand it over to.");
	}

	@Test
	void onAPhoneEachTaskIsACardWithItsButtons() {
		Product product = lifecycles.aProduct(false);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("inbox");
		_get(TextField.class, spec -> spec.withId("filter-product")).setValue(product.partNumber());
		InboxView view = _get(InboxView.class);

		view.fitTo(390);

		assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible).map(Grid.Column::getKey))
			.containsExactly("NAME", "actions");
		InboxTask row = _findAll(grid()).get(0);
		assertThat(
				_get(GridKt._getCellComponent(grid(), 0, "NAME"), Span.class, spec -> spec.withId("card-" + row.id()))
					.getText())
			.startsWith(product.partNumber() + " · Test bracket · ")
			.endsWith(" · unclaimed");
		assertThat(_get(GridKt._getCellComponent(grid(), 0, "actions"), Button.class,
				spec -> spec.withId("claim-" + row.id())))
			.isNotNull();

		view.fitTo(1280);

		assertThat(grid().getColumns().stream().filter(Grid.Column::isVisible)).hasSize(7);
		assertThat(
				_find(GridKt._getCellComponent(grid(), 0, "NAME"), Span.class, spec -> spec.withId("card-" + row.id())))
			.isEmpty();
	}

}
