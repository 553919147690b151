package io.scalegate.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Once an hour, the failed sign-ins since the last summary go into the audit trail as one
 * entry. Each node of a cluster runs it; the one whose compare-and-set moves
 * {@code sign_in_summary.summarised_until} writes the entry in the same transaction, the
 * others find the period taken and write nothing. Failures older than 90 days and
 * counters long quiet are deleted (the trail keeps their summaries and locks).
 */
@Component
@EnableScheduling
class SignInSummary {

	static final int TOP = 20;

	static final Duration KEPT = Duration.ofDays(90);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SignInSummary(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	@Scheduled(cron = "${scalegate.security.sign-in.summary-cron:0 0 * * * *}")
	void hourly() {
		summarise();
	}

	/** The summary up to now, if this node took the period and there were failures. */
	@Transactional
	public Optional<SignInFailuresSummarised> summarise() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Timestamp from = jdbc.sql("select summarised_until from sign_in_summary where id = 1")
			.query(Timestamp.class)
			.single();
		int taken = jdbc.sql("update sign_in_summary set summarised_until = ? where id = 1 and summarised_until = ?")
			.params(Timestamp.from(now), from)
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		long failures = jdbc.sql("select count(*) from sign_in_failure where occurred_at > ? and occurred_at <= ?")
			.params(from, Timestamp.from(now))
			.query(Long.class)
			.single();
		jdbc.sql("delete from sign_in_failure where occurred_at < ?").param(Timestamp.from(now.minus(KEPT))).update();
		jdbc.sql("delete from sign_in_counter where (locked_until is null or locked_until < ?) and last_failed_at < ?")
			.params(Timestamp.from(now), Timestamp.from(now.minus(SignInThrottle.ACCOUNT_QUIET)))
			.update();
		if (failures == 0) {
			return Optional.empty();
		}
		SignInFailuresSummarised summary = new SignInFailuresSummarised(from.toInstant(), now, failures,
				top("username", from, now), top("address", from, now));
		events.publishEvent(summary);
		return Optional.of(summary);
	}

	private Map<String, Long> top(String column, Timestamp from, Instant to) {
		Map<String, Long> top = new LinkedHashMap<>();
		jdbc.sql("select " + column + ", count(*) as n from sign_in_failure where occurred_at > ? and occurred_at <= ? "
				+ "group by " + column + " order by n desc, " + column + " fetch first " + TOP + " rows only")
			.params(from, Timestamp.from(to))
			.query((rs, n) -> top.put(rs.getString(1), rs.getLong(2)))
			.list();
		return top;
	}

}
