package io.scalegate.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The details of a sign-in that came with HTTP Basic, so that {@link PasswordSignIn} may
 * take its BCrypt check from the {@link BasicSignInCache}; set by the Basic filter of the
 * {@code /api} and {@code /engine-rest} chains. Still {@link WebAuthenticationDetails}
 * (the client address for {@link LoginFailures}).
 */
final class BasicSignInDetails extends WebAuthenticationDetails {

	BasicSignInDetails(HttpServletRequest request) {
		super(request);
	}

}
