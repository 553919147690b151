package io.scalegate.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every sign-in with a password (the login form, HTTP Basic on {@code /api} and
 * {@code /engine-rest}): Spring Security's own {@link DaoAuthenticationProvider} on
 * {@link UserAccounts}, so every request loads the account afresh and every rule applies
 * as before — company accounts and local login off refused, disabled and locked accounts
 * refused before the password, a one-time password refused after it, the roles as they
 * are now. Only the BCrypt check of an HTTP Basic password is taken from the
 * {@link BasicSignInCache} when it confirmed the same password against the same stored
 * hash a few minutes ago (docs/adr/0025); a form login always runs BCrypt, and nothing of
 * it is remembered.
 */
final class PasswordSignIn extends DaoAuthenticationProvider {

	private final BasicSignInCache cache;

	PasswordSignIn(UserDetailsService accounts, PasswordEncoder passwords, BasicSignInCache cache) {
		super(accounts);
		setPasswordEncoder(passwords);
		this.cache = cache;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails account, UsernamePasswordAuthenticationToken attempt) {
		if (!(attempt.getDetails() instanceof BasicSignInDetails)
				|| !(attempt.getCredentials() instanceof String password)) {
			super.additionalAuthenticationChecks(account, attempt);
			return;
		}
		if (cache.remembers(account.getUsername(), account.getPassword(), password)) {
			return;
		}
		// BCrypt; a wrong password throws here and is never remembered
		super.additionalAuthenticationChecks(account, attempt);
		cache.remember(account.getUsername(), account.getPassword(), password);
	}

}
