package io.scalegate.model.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.model.migration.LifecycleMigration;
import io.scalegate.model.migration.LifecycleMigration.Failure;
import io.scalegate.model.migration.LifecycleMigration.LifecycleVersion;
import io.scalegate.model.migration.LifecycleMigration.PlanCheck;
import io.scalegate.model.migration.LifecycleMigration.Progress;
import io.scalegate.model.migration.LifecycleMigration.RunningProduct;
import io.scalegate.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * Moving running products to another lifecycle version: choose the versions, check the
 * plan (equal activity ids mapped; what cannot be mapped is listed), choose the products,
 * follow the batch, and see the products that could not move with the engine's reason.
 */
@Route("models/migration")
@PageTitle("Migrate running products | ScaleGate")
@RolesAllowed("PROCESS_OWNER")
class MigrationView extends VerticalLayout {

	private final LifecycleMigration migration;

	private final String user;

	private final Select<LifecycleVersion> source = new Select<>();

	private final Select<LifecycleVersion> target = new Select<>();

	private final VerticalLayout plan = new VerticalLayout();

	private final Grid<RunningProduct> products = new Grid<>();

	private final Button migrate = new Button("Move the chosen products");

	private final ProgressBar progress = new ProgressBar();

	private final Span status = new Span();

	private final Grid<Failure> failures = new Grid<>();

	private Registration polling;

	MigrationView(LifecycleMigration migration, CurrentUser currentUser) {
		this.migration = migration;
		this.user = currentUser.get().username();
		setWidthFull();
		add(new RouterLink("← Model changes", ChangesView.class),
				new H2("Move running products to another lifecycle version"),
				new Paragraph("Camunda's migration API moves each product to the same activity in the chosen version. "
						+ "The plan is checked first; the move runs as a batch in the background."));
		List<LifecycleVersion> versions = migration.versions();
		source.setId("migration-source");
		source.setLabel("From version");
		source.setItemLabelGenerator(v -> "v" + v.version() + " (" + v.runningProducts() + " running)");
		source.setItems(versions.stream().filter(v -> v.runningProducts() > 0).toList());
		target.setId("migration-target");
		target.setLabel("To version");
		target.setItemLabelGenerator(v -> "v" + v.version() + (versions.get(0).equals(v) ? " (latest)" : ""));
		target.setItems(versions);
		if (!versions.isEmpty()) {
			target.setValue(versions.get(0));
		}
		source.getListDataView()
			.getItems()
			.filter(v -> !v.equals(target.getValue()))
			.findFirst()
			.ifPresent(source::setValue);
		Button check = new Button("Check the plan", click -> check());
		check.setId("migration-check");
		HorizontalLayout choice = new HorizontalLayout(source, target, check);
		choice.setAlignItems(Alignment.BASELINE);
		plan.setId("migration-plan");
		plan.setPadding(false);
		products.setId("migration-products");
		products.setSelectionMode(Grid.SelectionMode.MULTI);
		products.addColumn(RunningProduct::partNumber).setHeader("Part number").setAutoWidth(true);
		products.addColumn(RunningProduct::waitsAt).setHeader("Waits at").setFlexGrow(1);
		products.setHeight("320px");
		migrate.setId("migration-start");
		migrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		migrate.setEnabled(false);
		migrate.addClickListener(click -> start());
		progress.setId("migration-progress");
		progress.setVisible(false);
		status.setId("migration-status");
		failures.setId("migration-failures");
		failures.addColumn(Failure::partNumber).setHeader("Product").setAutoWidth(true);
		failures.addColumn(Failure::reason).setHeader("Why it could not move").setFlexGrow(1);
		failures.addColumn(Failure::retriesLeft).setHeader("Retries left").setAutoWidth(true);
		failures.setVisible(false);
		failures.setAllRowsVisible(true);
		source.addValueChangeListener(change -> check());
		target.addValueChangeListener(change -> check());
		add(choice, plan, new H3("Running products"), products, migrate, progress, status, failures);
		if (source.getValue() != null) {
			check();
		}
	}

	private void check() {
		plan.removeAll();
		migrate.setEnabled(false);
		products.setItems(List.of());
		if (source.getValue() == null || target.getValue() == null) {
			return;
		}
		try {
			PlanCheck checked = migration.check(source.getValue().definitionId(), target.getValue().definitionId());
			UnorderedList lines = new UnorderedList();
			(checked.valid() ? checked.instructions() : checked.problems())
				.forEach(line -> lines.add(new ListItem(line)));
			Span verdict = new Span(checked.valid()
					? "The plan is valid: " + checked.instructions().size()
							+ " activities map to the same activity in v" + target.getValue().version()
					: "The plan is not valid: nothing can move");
			verdict.setId("migration-verdict");
			verdict.getElement().getThemeList().add("badge " + (checked.valid() ? "success" : "error"));
			if (checked.valid()) {
				Details instructions = new Details("How the activities map", lines);
				instructions.setId("migration-instructions");
				plan.add(verdict, instructions);
			}
			else {
				plan.add(verdict, lines);
			}
			if (checked.valid()) {
				products.setItems(migration.running(source.getValue().definitionId()));
				migrate.setEnabled(true);
			}
		}
		catch (InvalidInput invalid) {
			Span verdict = new Span(invalid.reason());
			verdict.setId("migration-verdict");
			verdict.getElement().getThemeList().add("badge error");
			plan.add(verdict);
		}
	}

	private void start() {
		List<String> chosen = products.getSelectedItems().stream().map(RunningProduct::processInstanceId).toList();
		try {
			String batchId = migration
				.start(source.getValue().definitionId(), target.getValue().definitionId(), chosen, user)
				.getId();
			migrate.setEnabled(false);
			progress.setVisible(true);
			progress.setValue(0);
			status.setText("Moving " + chosen.size() + " products (batch " + batchId + ")…");
			UI ui = UI.getCurrent();
			ui.setPollInterval(1000);
			polling = ui.addPollListener(poll -> follow(batchId));
		}
		catch (InvalidInput invalid) {
			ErrorHandling.show(invalid.getMessage());
		}
	}

	void follow(String batchId) {
		Progress now = migration.progress(batchId);
		progress.setValue(now.totalJobs() == 0 ? 1 : (double) now.completedJobs() / now.totalJobs());
		failures.setItems(now.failures());
		failures.setVisible(!now.failures().isEmpty());
		if (now.finished()) {
			status.setText(
					"Done: " + now.completedJobs() + " of " + now.totalJobs() + " moved" + (now.failures().isEmpty()
							? "." : "; " + now.failures().size() + " could not move (listed below)."));
			UI.getCurrent().setPollInterval(-1);
			if (polling != null) {
				polling.remove();
			}
			check();
		}
		else {
			status.setText("Moving: " + now.completedJobs() + " of " + now.totalJobs() + " done"
					+ (now.failedJobs() > 0 ? ", " + now.failedJobs() + " failed so far" : "") + "…");
		}
	}

}
