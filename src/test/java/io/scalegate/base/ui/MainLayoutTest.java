package io.scalegate.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.scalegate.KaribuTest;
import org.junit.jupiter.api.Test;

class MainLayoutTest extends KaribuTest {

	@Test
	void anonymousVisitorsSeeTheLoginForm() {
		UI.getCurrent().navigate("");
		assertThat(_find(LoginForm.class)).hasSize(1);
	}

	@Test
	void anEngineerSeesProductsButNotTheCamundaWebapps() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("");
		assertThat(navigationLabels()).contains("Products", "Inbox").doesNotContain("Camunda Cockpit");
		assertThat(Long.parseLong(_get(Span.class, spec -> spec.withId("badge-inbox")).getText())).isPositive();
		assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText()).isEqualTo("engineer · ENGINEER");
	}

	@Test
	void anAdminAlsoSeesTheCamundaWebapps() {
		login("admin", "ADMIN");
		UI.getCurrent().navigate("");
		assertThat(navigationLabels()).contains("Products", "Camunda Cockpit");
	}

	@Test
	@SuppressWarnings("deprecation")
	void aLostConnectionIsExplainedInScaleGatesWords() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("");
		assertThat(UI.getCurrent().getReconnectDialogConfiguration().getDialogText())
			.isEqualTo(ErrorHandling.CONNECTION_LOST);
	}

	@Test
	void aPageTheRolesDoNotOpenShowsNoAccessAndNoRouteList() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("admin/users");
		assertThat(_get(AccessDeniedView.class).getElement().getTextRecursively()).contains("No access to this page")
			.doesNotContain("admin/api-tokens");
		assertThat(_find(SideNav.class)).hasSize(1);
	}

	private static java.util.List<String> navigationLabels() {
		return _get(SideNav.class, spec -> spec.withId("navigation")).getItems()
			.stream()
			.map(SideNavItem::getLabel)
			.toList();
	}

}
