package io.scalegate.security;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An integration API token: a name, the one role it acts with, and its lifecycle. The
 * secret itself is never stored.
 */
@Table("api_token")
public record ApiToken(@Id Long id, String name, String secretHash, Role role, String createdBy, Instant createdAt,
		Instant lastUsedAt, Instant revokedAt, String revokedBy) {

	/**
	 * Prefix of the principal name under which a token's calls are recorded
	 * ({@code api:<name>}).
	 */
	public static final String PRINCIPAL_PREFIX = "api:";

	public boolean revoked() {
		return revokedAt != null;
	}

	public String principal() {
		return PRINCIPAL_PREFIX + name;
	}

}
