package io.scalegate.cluster;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the cluster test reads and arranges in the nodes' PostgreSQL database by SQL: the
 * engine's jobs and history, ScaleGate's rows.
 */
final class ClusterDatabase {

	/**
	 * The non-interrupting timer on the prototype review that each registration creates.
	 */
	static final String PROTOTYPE_REVIEW_TIMER = "timer_prototypeReviewOverdue";

	static final String ESCALATION = "serviceTask_escalatePrototypeReview";

	final String url;

	private final String user;

	private final String password;

	ClusterDatabase(String url, String user, String password) {
		this.url = url;
		this.user = user;
		this.password = password;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(url, user, password);
	}

	/** A fresh start on a database used before (a rerun on a developer's machine). */
	void empty() throws SQLException {
		try (Connection db = connect(); var statement = db.createStatement()) {
			statement.execute("drop schema if exists public cascade");
			statement.execute("create schema public");
		}
	}

	/**
	 * An API token as an ADMIN issues it under API tokens (only the secret's SHA-256 is
	 * stored); ScaleGate has no API that issues tokens.
	 */
	String issueToken(String name, String role) throws Exception {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		String secret = "sgt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String hash = HexFormat.of()
			.formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes("UTF-8")));
		update("insert into api_token (name, secret_hash, role, created_by, created_at) values (?, ?, ?, 'admin', now())",
				name, hash, role);
		return secret;
	}

	/** Makes every prototype review timer not yet due, due now: jobs all due at once. */
	int makeReviewTimersDue() throws SQLException {
		return update("""
				update act_ru_job set duedate_ = now() - interval '1 second'
				where handler_type_ = 'timer-transition' and duedate_ > now()
				  and job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = ?)""", PROTOTYPE_REVIEW_TIMER);
	}

	/** The jobs some node holds locked now. */
	List<String> lockedJobs() throws SQLException {
		return strings("select id_ from act_ru_job where lock_owner_ is not null and lock_exp_time_ > now()");
	}

	/** How many job executors hold locks now (one per node that acquired). */
	long lockOwners() throws SQLException {
		return number("select count(distinct lock_owner_) from act_ru_job where lock_exp_time_ > now()");
	}

	/** How many of these jobs are still there (a job is deleted when it has run). */
	long remaining(Collection<String> jobs) throws SQLException {
		return number("select count(*) from act_ru_job where id_ = any(?)", jobs);
	}

	long dueJobs() throws SQLException {
		return number("select count(*) from act_ru_job where duedate_ <= now() and retries_ > 0");
	}

	long count(String sql, Object... parameters) throws SQLException {
		return number(sql, parameters);
	}

	List<String> strings(String sql, Object... parameters) throws SQLException {
		try (Connection db = connect();
				PreparedStatement statement = prepare(db, sql, parameters);
				ResultSet rows = statement.executeQuery()) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
	}

	Map<String, Long> counts(String sql, Object... parameters) throws SQLException {
		try (Connection db = connect();
				PreparedStatement statement = prepare(db, sql, parameters);
				ResultSet rows = statement.executeQuery()) {
			Map<String, Long> values = new LinkedHashMap<>();
			while (rows.next()) {
				values.put(rows.getString(1), rows.getLong(2));
			}
			return values;
		}
	}

	private long number(String sql, Object... parameters) throws SQLException {
		try (Connection db = connect();
				PreparedStatement statement = prepare(db, sql, parameters);
				ResultSet rows = statement.executeQuery()) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private int update(String sql, Object... parameters) throws SQLException {
		try (Connection db = connect(); PreparedStatement statement = prepare(db, sql, parameters)) {
			return statement.executeUpdate();
		}
	}

	private static PreparedStatement prepare(Connection db, String sql, Object... parameters) throws SQLException {
		PreparedStatement statement = db.prepareStatement(sql);
		for (int i = 0; i < parameters.length; i++) {
			Object parameter = parameters[i];
			if (parameter instanceof Collection<?> values) {
				statement.setArray(i + 1, db.createArrayOf("text", values.toArray()));
			}
			else {
				statement.setObject(i + 1, parameter);
			}
		}
		return statement;
	}

}
