package io.scalegate.base.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of a page's first load. Vaadin answers every page address with its
 * bootstrap page and status 200, then shows {@link PageNotFoundView} or
 * {@link AccessDeniedView} in the browser; this sets 404 for an address that is no page
 * and 403 for a page the signed-in person's roles do not open, so links checkers,
 * monitoring and crawlers see what a person sees. Someone not signed in keeps the 200:
 * the page sends them to the login.
 */
@Component
class PageStatus implements VaadinServiceInitListener {

	private final AccessAnnotationChecker access;

	PageStatus(AccessAnnotationChecker access) {
		this.access = access;
	}

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.addIndexHtmlRequestListener(this::setStatus);
	}

	private void setStatus(IndexHtmlResponse page) {
		VaadinRequest request = page.getVaadinRequest();
		String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceFirst("^/", "");
		var route = RouteConfiguration.forApplicationScope().getRoute(path);
		Principal user = request.getUserPrincipal();
		if (route.isEmpty()) {
			page.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
		else if (user != null && !access.hasAccess(route.get(), user, request::isUserInRole)) {
			page.getVaadinResponse().setStatus(HttpServletResponse.SC_FORBIDDEN);
		}
	}

}
