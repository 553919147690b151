package io.scalegate.security;

import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.Sha256;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues, revokes and checks integration API tokens. A token is {@code sgt_} and 32
 * random bytes; only its SHA-256 is stored (a random 256-bit secret needs no slow hash),
 * so a stolen database reveals no token. Spring Security's resource server asks this
 * introspector about each Bearer token.
 */
@Service
public class ApiTokens implements OpaqueTokenIntrospector {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,99}");

	private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

	private final JdbcAggregateTemplate rows;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final ApplicationEventPublisher events;

	private final JdbcClient jdbc;

	ApiTokens(JdbcAggregateTemplate rows, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.rows = rows;
		this.clock = clock;
	}

	@Transactional
	public IssuedToken issue(String name, Role role, String issuedBy) {
		Checks checks = new Checks();
		if (checks.required("name", name) && !NAME.matcher(name.strip()).matches()) {
			checks.fail("name", "use 2 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit");
		}
		checks.required("role", role);
		checks.throwIfAny();
		if (rows.exists(Query.query(Criteria.where("name").is(name.strip())), ApiToken.class)) {
			throw new Conflict("name",
					"a token named " + name.strip() + " exists already (revoked tokens keep their names)");
		}
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String secret = "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ApiToken token;
		try {
			token = rows.insert(new ApiToken(null, name.strip(), Sha256.hex(secret), role, issuedBy, clock.instant(),
					null, null, null));
		}
		catch (RuntimeException raced) {
			// the name was free when checked, and a concurrent request took it
			Conflict collision = Conflict.of(raced);
			if (collision != null && "key".equals(collision.field())) {
				throw new Conflict("name", "a token named " + name.strip()
						+ " exists already (issued at the same moment by another request)");
			}
			throw raced;
		}
		events.publishEvent(new ApiTokenChanged(token, false, issuedBy));
		return new IssuedToken(token, secret);
	}

	@Transactional
	public ApiToken revoke(long id, String revokedBy) {
		ApiToken token = rows.findById(id, ApiToken.class);
		if (token == null) {
			throw new io.scalegate.base.InvalidInput("id", "no API token " + id);
		}
		if (token.revoked()) {
			return token;
		}
		// only the revocation's columns, and only once: a concurrent use (which writes
		// last_used_at) or revocation cannot undo it or record it twice
		int revokedNow = jdbc
			.sql("update api_token set revoked_at = :at, revoked_by = :by where id = :id and revoked_at is null")
			.param("at", Timestamp.from(clock.instant()))
			.param("by", revokedBy)
			.param("id", id)
			.update();
		ApiToken revoked = rows.findById(id, ApiToken.class);
		if (revokedNow == 1) {
			events.publishEvent(new ApiTokenChanged(revoked, true, revokedBy));
		}
		return revoked;
	}

	public List<ApiToken> all() {
		return rows.findAll(ApiToken.class, Sort.by("name"));
	}

	@Override
	@Transactional
	public OAuth2AuthenticatedPrincipal introspect(String secret) {
		ApiToken token = rows.findAll(Query.query(Criteria.where("secretHash").is(Sha256.hex(secret))), ApiToken.class)
			.stream()
			.findFirst()
			.orElseThrow(() -> new BadOpaqueTokenException("unknown API token"));
		if (token.revoked()) {
			throw new BadOpaqueTokenException("this API token was revoked");
		}
		if (token.lastUsedAt() == null || token.lastUsedAt().plus(LAST_USE_PRECISION).isBefore(clock.instant())) {
			// last_used_at only: writing the whole row back would undo a revocation made
			// since it was read
			jdbc.sql("update api_token set last_used_at = :at where id = :id")
				.param("at", Timestamp.from(clock.instant()))
				.param("id", token.id())
				.update();
		}
		return new DefaultOAuth2AuthenticatedPrincipal(token.principal(),
				Map.of("token_id", token.id(), "name", token.name()),
				List.of(new SimpleGrantedAuthority(token.role().authority())));
	}

}
