package io.scalegate.base.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.LoginOptions.CompanyLogin;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The login page with and without the company login (docs/adr/0015). The shared context
 * has no SSO configured; the SSO layouts are built with their options.
 */
class LoginViewTest extends KaribuTest {

	record Options(Optional<CompanyLogin> companyLogin, boolean passwordsForEveryone) implements LoginOptions {
	}

	static final CompanyLogin ACME = new CompanyLogin("Sign in with Acme", "oauth2/authorization/sso");

	@Test
	void withoutSsoTheFormIsAllThereIs() {
		UI.getCurrent().navigate("login");
		assertThat(_find(Button.class, spec -> spec.withId("sso-login"))).isEmpty();
		assertThat(_find(LoginForm.class)).hasSize(1);
		// Karibu finds visible components only: the refusal is there, hidden
		assertThat(_find(Paragraph.class, spec -> spec.withId("sso-refused"))).isEmpty();
	}

	@Test
	void theCompanyLoginIsALinkBesideTheForm() {
		LoginView view = new LoginView(new Options(Optional.of(ACME), true));
		Anchor link = _get(view, Anchor.class, spec -> spec.withId("sso-link"));
		assertThat(link.getHref()).isEqualTo("oauth2/authorization/sso");
		assertThat(link.getElement().hasAttribute("router-ignore")).isTrue();
		assertThat(_get(view, Button.class, spec -> spec.withId("sso-login")).getText()).isEqualTo("Sign in with Acme");
		assertThat(_find(view, Details.class)).isEmpty();
		assertThat(_find(view, LoginForm.class)).hasSize(1);
	}

	@Test
	void withLocalLoginOffThePasswordFormIsADiscreetBreakGlassSignIn() {
		LoginView view = new LoginView(new Options(Optional.of(ACME), false));
		Details breakGlass = _get(view, Details.class, spec -> spec.withId("break-glass"));
		assertThat(breakGlass.isOpened()).isFalse();
		assertThat(breakGlass.getSummaryText()).contains("Break-glass");
		assertThat(_get(breakGlass, LoginForm.class)).isNotNull();
	}

	@Test
	void aRefusedCompanySignInIsExplained() {
		UI.getCurrent().navigate("login", QueryParameters.of("sso", "no-role"));
		Paragraph refused = _get(Paragraph.class, spec -> spec.withId("sso-refused"));
		assertThat(refused.isVisible()).isTrue();
		assertThat(refused.getText()).contains("none of your groups gives you a role");
		UI.getCurrent().navigate("login", QueryParameters.of("sso", "taken"));
		assertThat(_get(Paragraph.class, spec -> spec.withId("sso-refused")).getText())
			.contains("belongs to a local ScaleGate account");
		UI.getCurrent().navigate("login", QueryParameters.of("sso", "<script>"));
		assertThat(_get(Paragraph.class, spec -> spec.withId("sso-refused")).getText())
			.isEqualTo("The company sign-in did not complete. Sign in again.");
	}

}
