package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The README configures single sign-on with environment variables, one
 * {@code SCALEGATE_SSO_ROLES_<ROLE>} per role: they bind, also for roles whose name has
 * an underscore.
 */
class SsoPropertiesBindingTest {

	static SsoProperties bind(Map<String, Object> variables) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(
					"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		return new Binder(ConfigurationPropertySources.get(environment)).bindOrCreate("scalegate.sso",
				SsoProperties.class);
	}

	@Test
	void rolesAndBreakGlassAccountsBindFromEnvironmentVariables() {
		SsoProperties sso = bind(
				Map.of("SCALEGATE_SSO_ISSUER_URI", "https://idp.example/realms/plant", "SCALEGATE_SSO_ROLES_GATEKEEPER",
						"sg-gatekeepers,sg-leads", "SCALEGATE_SSO_ROLES_SUPPLIER_QUALITY", "sg-sqe",
						"SCALEGATE_SSO_LOCAL_LOGIN", "false", "SCALEGATE_SSO_BREAK_GLASS_ACCOUNTS", "admin,root-ops"));
		assertThat(sso.enabled()).isTrue();
		assertThat(sso.roles()).containsEntry(Role.GATEKEEPER, List.of("sg-gatekeepers", "sg-leads"))
			.containsEntry(Role.SUPPLIER_QUALITY, List.of("sg-sqe"))
			.hasSize(2);
		assertThat(sso.passwordSignInAllowed("root-ops")).isTrue();
		assertThat(sso.passwordSignInAllowed("engineer")).isFalse();
	}

	@Test
	void withoutAnIssuerSingleSignOnIsOffAndPasswordsStay() {
		SsoProperties sso = bind(Map.of());
		assertThat(sso.enabled()).isFalse();
		assertThat(sso.passwordSignInAllowed("engineer")).isTrue();
		assertThat(sso.breakGlassAccounts()).containsExactly("admin");
	}

}
