package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.task.InboxTask;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class InboxViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

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

}
