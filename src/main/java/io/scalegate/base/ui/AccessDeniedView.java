package io.scalegate.base.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in person sees on a page their roles do not open: ScaleGate's own view
 * inside the shell, HTTP 403, naming no other page ({@link PageStatus} sets the status on
 * the first page load too). People who are not signed in are sent to the login instead.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class AccessDeniedView extends VerticalLayout
		implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
		removeAll();
		setId("access-denied");
		add(new H2("No access to this page"),
				new Paragraph("Your roles do not open /" + event.getLocation().getPath()
						+ ". If your work needs it, ask an administrator for the role."),
				new Anchor("", "Go to the products"));
		return HttpServletResponse.SC_FORBIDDEN;
	}

	@Override
	public String getPageTitle() {
		return "No access | ScaleGate";
	}

}
