package io.scalegate.comment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.comment.Comment;
import io.scalegate.comment.CommentService;
import io.scalegate.security.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A product's activity: its comments (its own and its tasks') and its audit trail (its
 * tasks' entries too) interleaved by time, newest first, with a filter and the form to
 * comment on the product. Under "All" a comment stands for its own trail entry; "Trail"
 * shows the trail as it is.
 */
public class ProductActivity extends VerticalLayout {

	/** The most trail entries shown; the gate history page pages through all of them. */
	static final int TRAIL_ENTRIES = 200;

	/** What the list shows. */
	enum Show {

		ALL("All"), COMMENTS("Comments"), TRAIL("Trail");

		final String label;

		Show(String label) {
			this.label = label;
		}

	}

	private final CommentService comments;

	private final AuditSearch trail;

	private final String partNumber;

	private final RadioButtonGroup<Show> filter = new RadioButtonGroup<>();

	private final Div list = new Div();

	ProductActivity(CommentService comments, AuditSearch trail, UserAccount user, String partNumber) {
		this.comments = comments;
		this.trail = trail;
		this.partNumber = partNumber;
		setId("activity");
		addClassName("product-activity");
		setPadding(false);
		filter.setId("activity-filter");
		filter.setLabel("Show");
		filter.setItems(Show.values());
		filter.setItemLabelGenerator(show -> show.label);
		filter.setValue(Show.ALL);
		filter.addValueChangeListener(change -> refresh());
		list.setId("activity-list");
		list.setWidthFull();
		Anchor history = new Anchor("products/" + partNumber + "/history", "the whole trail");
		Paragraph scope = new Paragraph(
				new Span("Comments and the newest " + TRAIL_ENTRIES
						+ " audit trail entries of this product and its tasks, newest first; "),
				history, new Span("."));
		scope.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		add(new H3("Activity"), new CommentComposer(comments, user,
				body -> comments.postOnProduct(partNumber, body, user.username(), user.roles()), posted -> refresh()),
				filter, scope, list);
		refresh();
	}

	void refresh() {
		Show show = filter.getValue() == null ? Show.ALL : filter.getValue();
		record Item(Instant at, long order, Component shown) {
		}
		List<Item> items = new ArrayList<>();
		if (show != Show.TRAIL) {
			for (Comment comment : comments.ofProduct(partNumber)) {
				items.add(new Item(comment.createdAt(), comment.id(), CommentCards.of(comment, true)));
			}
		}
		if (show != Show.COMMENTS) {
			for (AuditEntry entry : trail.page(AuditQuery.product(partNumber), 0, TRAIL_ENTRIES)) {
				if (show == Show.ALL && entry.action() == AuditAction.COMMENT_POSTED) {
					continue;
				}
				items.add(new Item(entry.occurredAt(), entry.id(), trailEntry(entry)));
			}
		}
		items.sort(Comparator.comparing(Item::at).thenComparing(Item::order).reversed());
		list.removeAll();
		if (items.isEmpty()) {
			Paragraph none = new Paragraph(show == Show.TRAIL ? "No trail entries." : "No comments yet.");
			none.setId("activity-none");
			none.getStyle().set("color", "var(--lumo-secondary-text-color)");
			list.add(none);
		}
		items.forEach(item -> list.add(item.shown()));
	}

	private static Div trailEntry(AuditEntry entry) {
		Span action = new Span(entry.action().label());
		action.getElement().getThemeList().add("badge contrast");
		Span who = new Span(" " + entry.actorInWords() + " · ");
		Span when = new Span(CommentCards.TIME.format(entry.occurredAt()));
		when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		Div details = new Div(new Span(entry.subjectType().name().toLowerCase(java.util.Locale.ROOT) + " "
				+ entry.subjectId() + " · " + shortened(entry.details())));
		details.getStyle()
			.set("color", "var(--lumo-secondary-text-color)")
			.set("font-size", "var(--lumo-font-size-s)")
			.set("overflow-wrap", "anywhere");
		Div shown = new Div(new Div(action, who, when), details);
		shown.addClassName("trail-entry");
		shown.getElement().setAttribute("data-action", entry.action().name());
		shown.getStyle()
			.set("padding", "var(--lumo-space-s) 0")
			.set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
		return shown;
	}

	private static String shortened(String details) {
		String text = details == null ? "" : details;
		return text.length() <= 300 ? text : text.substring(0, 299) + "…";
	}

}
