package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An administrator changed an account's name, e-mail or roles: the trail keeps each
 * changed field before and after.
 */
record UserEdited(String username, UserRow before, String fullName, String email, Set<Role> roles, String reason,
		String by) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason);
		if (!before.fullName().equals(fullName)) {
			details.put("fullName", Map.of("from", before.fullName(), "to", fullName));
		}
		if (!Objects.equals(before.email(), email)) {
			details.put("email",
					Map.of("from", before.email() == null ? "" : before.email(), "to", email == null ? "" : email));
		}
		if (!before.roles().equals(roles)) {
			details.put("roles", Map.of("from", names(before.roles()), "to", names(roles)));
		}
		return new AuditNote(AuditAction.USER_EDITED, AuditSubject.USER, username, by, details);
	}

	static List<String> names(Collection<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toList();
	}

}
