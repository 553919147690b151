package io.scalegate.model.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.base.ui.ProcessDiagram;
import io.scalegate.model.DeployedModels.DeployedModel;
import io.scalegate.model.DeployedModels.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelsViewTest extends KaribuTest {

	@SuppressWarnings("unchecked")
	private static Grid<DeployedModel> grid() {
		return _get(Grid.class, spec -> spec.withId("models"));
	}

	private static DeployedModel row(Kind kind, String key) {
		return grid().getListDataView()
			.getItems()
			.filter(m -> m.kind() == kind && m.key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aProcessOwnerSeesEveryModelItsVersionDeployerAndRunningProducts() {
		login("owner", "PROCESS_OWNER");
		UI.getCurrent().navigate("models");

		DeployedModel lifecycle = row(Kind.PROCESS, "productLifecycle");
		assertThat(lifecycle.version()).isPositive();
		// other tests may have deployed approved changes since start-up: the shipped
		// version is among them
		assertThat(grid().getListDataView().getItems().filter(m -> m.key().equals("productLifecycle")))
			.anySatisfy(m -> assertThat(m.deployedBy()).isEqualTo("system"))
			.anySatisfy(m -> assertThat(m.runningProducts()).isPositive());
		grid().select(lifecycle);
		assertThat(_get(ProcessDiagram.class)).isNotNull();

		grid().select(row(Kind.DECISION, "gateReasons"));
		assertThat(_get(Html.class).getInnerHtml()).contains("COLLECT", "DEMAND_NOT_STABLE");

		grid().select(row(Kind.FORM, "design-freeze-sign-off"));
		assertThat(_find(Checkbox.class)).extracting(Checkbox::getId)
			.anySatisfy(id -> assertThat(id).hasValue("field-designFrozen"));
		assertThat(List.of(Kind.values())).allSatisfy(
				kind -> assertThat(grid().getListDataView().getItems().anyMatch(m -> m.kind() == kind)).isTrue());
	}

	@Test
	void theModelShownIsInTheAddressAndAnUnknownOneIsIgnored() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("models", QueryParameters.full(Map.of("model", new String[] { "gateReasons" })));
		DeployedModel latest = grid().getListDataView()
			.getItems()
			.filter(m -> m.key().equals("gateReasons"))
			.max(java.util.Comparator.comparingInt(DeployedModel::version))
			.orElseThrow();
		assertThat(grid().asSingleSelect().getValue()).isEqualTo(latest);
		assertThat(_get(Html.class).getInnerHtml()).contains("DEMAND_NOT_STABLE");

		grid().select(row(Kind.FORM, "design-freeze-sign-off"));
		DeployedModel form = row(Kind.FORM, "design-freeze-sign-off");
		assertThat(PageAddress.shown(UI.getCurrent()).getQueryParameters().getParameters()).containsOnly(
				Map.entry("model", List.of("design-freeze-sign-off")),
				Map.entry("version", List.of(String.valueOf(form.version()))));

		UI.getCurrent()
			.navigate("models", QueryParameters
				.full(Map.of("model", new String[] { "gateReasons" }, "version", new String[] { "not-a-version" })));
		assertThat(grid().asSingleSelect().getValue()).as("an unreadable version is ignored").isEqualTo(latest);
		UI.getCurrent().navigate("models", QueryParameters.full(Map.of("model", new String[] { "noSuchModel" })));
		assertThat(grid().asSingleSelect().getValue()).isNull();
	}

	@Test
	void engineersDoNotOpenIt() {
		login("engineer", "ENGINEER");
		assertAccessDenied("models");
	}

}
