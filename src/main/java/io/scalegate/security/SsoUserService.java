package io.scalegate.security;

import io.scalegate.security.SsoAccounts.SsoIdentity;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * After Spring Security has checked the identity provider's ID token: maps its groups
 * claim to ScaleGate roles, creates or updates the account ({@link SsoAccounts}) and
 * gives the session ScaleGate's {@code ROLE_*} authorities and the ScaleGate user id as
 * its name, so views, {@code CurrentUser}, {@code ActingUser}, the engine and signing see
 * an SSO user exactly as a local one.
 */
@Component
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

	private final OidcUserService verified = new OidcUserService();

	private final SsoProperties properties;

	private final SsoAccounts accounts;

	SsoUserService(SsoProperties properties, SsoAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public OidcUser loadUser(OidcUserRequest request) {
		OidcUser user = verified.loadUser(request);
		Map<String, Object> claims = user.getClaims();
		String userIdClaim = claims.get(properties.userIdClaim()) instanceof String id && !id.isBlank()
				? properties.userIdClaim() : "sub";
		String issuer = String.valueOf(user.getIdToken().getIssuer());
		SsoIdentity who = new SsoIdentity(issuer, user.getSubject(), String.valueOf(claims.get(userIdClaim)),
				user.getFullName(), user.getEmail(), roles(claims.get(properties.rolesClaim())));
		Set<Role> roles;
		try {
			roles = accounts.signIn(who);
		}
		catch (SsoRefused refused) {
			throw new OAuth2AuthenticationException(
					new OAuth2Error(refused.reason().code(), refused.getMessage(), null), refused.getMessage());
		}
		// ScaleGate's roles only, as for a password sign-in
		Set<org.springframework.security.core.GrantedAuthority> authorities = new HashSet<>();
		roles.forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(), userIdClaim);
	}

	/** The ScaleGate roles the claim's values give (a list, or one string of names). */
	Set<Role> roles(Object claim) {
		Set<String> values = new HashSet<>();
		if (claim instanceof Collection<?> many) {
			many.forEach(value -> values.add(String.valueOf(value)));
		}
		else if (claim instanceof String text) {
			values.addAll(List.of(text.split("[,\\s]+")));
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		properties.roles().forEach((role, groups) -> {
			if (groups.stream().map(String::strip).anyMatch(values::contains)) {
				roles.add(role);
			}
		});
		return roles;
	}

}
