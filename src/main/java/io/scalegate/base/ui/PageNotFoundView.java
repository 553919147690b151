package io.scalegate.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * ScaleGate's own "page not found", inside the app's shell, instead of Vaadin's page that
 * lists every route; also for a page whose address names a product, change or task that
 * does not exist ({@link #show}). HTTP 404 ({@link PageStatus} sets it on the first page
 * load too).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class PageNotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException>, HasDynamicTitle {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
		removeAll();
		setId("page-not-found");
		String missing = parameter.getCaughtException() instanceof NothingNamed ? parameter.getCustomMessage()
				: "ScaleGate has no page at /" + event.getLocation().getPath() + ".";
		add(new H2("Page not found"), new Paragraph(missing + " The link may be mistyped or out of date."),
				new Anchor("", "Go to the products"));
		return HttpServletResponse.SC_NOT_FOUND;
	}

	/**
	 * Shows this view instead of the page entered, whose address names something that
	 * does not exist; {@code notice} says what: "No product with part number X."
	 */
	public static void show(BeforeEnterEvent event, String notice) {
		event.rerouteToError(new NothingNamed(notice), notice);
	}

	/** The address names no existing product, change or task. */
	private static final class NothingNamed extends NotFoundException {

		NothingNamed(String notice) {
			super(notice);
		}

	}

	@Override
	public String getPageTitle() {
		return "Page not found | ScaleGate";
	}

}
