package io.scalegate.security;

import io.scalegate.base.ActingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting in this thread: the signed-in person or API token (Spring Security), else
 * the user the engine was told about (a signed task completion), else the system (timers,
 * start-up).
 */
@Component
class SecurityActingUser implements ActingUser {

	static final String SYSTEM = "system";

	private final IdentityService identity;

	SecurityActingUser(IdentityService identity) {
		this.identity = identity;
	}

	@Override
	public String current() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.isAuthenticated() && authentication.getName() != null
				&& !"anonymousUser".equals(authentication.getName())) {
			return authentication.getName();
		}
		Authentication engineUser = identity.getCurrentAuthentication();
		return engineUser == null || engineUser.getUserId() == null ? SYSTEM : engineUser.getUserId();
	}

}
