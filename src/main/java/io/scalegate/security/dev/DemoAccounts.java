package io.scalegate.security.dev;

import io.scalegate.base.Conflict;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.EnumSet;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts of the README, all with password {@code demo}; never in the prod
 * profile.
 */
@Component
@Profile("!prod")
public class DemoAccounts {

	public static final String PASSWORD = "demo";

	private final UserAccounts accounts;

	DemoAccounts(UserAccounts accounts) {
		this.accounts = accounts;
	}

	/**
	 * Once the application context (and with it the audit trail) is up, before demo data
	 * and requests.
	 */
	@EventListener(ApplicationStartedEvent.class)
	@Order(0)
	public void createAccounts() {
		create("engineer", "Erin Engineer", Role.ENGINEER);
		create("engineer2", "Eli Engineer", Role.ENGINEER);
		create("quality", "Quinn Quality", Role.QUALITY);
		create("supplier", "Sam Supplier-Quality", Role.SUPPLIER_QUALITY);
		create("gatekeeper", "Gail Gatekeeper", Role.GATEKEEPER);
		create("owner", "Owen Process-Owner", Role.PROCESS_OWNER);
		create("owner2", "Olivia Process-Owner", Role.PROCESS_OWNER);
		create("auditor", "Ada Auditor", Role.AUDITOR);
		create("admin", "Alex Admin", Role.ADMIN);
	}

	private void create(String username, String fullName, Role role) {
		if (!accounts.exists(username)) {
			try {
				accounts.save(username, fullName, PASSWORD, EnumSet.of(role));
			}
			catch (Conflict anotherNode) {
				// several nodes started at once: another one created it
			}
		}
	}

}
