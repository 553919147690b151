package io.scalegate;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import io.scalegate.base.ui.AccessDeniedView;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

/** Browserless Vaadin tests on the real Spring context, logged in as a demo user. */
@ScaleGateTest
public abstract class KaribuTest {

	private static Routes routes;

	@Autowired
	protected ApplicationContext context;

	@BeforeAll
	static void discoverRoutes() {
		routes = new Routes().autoDiscoverViews("io.scalegate");
		// Karibu discovers public views only; ScaleGate's routed views are
		// package-private
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
		for (BeanDefinition view : scanner.findCandidateComponents("io.scalegate")) {
			routes.getRoutes().add(viewClass(view.getBeanClassName()));
		}
	}

	@SuppressWarnings("unchecked")
	private static Class<? extends Component> viewClass(String name) {
		try {
			return (Class<? extends Component>) Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(e);
		}
	}

	@BeforeEach
	void setUpVaadin() {
		Function0<UI> uiFactory = UI::new;
		MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
	}

	@AfterEach
	void tearDownVaadin() {
		SecurityContextHolder.clearContext();
		MockVaadin.tearDown();
	}

	/**
	 * Navigating to {@code route} shows ScaleGate's "no access" view instead of the
	 * route's view.
	 */
	protected static void assertAccessDenied(String route) {
		UI.getCurrent().navigate(route);
		org.assertj.core.api.Assertions
			.assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(AccessDeniedView.class))
			.as("/" + route + " is refused")
			.hasSize(1);
	}

	/**
	 * Logs in as {@code username} with the given roles and reloads the UI, as after a
	 * real login.
	 */
	protected void login(String username, String... roles) {
		List<SimpleGrantedAuthority> authorities = java.util.Arrays.stream(roles)
			.map(role -> new SimpleGrantedAuthority("ROLE_" + role))
			.toList();
		User user = new User(username, "demo", authorities);
		UsernamePasswordAuthenticationToken authentication = UsernamePasswordAuthenticationToken.authenticated(user,
				"demo", authorities);
		SecurityContextHolder.getContext().setAuthentication(authentication);
		FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
		request.setUserPrincipalInt(authentication);
		request.setUserInRole((principal, role) -> List.of(roles).contains(role));
		UI.getCurrent().getPage().reload();
	}

}
