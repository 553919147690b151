package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A company sign-in (OpenID Connect) created the account or changed its name, e-mail or
 * roles from the identity provider's claims; by the person signing in.
 */
record UserProvisioned(String username, String fullName, String email, Set<Role> roles, boolean created, String issuer,
		String subject) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new HashMap<>();
		details.put("fullName", fullName);
		details.put("roles", roles.stream().map(Enum::name).sorted().toList());
		details.put("created", created);
		details.put("issuer", issuer);
		details.put("subject", subject);
		if (email != null) {
			details.put("email", email);
		}
		return new AuditNote(AuditAction.USER_PROVISIONED, AuditSubject.USER, username, username, details);
	}

}
