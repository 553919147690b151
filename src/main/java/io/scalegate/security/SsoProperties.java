package io.scalegate.security;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Single sign-on with OpenID Connect (docs/adr/0015-single-sign-on.md); off while
 * {@code issuerUri} is blank.
 *
 * @param issuerUri the identity provider's issuer (its
 * {@code /.well-known/openid-configuration} is read at start)
 * @param clientId ScaleGate's client id at the identity provider
 * @param clientSecret its secret
 * @param scopes the scopes asked for
 * @param displayName the company's name on the login button ("Sign in with ...")
 * @param rolesClaim the claim holding the user's groups or roles
 * @param userIdClaim the claim that is the ScaleGate user id ({@code sub} when the token
 * lacks it)
 * @param roles for each ScaleGate role, the claim values that give it
 * @param localLogin whether everyone may still sign in with a ScaleGate password (form
 * and HTTP Basic)
 * @param breakGlassAccounts the local accounts that may sign in with a password even when
 * {@code localLogin} is false
 */
@ConfigurationProperties("scalegate.sso")
public record SsoProperties(String issuerUri, String clientId, String clientSecret, @DefaultValue( {
		"openid", "profile", "email" }) List<String> scopes, @DefaultValue("your company account") String displayName,
		@DefaultValue("groups") String rolesClaim, @DefaultValue("preferred_username") String userIdClaim,
		Map<Role, List<String>> roles, @DefaultValue("true") boolean localLogin,
		@DefaultValue("admin") Set<String> breakGlassAccounts){

	/** The client registration's id: the login link is /oauth2/authorization/sso. */
	public static final String REGISTRATION_ID = "sso";

	public SsoProperties {
		scopes = scopes == null ? List.of("openid") : List.copyOf(scopes);
		roles = roles == null ? Map.of() : Map.copyOf(roles);
		breakGlassAccounts = breakGlassAccounts == null ? Set.of() : Set.copyOf(breakGlassAccounts);
	}

	public boolean enabled() {
		return issuerUri != null && !issuerUri.isBlank();
	}

	/** Whether this account may sign in with its password (form or HTTP Basic). */
	public boolean passwordSignInAllowed(String username) {
		return localLogin || breakGlassAccounts.contains(username);
	}

}
