package io.scalegate.security;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * For tests of the last-administrator rule on the shared database: disables every other
 * enabled administrator (directly, not through the audited service) until closed, then
 * enables them again.
 */
public final class OnlyAdministrators implements AutoCloseable {

	private final JdbcClient jdbc;

	private final List<String> others;

	private OnlyAdministrators(JdbcClient jdbc, List<String> others) {
		this.jdbc = jdbc;
		this.others = others;
	}

	/** Leaves {@code kept} the only enabled administrators until {@link #close()}. */
	public static OnlyAdministrators keep(JdbcClient jdbc, String... kept) {
		List<String> others = jdbc.sql("""
				select u.username from app_user u join app_user_role r on r.username = u.username
				where r.role = 'ADMIN' and u.enabled = true""")
			.query(String.class)
			.list()
			.stream()
			.filter(username -> !List.of(kept).contains(username))
			.toList();
		if (!others.isEmpty()) {
			jdbc.sql("update app_user set enabled = false where username in (:others)")
				.params(Map.of("others", others))
				.update();
		}
		return new OnlyAdministrators(jdbc, others);
	}

	@Override
	public void close() {
		if (!others.isEmpty()) {
			jdbc.sql("update app_user set enabled = true where username in (:others)")
				.params(Map.of("others", others))
				.update();
		}
	}

}
