package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/** An API token was issued or revoked (the secret is never part of it). */
record ApiTokenChanged(ApiToken token, boolean revoked, String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(revoked ? AuditAction.TOKEN_REVOKED : AuditAction.TOKEN_ISSUED, AuditSubject.TOKEN,
				token.name(), by, Map.of("role", token.role().name()));
	}

}
