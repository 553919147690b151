package io.scalegate.security;

import io.scalegate.base.Conflict;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production there are no demo accounts: the one account that exists at first start is
 * {@code admin}, with the password given in SCALEGATE_ADMIN_PASSWORD. ScaleGate refuses
 * to start without it, or with a default or short one.
 */
@Component
@Profile("prod")
class ProductionAdminAccount implements InitializingBean {

	private static final Set<String> DEFAULTS = Set.of("demo", "admin", "password", "changeit", "camunda", "scalegate");

	static final int MINIMUM_LENGTH = 12;

	private final SecurityProperties properties;

	private final UserAccounts accounts;

	ProductionAdminAccount(SecurityProperties properties, UserAccounts accounts) {
		this.properties = properties;
		this.accounts = accounts;
	}

	@Override
	public void afterPropertiesSet() {
		String password = properties.adminPassword();
		if (password == null || password.isBlank()) {
			throw new IllegalStateException(
					"The prod profile needs the admin password in the environment variable SCALEGATE_ADMIN_PASSWORD");
		}
		if (DEFAULTS.contains(password.toLowerCase()) || password.length() < MINIMUM_LENGTH) {
			throw new IllegalStateException("SCALEGATE_ADMIN_PASSWORD is a default or shorter than " + MINIMUM_LENGTH
					+ " characters; choose a real secret");
		}
	}

	/**
	 * Once the application context (and with it the audit trail) is up: the trail records
	 * the account.
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	void createAdmin() {
		if (!accounts.exists("admin")) {
			try {
				accounts.save("admin", "Administrator", properties.adminPassword(), EnumSet.of(Role.ADMIN));
			}
			catch (Conflict anotherNode) {
				// several nodes started at once: another one created it
			}
		}
	}

}
