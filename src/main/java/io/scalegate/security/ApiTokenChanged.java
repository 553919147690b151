package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/** An API token was issued or revoked (the secret is never part of it). */
record ApiTokenChanged(ApiToken token, boolean revoked, String by) implements Audited {

	@Override
	public AuditAction action() {
		return revoked ? AuditAction.TOKEN_REVOKED : AuditAction.TOKEN_ISSUED;
	}

	@Override
	public AuditSubject subjectType() {
		return AuditSubject.TOKEN;
	}

	@Override
	public String subjectId() {
		return token.name();
	}

	@Override
	public String actor() {
		return by;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("role", token.role().name());
	}

}
