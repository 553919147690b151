package io.scalegate.model.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.base.ui.ProcessDiagram;
import io.scalegate.form.FormRenderer;
import io.scalegate.model.DeployedModels;
import io.scalegate.model.DeployedModels.DeployedModel;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every deployed process, decision and form with its versions, who deployed each and
 * when, and how many products run on each lifecycle version; selecting one shows its
 * diagram, decision tables or form. Process owners, auditors and administrators read it;
 * a process owner opens a version in the editor, which starts a governed change (nothing
 * here deploys).
 */
@Route("models")
@PageTitle("Models | ScaleGate")
@Menu(order = 6, title = "Models", icon = "vaadin:sitemap")
@RolesAllowed({ "PROCESS_OWNER", "AUDITOR", "ADMIN" })
class ModelsView extends VerticalLayout implements BeforeEnterObserver {

	private final DeployedModels models;

	private final ObjectMapper json;

	private final Div detail = new Div();

	private final ModelChanges changes;

	private final UserAccount user;

	private final Grid<DeployedModel> grid = new Grid<>();

	private List<DeployedModel> all = List.of();

	/** While the selection is set from the address, which then needs no writing. */
	private boolean restoring;

	ModelsView(DeployedModels models, ModelChanges changes, ObjectMapper json, CurrentUser currentUser) {
		this.models = models;
		this.changes = changes;
		this.json = json;
		this.user = currentUser.get();
		setSizeFull();
		HorizontalLayout links = new HorizontalLayout(new RouterLink("Model changes", ChangesView.class));
		if (owner()) {
			links.add(new RouterLink("Move running products to a new version", MigrationView.class));
		}
		add(new H2("Models"),
				new Paragraph("The shipped models of bpmn/ and forms/ and every approved change; each "
						+ "deployment passed ScaleGate's validation. Select a version to see it"
						+ (owner() ? ", and open it in the editor to change it." : ".")),
				links);
		grid.setId("models");
		grid.addColumn(m -> m.kind().name().toLowerCase()).setHeader("Kind").setAutoWidth(true);
		grid.addColumn(DeployedModel::key).setHeader("Key").setAutoWidth(true);
		grid.addColumn(m -> m.version() == 0 ? "—" : "v" + m.version()).setHeader("Version").setAutoWidth(true);
		grid.addColumn(m -> m.deployedAt() == null ? "—" : ChangesView.TIME.format(m.deployedAt()))
			.setHeader("Deployed")
			.setAutoWidth(true);
		grid.addColumn(DeployedModel::deployedBy).setHeader("By").setAutoWidth(true);
		grid.addColumn(m -> m.runningProducts() == null ? "" : String.valueOf(m.runningProducts()))
			.setHeader("Running products")
			.setAutoWidth(true);
		all = models.all();
		grid.setItems(all);
		grid.asSingleSelect().addValueChangeListener(change -> show(change.getValue()));
		// a model chosen is a new history entry: Back returns to the one before
		grid.asSingleSelect().addValueChangeListener(change -> {
			if (!restoring) {
				DeployedModel model = change.getValue();
				PageAddress.push(model == null ? Map.of()
						: Map.of("model", List.of(model.key()), "version", List.of(String.valueOf(model.version()))));
			}
		});
		detail.setId("model-detail");
		detail.setWidthFull();
		SplitLayout split = new SplitLayout(grid, detail);
		split.setSizeFull();
		split.setSplitterPosition(45);
		add(split);
	}

	/**
	 * Selects the model the address names ({@code ?model=demandReadiness&version=2};
	 * without a version its latest); an unknown one is ignored.
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		QueryParameters query = event.getLocation().getQueryParameters();
		Optional<Integer> version = PageAddress.value(query, "version", Integer::valueOf);
		DeployedModel named = PageAddress.value(query, "model")
			.flatMap(key -> all.stream()
				.filter(model -> model.key().equals(key))
				.filter(model -> version.isEmpty() || version.get() == model.version())
				.max(Comparator.comparingInt(DeployedModel::version)))
			.orElse(null);
		restoring = true;
		grid.asSingleSelect().setValue(named);
		restoring = false;
	}

	private void show(DeployedModel model) {
		detail.removeAll();
		if (model == null) {
			return;
		}
		String source = models.source(model);
		HorizontalLayout heading = new HorizontalLayout(new H3(
				model.key() + (model.version() == 0 ? "" : " v" + model.version()) + " · " + model.resourceName()));
		heading.setAlignItems(Alignment.BASELINE);
		if (owner()) {
			Button edit = new Button("Open in the editor", VaadinIcon.EDIT.create(), click -> {
				ModelChange draft = changes.open(model.deploymentId(), model.resourceName(), user.username());
				UI.getCurrent().navigate(ChangeView.class, new RouteParameters("id", String.valueOf(draft.id())));
			});
			edit.setId("edit-model");
			heading.add(edit);
		}
		detail.add(heading);
		detail.add(switch (model.kind()) {
			case PROCESS -> ProcessDiagram.of(source);
			case DECISION -> DecisionTables.of(source, model.key());
			case FORM -> form(source);
		});
	}

	private boolean owner() {
		return user.roles().contains(Role.PROCESS_OWNER);
	}

	private Component form(String source) {
		try {
			return FormRenderer.render(json.readTree(source), Map.of()).layout();
		}
		catch (Exception unreadable) {
			return new Pre(source);
		}
	}

}
