package io.scalegate.security;

import com.vaadin.flow.spring.security.AuthenticationContext;
import org.springframework.stereotype.Component;

/** The account of the person using the UI right now. */
@Component
public class CurrentUser {

	private final AuthenticationContext authentication;

	private final UserAccounts accounts;

	CurrentUser(AuthenticationContext authentication, UserAccounts accounts) {
		this.authentication = authentication;
		this.accounts = accounts;
	}

	public UserAccount get() {
		String username = authentication.getPrincipalName()
			.orElseThrow(() -> new IllegalStateException("nobody is logged in"));
		return accounts.find(username).orElseThrow(() -> new IllegalStateException("no account " + username));
	}

}
