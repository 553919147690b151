package io.scalegate.model.ui;

import com.vaadin.flow.component.html.Span;
import io.scalegate.model.change.ModelChange.Status;

/**
 * A change's status as a badge: deployed green, rejected red, submitted (waiting for
 * approval) dark.
 */
final class ChangeStatusBadge {

	private ChangeStatusBadge() {
	}

	static Span of(Status status) {
		Span badge = new Span(status.name().toLowerCase());
		badge.getElement().getThemeList().add("badge " + switch (status) {
			case DEPLOYED -> "success";
			case REJECTED -> "error";
			case SUBMITTED -> "contrast";
			case DRAFT -> "";
		});
		return badge;
	}

}
