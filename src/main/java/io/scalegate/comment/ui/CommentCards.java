package io.scalegate.comment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.scalegate.comment.Comment;
import io.scalegate.comment.Mentions;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/**
 * One comment as people read it: author, time, the task it is on, and the text with its
 * recognised mentions highlighted. Text only: whatever a person typed is shown as text,
 * never as HTML.
 */
final class CommentCards {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private CommentCards() {
	}

	static Div of(Comment comment, boolean withTask) {
		Span author = new Span(comment.authorName());
		author.getStyle().set("font-weight", "600");
		author.setTitle(comment.author());
		Span when = new Span(TIME.format(comment.createdAt()));
		when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		Div header = new Div(author, new Span(" · "), when);
		if (withTask && comment.taskName() != null) {
			Span task = new Span(comment.taskName());
			task.addClassName("comment-task");
			task.getElement().getThemeList().add("badge contrast small");
			task.getStyle().set("margin-left", "var(--lumo-space-s)");
			header.add(task);
		}
		Paragraph text = new Paragraph();
		text.addClassName("comment-text");
		text.getStyle().set("white-space", "pre-wrap").set("overflow-wrap", "anywhere").set("margin", "0");
		Set<String> mentioned = Set.copyOf(comment.mentions());
		for (Mentions.Segment segment : Mentions.segments(comment.body(), mentioned)) {
			Span part = new Span(segment.text());
			if (segment.mention() != null && mentioned.contains(segment.mention())) {
				part.addClassName("mention");
				part.getElement().getThemeList().add("badge");
				part.setTitle("mentioned: " + segment.mention());
			}
			text.add(part);
		}
		Div card = new Div(header, text);
		card.addClassName("comment");
		card.getElement().setAttribute("data-comment-id", String.valueOf(comment.id()));
		card.getStyle()
			.set("padding", "var(--lumo-space-s) 0")
			.set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
		return card;
	}

}
