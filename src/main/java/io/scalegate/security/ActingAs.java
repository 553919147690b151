package io.scalegate.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Work done in a person's name outside a request (demo data at start-up): the person is
 * signed in for Spring Security and known to the engine for the length of the work, as
 * {@link EngineIdentityFilter} does for a request, so the trail and the engine's history
 * name them. Never a way around a password where one is asked: signing checks it again.
 */
@Component
public class ActingAs {

	private final UserAccounts accounts;

	private final IdentityService identity;

	ActingAs(UserAccounts accounts, IdentityService identity) {
		this.accounts = accounts;
		this.identity = identity;
	}

	/** Runs {@code work} as the enabled account {@code username}. */
	public <T> T run(String username, Supplier<T> work) {
		UserAccount account = accounts.find(username)
			.filter(UserAccount::enabled)
			.orElseThrow(() -> new IllegalArgumentException("no enabled account " + username));
		List<String> roles = account.roles().stream().map(Role::name).toList();
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null,
				account.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList()));
		Authentication previousEngineUser = identity.getCurrentAuthentication();
		SecurityContextHolder.setContext(context);
		identity.setAuthentication(username, roles);
		try {
			return work.get();
		}
		finally {
			identity.setAuthentication(previousEngineUser);
			SecurityContextHolder.setContext(previous);
		}
	}

}
