package io.scalegate.model.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.UploadHandler;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Every model change, newest first: drafts, changes waiting for a second process owner,
 * deployed and rejected ones. A process owner uploads a file made in Camunda Modeler here
 * to start a change.
 */
@Route("models/changes")
@PageTitle("Model changes | ScaleGate")
@Menu(order = 6.5, title = "Model changes", icon = "vaadin:edit")
@RolesAllowed({ "PROCESS_OWNER", "AUDITOR", "ADMIN" })
class ChangesView extends VerticalLayout {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	static final long MAX_BYTES = 2_000_000;

	private final ModelChanges changes;

	private final UserAccount user;

	ChangesView(ModelChanges changes, CurrentUser currentUser) {
		this.changes = changes;
		this.user = currentUser.get();
		setSizeFull();
		HorizontalLayout links = new HorizontalLayout(new RouterLink("Deployed models", ModelsView.class));
		if (user.roles().contains(Role.PROCESS_OWNER)) {
			links.add(new RouterLink("Move running products to a new version", MigrationView.class));
		}
		add(new H2("Model changes"), new Paragraph("A change is deployed only after a second process owner approves it "
				+ "with an electronic signature. Open a deployed model from Models to change it, or upload a file made in "
				+ "Camunda Modeler."), links);
		if (user.roles().contains(Role.PROCESS_OWNER)) {
			Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
				UI ui = UI.getCurrent();
				ui.access(() -> uploaded(metadata.fileName(), bytes));
			}));
			upload.setId("model-upload");
			upload.setMaxFiles(1);
			upload.setMaxFileSize((int) MAX_BYTES);
			upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
			upload.setUploadButton(new com.vaadin.flow.component.button.Button("Upload a .bpmn, .dmn or .form file…"));
			upload.addFileRejectedListener(rejected -> ErrorHandling.show("file: " + rejected.getErrorMessage()));
			add(upload);
		}
		Grid<ModelChange> grid = new Grid<>();
		grid.setId("model-changes");
		grid.addColumn(change -> "#" + change.id()).setHeader("Change").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(ModelChange::resourceName).setHeader("File").setAutoWidth(true);
		grid.addComponentColumn(change -> ChangeStatusBadge.of(change.status())).setHeader("Status").setAutoWidth(true);
		grid.addColumn(ModelChange::author).setHeader("Author").setAutoWidth(true);
		grid.addColumn(change -> change.approver() == null ? "" : change.approver())
			.setHeader("Approved / rejected by")
			.setAutoWidth(true);
		grid.addColumn(change -> TIME.format(change.updatedAt())).setHeader("Last change").setAutoWidth(true);
		grid.addColumn(change -> change.deploymentId() == null ? "" : change.deploymentId())
			.setHeader("Deployment")
			.setAutoWidth(true);
		grid.setItems(changes.recent());
		grid.addItemClickListener(click -> UI.getCurrent()
			.navigate(ChangeView.class, new RouteParameters("id", String.valueOf(click.getItem().id()))));
		add(grid);
	}

	/**
	 * A file from Camunda Modeler becomes a draft change, opened in the editor; anything
	 * else is refused.
	 */
	void uploaded(String fileName, byte[] bytes) {
		try {
			ModelChange draft = changes.upload(fileName, bytes, user.username());
			UI.getCurrent().navigate(ChangeView.class, new RouteParameters("id", String.valueOf(draft.id())));
		}
		catch (InvalidInput invalid) {
			ErrorHandling.show(invalid.getMessage());
		}
	}

}
