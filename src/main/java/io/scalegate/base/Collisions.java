package io.scalegate.base;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Recognises the ways two concurrent writers collide, whatever wrapped them (Spring Data
 * JDBC's {@code DbActionExecutionException}, the engine's exceptions, JDBC): a unique key
 * (SQL state 23505 on PostgreSQL and H2), an optimistic lock (Spring's, or the engine's
 * {@code OptimisticLockingException}, known by name so that {@code base} does not know
 * Camunda), a lock timeout, a serialization failure or a deadlock (PostgreSQL 55P03,
 * 40001, 40P01; H2 HYT00, 40001, 90131).
 */
final class Collisions {

	private static final Set<String> LOCK_STATES = Set.of("55P03", "40001", "40P01", "HYT00", "90131");

	private static final Pattern CONSTRAINT = Pattern
		.compile("(?i)(?:constraint|index or primary key violation:)\\s*\"?(?:PUBLIC\\.)?([A-Za-z0-9_]+)");

	private static final String ENGINE_OPTIMISTIC_LOCK = "org.camunda.bpm.engine.OptimisticLockingException";

	private Collisions() {
	}

	static Conflict describe(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof DuplicateKeyException
					|| t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
				return new Conflict("key",
						"a record with the same key (" + constraint(thrown)
								+ ") was written at the same moment by another request; nothing was saved by this one: "
								+ "read the record that exists");
			}
			if (t instanceof OptimisticLockingFailureException || isEngineOptimisticLock(t)) {
				return new Conflict("version",
						"someone else changed the same " + (isEngineOptimisticLock(t) ? "process data" : "record")
								+ " at the same moment; nothing was saved: reload and try again",
						true);
			}
			if (t instanceof SQLTransientConnectionException) {
				// every connection is held by a request waiting on the same data's lock
				return new Conflict("lock", "ScaleGate's database connections are all busy with other requests "
						+ "waiting on the same data; nothing was saved: try again", true);
			}
			if (t instanceof ConcurrencyFailureException || t instanceof SQLException sql && sql.getSQLState() != null
					&& LOCK_STATES.contains(sql.getSQLState())) {
				return new Conflict("lock", "another request was changing the same data at the same moment "
						+ "(lock timeout or deadlock); nothing was saved: try again", true);
			}
		}
		return null;
	}

	private static boolean isEngineOptimisticLock(Throwable t) {
		for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(ENGINE_OPTIMISTIC_LOCK)) {
				return true;
			}
		}
		return false;
	}

	/** The name of the unique constraint in the database's message, if it says one. */
	static String constraint(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null) {
				Matcher m = CONSTRAINT.matcher(t.getMessage());
				if (m.find()) {
					return m.group(1).toLowerCase();
				}
			}
		}
		return "unique key";
	}

}
