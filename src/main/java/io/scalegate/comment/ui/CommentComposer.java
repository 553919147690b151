package io.scalegate.comment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.comment.CommentService;
import io.scalegate.comment.CommentService.Posted;
import io.scalegate.security.UserAccount;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writing a comment: the text, a helper that inserts {@code @userid} for a person chosen
 * by name, and Post. Names no enabled user has are shown while typing and after posting
 * (nobody is told about them). A comment cannot be edited or deleted afterwards: the form
 * says so. Read-only auditors see a line saying they read only.
 */
class CommentComposer extends VerticalLayout {

	static final String READ_ONLY = "Auditors read the comments; they do not post.";

	static final String KEPT = "Comments are part of the product's record: they cannot be edited or deleted; "
			+ "to correct one, post a new comment. Mention someone with @userid.";

	private final CommentService comments;

	private final TextArea body = new TextArea("Comment");

	private final Span unrecognised = new Span();

	CommentComposer(CommentService comments, UserAccount user, Function<String, Posted> post, Consumer<Posted> posted) {
		this.comments = comments;
		setPadding(false);
		setSpacing(false);
		addClassName("comment-composer");
		if (!CommentService.mayPost(user.roles())) {
			Paragraph readOnly = new Paragraph(READ_ONLY);
			readOnly.setId("comment-read-only");
			readOnly.getStyle().set("color", "var(--lumo-secondary-text-color)");
			add(readOnly);
			return;
		}
		body.setId("comment-body");
		body.setWidthFull();
		body.setMinHeight("5em");
		body.setMaxLength(CommentService.BODY_LIMIT);
		body.setHelperText(KEPT);
		body.setValueChangeMode(ValueChangeMode.LAZY);
		body.addValueChangeListener(change -> showUnrecognised(comments.check(change.getValue()).unrecognised(),
				"Not recognised, nobody will be told: "));

		ComboBox<UserAccount> mention = new ComboBox<>("Mention");
		mention.setId("comment-mention");
		mention.setItems(comments.mentionable());
		mention.setItemLabelGenerator(person -> person.fullName() + " (@" + person.username() + ")");
		mention.setPlaceholder("Insert @userid");
		mention.addValueChangeListener(change -> {
			if (change.getValue() != null) {
				insert(change.getValue().username());
				mention.clear();
			}
		});

		Button send = new Button("Post", click -> post(post, posted));
		send.setId("comment-post");
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

		unrecognised.setId("comment-unrecognised");
		unrecognised.getElement().getThemeList().add("badge contrast");
		unrecognised.getStyle().set("white-space", "normal");
		unrecognised.setVisible(false);

		HorizontalLayout actions = new HorizontalLayout(mention, send);
		actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		add(body, actions, unrecognised);
	}

	/** Appends {@code @userid} at the end of the text. */
	private void insert(String username) {
		String text = body.getValue();
		String gap = text.isEmpty() || Character.isWhitespace(text.charAt(text.length() - 1)) ? "" : " ";
		body.setValue(text + gap + "@" + username + " ");
	}

	private void post(Function<String, Posted> post, Consumer<Posted> posted) {
		Posted done;
		try {
			done = post.apply(body.getValue());
		}
		catch (InvalidInput invalid) {
			FieldErrors.show(invalid, Map.of("body", body));
			return;
		}
		catch (org.springframework.security.access.AccessDeniedException refused) {
			ErrorHandling.show(READ_ONLY);
			return;
		}
		FieldErrors.clear(Map.of("body", body));
		body.clear();
		showUnrecognised(done.unrecognised(), "Posted. Not recognised, nobody was told: ");
		Notification notice = Notification.show(
				"Comment posted" + (done.notified().isEmpty() ? "." : "; told " + told(done.notified()) + "."), 5000,
				Notification.Position.BOTTOM_START);
		notice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		posted.accept(done);
	}

	private String told(List<String> users) {
		Map<String, String> names = comments.mentionable()
			.stream()
			.collect(Collectors.toMap(UserAccount::username, UserAccount::fullName, (a, b) -> a));
		return users.stream().map(user -> names.getOrDefault(user, user)).collect(Collectors.joining(", "));
	}

	private void showUnrecognised(List<String> names, String lead) {
		unrecognised.setText(
				names.isEmpty() ? "" : lead + names.stream().map(name -> "@" + name).collect(Collectors.joining(", ")));
		unrecognised.setVisible(!names.isEmpty());
	}

}
