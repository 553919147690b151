package io.scalegate.product.ui;

import com.vaadin.flow.component.html.Span;
import io.scalegate.product.Stage;

/** A product's stage as a Lumo badge, coloured by how far it has come. */
public final class StageBadge {

	private StageBadge() {
	}

	public static Span of(Stage stage) {
		Span badge = new Span(stage.label());
		String theme = switch (stage) {
			case PROTOTYPE -> "badge contrast";
			case SMALL_BATCH -> "badge";
			case MASS_PRODUCTION, ONE_STOP_SCALE_PLANNING -> "badge success";
			case CANCELLED -> "badge error";
		};
		badge.getElement().getThemeList().add(theme);
		return badge;
	}

	/**
	 * "Conditional": the product passed its gate with conditions, one of which is still
	 * open.
	 */
	public static Span conditional() {
		Span badge = new Span("Conditional");
		badge.addClassName("conditional-badge");
		badge.getElement().getThemeList().add("badge warning");
		badge.getElement().setAttribute("title", "Went into mass production with conditions; one is still open");
		return badge;
	}

}
