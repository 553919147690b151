package io.scalegate.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.base.ui.PageNotFoundView;
import io.scalegate.model.cases.DecisionCaseRunner;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.model.change.ChangeCheck;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChange.Status;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.model.impact.ImpactReport;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.Role;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One model change: the file in bpmn.io's editor, saved as a draft, checked (validation,
 * decision test cases rule by rule, what changes, the impact on the running products'
 * gate verdicts), submitted; a second process owner approves it with a signature or
 * rejects it here. Auditors and administrators read it.
 */
@Route("models/changes/:id")
@RolesAllowed({ "PROCESS_OWNER", "AUDITOR", "ADMIN" })
class ChangeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final ModelChanges changes;

	private final DecisionCases cases;

	private final UserAccount user;

	private final VerticalLayout results = new VerticalLayout();

	private final Span sha256 = new Span();

	private ModelChange change;

	/**
	 * The impact of the last check shown, for the approval dialog (null before a check).
	 */
	private ImpactReport impact;

	private ModelEditor editor;

	private String title = "Model change | ScaleGate";

	private QueryParameters query = QueryParameters.empty();

	private final SigningCredentials signing;

	ChangeView(ModelChanges changes, DecisionCases cases, CurrentUser currentUser, SigningCredentials signing) {
		this.signing = signing;
		this.changes = changes;
		this.cases = cases;
		this.user = currentUser.get();
		setWidthFull();
		results.setId("change-results");
		results.setPadding(false);
		sha256.setId("change-sha256");
		sha256.getStyle()
			.set("font-size", "var(--lumo-font-size-s)")
			.set("color", "var(--lumo-secondary-text-color)")
			.set("word-break", "break-all");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		removeAll();
		query = event.getLocation().getQueryParameters();
		String id = event.getRouteParameters().get("id").orElse("");
		try {
			change = changes.get(Long.parseLong(id));
		}
		catch (NumberFormatException | InvalidInput unknown) {
			PageNotFoundView.show(event, "No model change #" + id + ".");
			return;
		}
		title = "Change #" + change.id() + " · " + change.fileName() + " | ScaleGate";
		show();
	}

	private void show() {
		removeAll();
		results.removeAll();
		Span status = ChangeStatusBadge.of(change.status());
		status.setId("change-status");
		HorizontalLayout heading = new HorizontalLayout(new H2("Change #" + change.id() + " · " + change.fileName()),
				status);
		heading.setAlignItems(Alignment.CENTER);
		showSha256();
		add(new RouterLink("← All model changes", ChangesView.class), heading, new Paragraph(describe()), sha256);
		if (change.status() == Status.SUBMITTED && !change.author().equals(user.username())
				&& user.roles().contains(Role.PROCESS_OWNER)) {
			add(approval());
		}

		boolean author = change.author().equals(user.username());
		boolean editable = author && (change.status() == Status.DRAFT || change.status() == Status.SUBMITTED);
		editor = new ModelEditor(change.kind(), change.content());
		HorizontalLayout tools = new HorizontalLayout();
		tools.setId("change-tools");
		tools.setAlignItems(Alignment.BASELINE);
		if (editable) {
			Button save = new Button("Save draft", VaadinIcon.DISC.create(),
					click -> withContent(saved -> saved("Draft saved.")));
			save.setId("save-draft");
			Button check = new Button("Check", VaadinIcon.CHECK_SQUARE_O.create(),
					click -> withContent(saved -> showCheck()));
			check.setId("check-change");
			Button submit = new Button("Submit for approval", VaadinIcon.PAPERPLANE.create(),
					click -> withContent(saved -> submit()));
			submit.setId("submit-change");
			submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			tools.add(save, check, submit);
		}
		else if (open()) {
			Button check = new Button("Check", VaadinIcon.CHECK_SQUARE_O.create(), click -> showCheck());
			check.setId("check-change");
			tools.add(check);
		}
		Anchor download = new Anchor(DownloadHandler.fromInputStream(request -> {
			byte[] bytes = changes.get(change.id()).content().getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes), change.fileName(), "application/octet-stream",
					bytes.length);
		}), "Download " + (editable ? "saved draft" : "file"));
		download.setId("download-change");
		tools.add(download);
		if (change.kind().equals("dmn")) {
			Select<String> decision = new Select<>();
			decision.setId("decision-view");
			decision.setLabel("Show");
			decision.setWidth("16em");
			List<String> views = new ArrayList<>();
			views.add("Requirements diagram");
			views.addAll(DecisionCaseRunner.decisionKeys(change.content()));
			decision.setItems(views);
			decision.setValue("Requirements diagram");
			decision.addValueChangeListener(chosen -> editor
				.openDecision("Requirements diagram".equals(chosen.getValue()) ? null : chosen.getValue()));
			// the decision named in the address (?decision=demandReadiness; an unknown
			// one is
			// ignored), opened once the editor has read the file
			PageAddress.value(query, "decision").filter(views.subList(1, views.size())::contains).ifPresent(key -> {
				decision.setValue(key);
				editor.getElement()
					.executeJs("const editor = this; return new Promise(ready => { const wait = () =>"
							+ " editor.hasAttribute('data-ready') || editor.hasAttribute('data-error') ? ready(true)"
							+ " : setTimeout(wait, 100); wait(); });")
					.then(ready -> editor.openDecision(key));
			});
			// a decision chosen is a new history entry: Back returns to the one before
			decision.addValueChangeListener(chosen -> {
				query = new QueryParameters(Map.of("decision",
						"Requirements diagram".equals(chosen.getValue()) ? List.of() : List.of(chosen.getValue())));
				PageAddress.push(query.getParameters());
			});
			tools.addComponentAsFirst(decision);
		}
		add(tools, editor);
		if (!editable) {
			add(new Paragraph(author ? "This change is " + change.status().name().toLowerCase()
					+ "; edits in the editor are not kept. Open the model again from Models to change it further."
					: "Only " + change.author() + " edits this change; what you change in the editor is not kept."));
		}
		add(results);
		if (change.kind().equals("dmn") && open()) {
			add(new DecisionCasesPanel(cases, changes, change.id(), () -> change.content(),
					DecisionCaseRunner.decisionKeys(change.content()), user.username(),
					editable && user.roles().contains(Role.PROCESS_OWNER), this::afterCaseChange));
		}
		if (change.status() == Status.SUBMITTED) {
			showCheck();
		}
		else if (!open()) {
			showDecided();
		}
	}

	/**
	 * The SHA-256 of the content as this view holds it: what a reviewer approves, what an
	 * approver signed.
	 */
	private void showSha256() {
		sha256.setText("SHA-256 of " + change.fileName() + " as shown here: " + Sha256.hex(change.content())
				+ (change.status() == Status.DEPLOYED ? " (approved and deployed)" : ""));
	}

	/** Still to be decided: its check is against what is deployed now. */
	private boolean open() {
		return change.status() == Status.DRAFT || change.status() == Status.SUBMITTED;
	}

	/**
	 * A deployed or rejected change: what it changed, as its author submitted it and its
	 * approver saw it.
	 */
	private void showDecided() {
		results.add(new H3("What it changed"));
		UnorderedList summary = new UnorderedList();
		summary.setId("check-summary");
		(change.summary() == null ? List.of("never submitted") : List.of(change.summary().split("\n")))
			.forEach(line -> summary.add(new ListItem(line)));
		results.add(summary);
	}

	private String describe() {
		StringBuilder text = new StringBuilder(
				"By " + change.author() + ", " + ChangesView.TIME.format(change.updatedAt()) + ".");
		if (change.status() == Status.DEPLOYED) {
			text.append(" Approved by ")
				.append(change.approverName())
				.append(" (")
				.append(change.approver())
				.append(", ")
				.append(change.approvalMeaning())
				.append(") on ")
				.append(ChangesView.TIME.format(change.approvedAt()))
				.append("; deployment ")
				.append(change.deploymentId())
				.append('.');
		}
		if (change.status() == Status.REJECTED) {
			text.append(" Rejected by ").append(change.approver()).append(": ").append(change.rejectionReason());
		}
		if (change.status() == Status.SUBMITTED) {
			text.append(" Waiting for a second process owner to approve it.");
		}
		return text.toString();
	}

	private Component approval() {
		Button approve = new Button("Approve and deploy…", VaadinIcon.CHECK.create(),
				click -> new ApprovalDialog(change, impact, changes, user, signing.secretOf(user.username()),
						approved -> {
							change = approved;
							show();
							Notification
								.show("Deployed as " + approved.deploymentId() + ".", 5000,
										Notification.Position.BOTTOM_START)
								.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
						}, () -> {
							change = changes.get(change.id());
							show();
						})
					.open());
		approve.setId("approve-change");
		approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SUCCESS);
		Button reject = new Button("Reject…", VaadinIcon.CLOSE.create(),
				click -> new RejectionDialog(change, changes, user.username(), rejected -> {
					change = rejected;
					show();
				}).open());
		reject.setId("reject-change");
		reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
		HorizontalLayout approval = new HorizontalLayout(
				new Span(change.author() + " asks you to approve this change."), approve, reject);
		approval.setAlignItems(Alignment.BASELINE);
		approval.setId("approval");
		return approval;
	}

	/** Saves what the editor holds (when it changed), then goes on. */
	private void withContent(Consumer<ModelChange> next) {
		editor.content().whenComplete((content, error) -> getUI().ifPresent(ui -> ui.access(() -> {
			if (error != null || content == null) {
				ErrorHandling.show("content: the editor has not finished loading the model; try again in a moment");
				return;
			}
			try {
				if (!content.equals(change.content()) || change.status() != Status.DRAFT) {
					change = changes.save(change.id(), content, user.username());
					showSha256();
				}
				next.accept(change);
			}
			catch (InvalidInput invalid) {
				ErrorHandling.show(invalid.getMessage());
			}
		})));
	}

	private void saved(String message) {
		Notification.show(message, 3000, Notification.Position.BOTTOM_START)
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
	}

	private void submit() {
		ChangeCheck check = showCheck();
		if (!check.passed()) {
			ErrorHandling.show("Not submitted: " + check.verdict() + ".");
			return;
		}
		change = changes.submit(change.id(), user.username());
		show();
		Notification
			.show("Submitted. Another process owner can approve it now.", 5000, Notification.Position.BOTTOM_START)
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
	}

	/**
	 * A case changed as part of this change: a submitted change went back to draft, so
	 * the page shows it again.
	 */
	private void afterCaseChange() {
		ModelChange now = changes.get(change.id());
		if (now.status() != change.status()) {
			change = now;
			show();
			return;
		}
		change = now;
		showCheck();
	}

	private ChangeCheck showCheck() {
		ChangeCheck check = changes.check(change.id());
		impact = check.impact();
		results.removeAll();
		results.add(new H3("Check"));
		results.add(new CheckReport(check));
		results.add(new ImpactPanel(check.impact()));
		return check;
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
