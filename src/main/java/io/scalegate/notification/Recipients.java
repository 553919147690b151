package io.scalegate.notification;

import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who is told: a group (a Camunda candidate group is a ScaleGate role) means its enabled
 * members; a person means them if their account exists and is enabled.
 */
@Component
class Recipients {

	private final UserAccounts accounts;

	Recipients(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/** The enabled people among {@code users} and in {@code groups}, each once. */
	Set<String> of(Collection<String> users, Collection<String> groups) {
		Set<String> recipients = new LinkedHashSet<>();
		Set<Role> roles = roles(groups);
		for (UserAccount account : accounts.all()) {
			if (account.enabled()
					&& (users.contains(account.username()) || account.roles().stream().anyMatch(roles::contains))) {
				recipients.add(account.username());
			}
		}
		return recipients;
	}

	/** The enabled people with the role, but {@code except}. */
	Set<String> withRole(Role role, String except) {
		Set<String> recipients = new LinkedHashSet<>();
		for (UserAccount account : accounts.all()) {
			if (account.enabled() && account.roles().contains(role) && !account.username().equals(except)) {
				recipients.add(account.username());
			}
		}
		return recipients;
	}

	boolean enabled(String username) {
		return username != null && accounts.find(username).map(UserAccount::enabled).orElse(false);
	}

	private static Set<Role> roles(Collection<String> groups) {
		Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		for (String group : groups) {
			for (Role role : Role.values()) {
				if (role.name().equals(group)) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
