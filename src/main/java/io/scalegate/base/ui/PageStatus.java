package io.scalegate.base.ui;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.internal.NavigationRouteTarget;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The HTTP status of a page's first load. Vaadin answers every page address with its
 * bootstrap page and status 200, then shows {@link PageNotFoundView} or
 * {@link AccessDeniedView} in the browser; this sets 404 for an address that is no page
 * and 403 for a page the signed-in person's roles do not open, 404 for a page about a
 * product, model change or task that does not exist ({@link PageSubject}), so links
 * checkers, monitoring and crawlers see what a person sees. Someone not signed in keeps
 * the 200: the page sends them to the login.
 */
@Component
class PageStatus implements VaadinServiceInitListener {

	private final AccessAnnotationChecker access;

	private final List<PageSubject> subjects;

	PageStatus(AccessAnnotationChecker access, List<PageSubject> subjects) {
		this.access = access;
		this.subjects = subjects;
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
		else if (user != null && missing(path)) {
			page.getVaadinResponse().setStatus(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	/** The page names a product, change or task that does not exist. */
	private boolean missing(String path) {
		// Vaadin's own reading of the path into its view and route parameters
		NavigationRouteTarget target = RouteConfiguration.forApplicationScope()
			.getHandledRegistry()
			.getNavigationRouteTarget(path);
		if (target == null || !target.hasTarget()) {
			return false;
		}
		Class<? extends com.vaadin.flow.component.Component> page = target.getRouteTarget().getTarget();
		return subjects.stream().anyMatch(subject -> subject.missing(page, target.getRouteParameters()));
	}

}
