package io.scalegate.audit;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting in this thread: the signed-in person or API token, else the system (timers, start-up). */
final class Actors {

	static final String SYSTEM = "system";

	private Actors() {
	}

	static String current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
				? SYSTEM : authentication.getName();
	}

	static String or(String given) {
		return given == null || given.isBlank() ? current() : given;
	}

}
