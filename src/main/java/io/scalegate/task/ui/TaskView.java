package io.scalegate.task.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.PageNotFoundView;
import io.scalegate.comment.ui.CommentThreads;
import io.scalegate.document.Documents;
import io.scalegate.document.ui.DocumentPanels;
import io.scalegate.document.ui.DocumentsPanel;
import io.scalegate.evidence.EvidenceService;
import io.scalegate.form.FormRenderer;
import io.scalegate.form.RenderedForm;
import io.scalegate.gate.Deliverables;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.ui.DeliverablesChecklist;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.UserAccount;
import io.scalegate.task.FourEyesRule;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxTask;
import io.scalegate.task.Signature;
import io.scalegate.task.TaskCompletion;
import io.scalegate.task.TaskForms;
import io.scalegate.task.TaskGone;
import io.scalegate.task.TaskVerdict;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One task: its Camunda Form beside the evidence it is about (above it on a phone), its
 * documents and its comments, completed with an electronic signature (the form's picked
 * files stored with it); a gate's review shows the gate's deliverables checklist above
 * its form.
 */
@Route("tasks/:taskId")
@PageTitle("Task | ScaleGate")
@RolesAllowed({ "ENGINEER", "QUALITY", "SUPPLIER_QUALITY", "GATEKEEPER", "ADMIN" })
class TaskView extends VerticalLayout implements BeforeEnterObserver {

	private final Inbox inbox;

	private final TaskForms forms;

	private final TaskCompletion completion;

	private final FourEyesRule fourEyes;

	private final EvidenceService evidence;

	private final UserAccount user;

	private final SigningCredentials signing;

	private final CommentThreads comments;

	private final Deliverables deliverables;

	private final Documents documents;

	private final DocumentPanels documentPanels;

	private final TransactionTemplate transaction;

	TaskView(Inbox inbox, TaskForms forms, TaskCompletion completion, FourEyesRule fourEyes, EvidenceService evidence,
			CurrentUser currentUser, SigningCredentials signing, CommentThreads comments, Deliverables deliverables,
			Documents documents, DocumentPanels documentPanels, PlatformTransactionManager transactions) {
		this.signing = signing;
		this.comments = comments;
		this.deliverables = deliverables;
		this.documents = documents;
		this.documentPanels = documentPanels;
		this.transaction = new TransactionTemplate(transactions);
		this.inbox = inbox;
		this.forms = forms;
		this.completion = completion;
		this.fourEyes = fourEyes;
		this.evidence = evidence;
		this.user = currentUser.get();
		setSizeFull();
		addClassName("task-page");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		String taskId = event.getRouteParameters().get("taskId").orElse("");
		removeAll();
		InboxTask task;
		try {
			task = inbox.get(user, taskId);
		}
		catch (NotFound never) {
			// an id that never named a task (404); a task completed meanwhile shows its
			// signature
			PageNotFoundView.show(event, "No task " + taskId + ".");
			return;
		}
		catch (InvalidInput gone) {
			Optional<Signature> signed = completion.signatureOf(taskId);
			if (signed.isPresent()) {
				completed(signed.get());
				return;
			}
			add(new H2("Task not available"), new Paragraph(gone.reason()), backToInbox());
			return;
		}
		show(task);
	}

	/**
	 * A completed task: who signed it, when and meaning what, and whether it was signed
	 * without being claimed first (allowed, but shown).
	 */
	private void completed(Signature signature) {
		H2 title = new H2(signature.taskName() + " · completed");
		title.setId("task-title");
		Paragraph who = new Paragraph(signature.partNumber() + ": signed (" + signature.meaning().label() + ") by "
				+ signature.printedName() + " (" + signature.username() + ")"
				+ (signature.actingFor() == null ? "" : " for " + signature.actingFor()) + " on "
				+ InboxView.DAY.format(signature.signedAt()) + ".");
		who.setId("task-completed");
		add(title, who);
		if (signature.withoutClaim()) {
			Span marker = new Span(Signature.WITHOUT_CLAIM);
			marker.setId("without-claim");
			marker.getElement().getThemeList().add("badge contrast");
			marker.setTitle("Nobody had claimed the task; the signer completed it directly.");
			add(marker);
		}
		Anchor product = new Anchor("products/" + signature.partNumber(), "Open the product page");
		product.setId("product-link");
		add(product, backToInbox(), comments.forTask(signature.taskId(), user));
	}

	private void show(InboxTask task) {
		Map<String, Object> variables = forms.variables(task.id());
		Map<String, Object> shown = new java.util.HashMap<>(variables);
		if (ProductLifecycle.GATE_REVIEW.equals(task.taskKey())) {
			// the decision starts as the recommendation: accepting it is one click,
			// overriding it a conscious change
			shown.putIfAbsent(ProductLifecycle.GATE_DECISION.name(),
					variables.get(ProductLifecycle.GATE_RECOMMENDATION.name()));
		}
		RenderedForm form = FormRenderer.render(forms.form(task.id()), shown,
				new TaskFiles(documents, task.partNumber(), task.id(), task.taskKey(), user.username()));
		H2 title = new H2(task.name());
		title.setId("task-title");
		Span meta = new Span(task.partNumber() + " · " + task.productName() + " · " + task.stage() + " · due "
				+ (task.due() == null ? "—" : InboxView.DAY.format(task.due()))
				+ (task.assignee() == null ? " · unclaimed" : " · with " + task.assignee()));
		meta.getStyle().set("color", "var(--lumo-secondary-text-color)");
		if (task.forAbsent()) {
			meta.add(InboxView.forAbsent(task));
			meta.add(new Span(" · you sign as yourself, for " + task.actingForName()));
		}

		Optional<String> refusal = ProductLifecycle.GATE_REVIEW.equals(task.taskKey())
				? fourEyes.refusal(user.username(), task.processInstanceId(), task.partNumber()) : Optional.empty();
		Button sign = new Button("Sign and complete");
		sign.setId("sign");
		sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout actions = new HorizontalLayout(sign, backToInbox());
		VerticalLayout left = new VerticalLayout(form.layout(), actions);
		documents(task, left);
		left.add(comments.forTask(task.id(), user));
		if (Deliverables.isGate(task.taskKey())) {
			// the gate's checklist against the documents on file now, above the decision
			left.addComponentAtIndex(0,
					new DeliverablesChecklist(deliverables.status(task.partNumber(), task.taskKey())));
		}
		sign.addClickListener(
				click -> sign(task, form, (String) variables.get(ProductLifecycle.GATE_RECOMMENDATION.name()),
						gone -> taskGone(gone, sign, left)));
		refusal.ifPresent(reason -> {
			sign.setEnabled(false);
			Paragraph explanation = new Paragraph(reason);
			explanation.setId("four-eyes");
			explanation.getElement().getThemeList().add("badge error");
			explanation.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
			left.addComponentAtIndex(0, explanation);
		});
		// side by side on a wide window, each scrolling on its own; the form above the
		// evidence on a narrow one (styles/responsive.css)
		left.addClassName("task-form");
		left.setPadding(false);
		EvidenceContext context = new EvidenceContext(task, evidence.gateEvidence(task.partNumber()),
				evidence.smallBatches(task.partNumber()), variables);
		context.addClassName("task-context");
		Div columns = new Div(left, context);
		columns.addClassName("task-columns");
		columns.setId("task-columns");
		HorizontalLayout header = new HorizontalLayout(title, meta);
		header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		header.getStyle().set("flex-wrap", "wrap").set("row-gap", "0");
		header.setWidthFull();
		title.getStyle().set("margin-bottom", "0");
		add(header, columns);
	}

	/**
	 * Checks the form and the override reason beside their fields, then opens the
	 * signature dialog stating what is signed. A refusal never discards what was typed:
	 * it is shown beside the field it names, or above the form.
	 */
	private void sign(InboxTask task, RenderedForm form, String recommendation, Consumer<TaskGone> gone) {
		List<String> problems = form.validate();
		if (!problems.isEmpty()) {
			ErrorHandling.show("Please correct: " + String.join("; ", problems));
			return;
		}
		Map<String, Object> values = form.values();
		if (ProductLifecycle.GATE_REVIEW.equals(task.taskKey())) {
			Optional<String> missing = GateDecision
				.named(String.valueOf(values.get(ProductLifecycle.GATE_DECISION.name())))
				.flatMap(decision -> decision.missingReason(recommendation,
						(String) values.get(ProductLifecycle.OVERRIDE_REASON.name())));
			if (missing.isPresent()) {
				refused(form, new InvalidInput(ProductLifecycle.OVERRIDE_REASON.name(), missing.get()));
				return;
			}
		}
		Optional<TaskVerdict> verdict;
		try {
			verdict = TaskVerdict.of(task.taskKey(), values);
		}
		catch (InvalidInput undecided) {
			refused(form, undecided);
			return;
		}
		new SignatureDialog(user, signing.secretOf(user.username()), task, verdict, form.answers(),
				(password, meaning) -> transaction.execute(status -> {
					// the signature first (its password check commits on its own), then
					// the
					// form's files under the ids the values already hold: both or neither
					var signature = completion.complete(task.id(), user.username(), password, meaning, values);
					form.storeFiles();
					return signature;
				}), signature -> {
					Notification done = Notification.show(task.name() + " signed (" + signature.meaning().label()
							+ ") by " + signature.printedName() + " and completed.", 5000,
							Notification.Position.BOTTOM_START);
					done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
					getUI().ifPresent(ui -> ui.navigate(InboxView.class));
				}, refusal -> {
					if (refusal instanceof TaskGone taken) {
						gone.accept(taken);
					}
					else {
						refused(form, refusal);
					}
				})
			.open();
	}

	/**
	 * The documents attached on this task (with an upload linked to it) and the product's
	 * documents, below the form.
	 */
	private void documents(InboxTask task, VerticalLayout left) {
		DocumentsPanel product = documentPanels.readOnly(task.partNumber());
		product.setId("product-documents");
		DocumentsPanel onTask = documentPanels.forTask(task.partNumber(), task.id(), task.taskKey())
			.onAttached(product::refresh);
		onTask.setId("task-documents");
		onTask.setWidthFull();
		product.setWidthFull();
		left.add(new H4("Documents attached on this task"), onTask, new H4("The product's documents"), product);
	}

	/** Beside the field it names, or as a message when the form has no such field. */
	private static void refused(RenderedForm form, InvalidInput refusal) {
		if (!form.markInvalid(refusal.field(), refusal.reason())) {
			ErrorHandling.show(refusal.reason());
		}
	}

	/**
	 * Someone else completed or took the task meanwhile: nothing was saved; the form
	 * stays with what was typed, so it can be copied, and can no longer be signed.
	 */
	private void taskGone(TaskGone gone, Button sign, VerticalLayout left) {
		ErrorHandling.show(gone.reason());
		sign.setEnabled(false);
		Paragraph notice = new Paragraph(gone.reason() + ". What you entered is still below, to copy; "
				+ "open the inbox for the task as it is now.");
		notice.setId("task-gone");
		notice.getElement().getThemeList().add("badge error");
		notice.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
		left.addComponentAtIndex(0, notice);
	}

	private Button backToInbox() {
		Button back = new Button("Back to inbox", click -> getUI().ifPresent(ui -> ui.navigate(InboxView.class)));
		back.setId("back-to-inbox");
		back.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		return back;
	}

}
