package io.scalegate.security;

import io.scalegate.base.ui.LoginOptions;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The login page's options from {@link SsoProperties}. */
@Component
class SsoLoginOptions implements LoginOptions {

	private final SsoProperties properties;

	SsoLoginOptions(SsoProperties properties) {
		this.properties = properties;
		if (!properties.localLogin() && !properties.enabled()) {
			LoggerFactory.getLogger(SsoLoginOptions.class)
				.warn("scalegate.sso.local-login is false but single sign-on is not configured "
						+ "(scalegate.sso.issuer-uri): only the break-glass accounts {} can sign in",
						properties.breakGlassAccounts());
		}
	}

	@Override
	public Optional<CompanyLogin> companyLogin() {
		return properties.enabled() ? Optional.of(new CompanyLogin("Sign in with " + properties.displayName(),
				"oauth2/authorization/" + SsoProperties.REGISTRATION_ID)) : Optional.empty();
	}

	@Override
	public boolean passwordsForEveryone() {
		return properties.localLogin();
	}

}
