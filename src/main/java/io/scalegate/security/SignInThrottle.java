package io.scalegate.security;

import io.scalegate.security.SignInLock.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per account and per client address and locks either for a while
 * once too many failed (docs/adr/0011-sign-in-throttling.md). Each failure is a plain
 * insert and one atomic counter update, never the audit trail's lock; only the start of a
 * lock and an unlock are written to the trail. The counters are shared by every node of a
 * cluster: they change only by single {@code UPDATE ... SET failures = failures + 1}
 * statements, never read, changed and written back.
 */
@Service
public class SignInThrottle {

	/**
	 * Failures in a row on one account before it is locked (then one lock per failure).
	 */
	public static final int ACCOUNT_THRESHOLD = 5;

	/**
	 * Failures from one address, on any accounts, before it is locked: ten times an
	 * account's, so one attacker behind a plant's NAT does not lock the plant out at
	 * once.
	 */
	public static final int ADDRESS_THRESHOLD = 50;

	/** The first lock; each further failure after a lock doubles it. */
	public static final Duration FIRST_LOCK = Duration.ofMinutes(1);

	/** No lock is longer: an attacker cannot lock anyone out for good. */
	public static final Duration LONGEST_LOCK = Duration.ofMinutes(15);

	/** An account's count starts again after this long without a failure. */
	static final Duration ACCOUNT_QUIET = Duration.ofHours(24);

	/** An address's count starts again after this long without a failure. */
	static final Duration ADDRESS_QUIET = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SignInThrottle(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.events = events;
	}

	/** Until when the account or the address may not sign in, if either is locked now. */
	public Optional<Instant> lockedUntil(String username, String address) {
		return jdbc.sql("""
				select locked_until from sign_in_counter
				where ((kind = 'ACCOUNT' and subject = :username) or (kind = 'ADDRESS' and subject = :address))
				and locked_until > :now""")
			.param("username", clip(username))
			.param("address", clip(address))
			.param("now", Timestamp.from(clock.instant()))
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.max(Instant::compareTo);
	}

	/**
	 * A sign-in failed: kept as a row of its own and counted for the account and the
	 * address, each locked when it reaches its threshold. {@code counted} false: kept,
	 * not counted (refused while locked, or a bearer token).
	 */
	void failed(String username, String address, String reason, boolean counted) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("insert into sign_in_failure (occurred_at, username, address, reason) values (?, ?, ?, ?)")
			.params(Timestamp.from(now), clip(username), clip(address), clip(reason))
			.update();
		if (counted) {
			count(Kind.ACCOUNT, clip(username), ACCOUNT_THRESHOLD, ACCOUNT_QUIET, now);
			if (address != null && !address.isBlank()) {
				count(Kind.ADDRESS, clip(address), ADDRESS_THRESHOLD, ADDRESS_QUIET, now);
			}
		}
	}

	/** A person signed in: the account's failures in a row are over. */
	void succeeded(String username) {
		jdbc.sql("update sign_in_counter set failures = 0 where kind = 'ACCOUNT' and subject = ? and failures > 0")
			.param(clip(username))
			.update();
	}

	/** The accounts and addresses locked now, the latest lock first. */
	public List<SignInLock> locks() {
		return jdbc.sql("""
				select kind, subject, failures, locked_until from sign_in_counter
				where locked_until > ? order by locked_until desc""")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new SignInLock(Kind.valueOf(rs.getString(1)), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * An administrator lifts the lock and clears the failures of an account or address;
	 * in the audit trail. False when there was nothing to lift.
	 */
	@Transactional
	public boolean unlock(Kind kind, String subject, String admin) {
		return unlock(kind, subject, admin, null);
	}

	/**
	 * The same, with the administrator's reason kept in the trail (the users view and API
	 * ask for one).
	 */
	@Transactional
	public boolean unlock(Kind kind, String subject, String admin, String reason) {
		Instant now = clock.instant();
		Optional<Timestamp> lockedUntil = jdbc.sql(
				"select locked_until from sign_in_counter where kind = ? and subject = ? and (failures > 0 or locked_until > ?)")
			.params(kind.name(), clip(subject), Timestamp.from(now))
			.query(Timestamp.class)
			.optional();
		int lifted = jdbc.sql("""
				update sign_in_counter set failures = 0, locked_until = null
				where kind = ? and subject = ? and (failures > 0 or locked_until > ?)""")
			.params(kind.name(), clip(subject), Timestamp.from(now))
			.update();
		if (lifted == 0) {
			return false;
		}
		boolean wasLocked = lockedUntil.isPresent() && lockedUntil.get().toInstant().isAfter(now);
		events.publishEvent(new SignInUnlocked(kind, clip(subject), wasLocked, admin, reason));
		return true;
	}

	private void count(Kind kind, String subject, int threshold, Duration quiet, Instant now) {
		if (increment(kind, subject, quiet, now) == 0) {
			try {
				jdbc.sql("insert into sign_in_counter (kind, subject, failures, last_failed_at) values (?, ?, 1, ?)")
					.params(kind.name(), subject, Timestamp.from(now))
					.update();
			}
			catch (DuplicateKeyException inserted) {
				// another node or thread inserted it first: count on its row
				increment(kind, subject, quiet, now);
			}
		}
		int failures = jdbc.sql("select failures from sign_in_counter where kind = ? and subject = ?")
			.params(kind.name(), subject)
			.query(Integer.class)
			.single();
		if (failures < threshold) {
			return;
		}
		Instant until = now.plus(lockFor(failures - threshold));
		int started = jdbc.sql("""
				update sign_in_counter set locked_until = ?
				where kind = ? and subject = ? and (locked_until is null or locked_until <= ?)""")
			.params(Timestamp.from(until), kind.name(), subject, Timestamp.from(now))
			.update();
		// a name no account has is locked all the same (the answer does not tell who
		// exists), but only the hourly summary counts it: made-up names add no trail
		// entry
		if (started == 1 && (kind == Kind.ADDRESS || accountExists(subject))) {
			events.publishEvent(new SignInLocked(kind, subject, failures, until));
		}
		else {
			jdbc.sql("update sign_in_counter set locked_until = ? where kind = ? and subject = ? and locked_until < ?")
				.params(Timestamp.from(until), kind.name(), subject, Timestamp.from(until))
				.update();
		}
	}

	private int increment(Kind kind, String subject, Duration quiet, Instant now) {
		return jdbc.sql("""
				update sign_in_counter
				set failures = case when last_failed_at < :restart then 1 else failures + 1 end, last_failed_at = :now
				where kind = :kind and subject = :subject""")
			.param("restart", Timestamp.from(now.minus(quiet)))
			.param("now", Timestamp.from(now))
			.param("kind", kind.name())
			.param("subject", subject)
			.update();
	}

	/** 1, 2, 4, 8, 15, 15 ... minutes for the failures beyond the threshold. */
	static Duration lockFor(int beyondThreshold) {
		Duration lock = FIRST_LOCK.multipliedBy(1L << Math.min(Math.max(beyondThreshold, 0), 10));
		return lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock;
	}

	private static String clip(String text) {
		String value = text == null || text.isBlank() ? "unknown" : text;
		return value.length() > 100 ? value.substring(0, 100) : value;
	}

	private boolean accountExists(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

}
