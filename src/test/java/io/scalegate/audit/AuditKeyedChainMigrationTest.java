package io.scalegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Sha256;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A trail written before V6 (plain SHA-256) migrates to the keyed chain: its entries get
 * the key id {@code sha256}, and they verify once a keyed entry (written at the first
 * start) follows them.
 */
class AuditKeyedChainMigrationTest {

	@Test
	void entriesOfBeforeKeysVerifyAsAPrefixSealedAtStart() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:v5-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("5").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		String previous = AuditTrail.GENESIS;
		for (long id = 1; id <= 3; id++) {
			AuditEntry entry = new AuditEntry(id, Instant.parse("2026-11-30T10:00:00Z").plusSeconds(id), "engineer",
					AuditAction.PRODUCT_REGISTERED, AuditSubject.PRODUCT, "BRK-" + id, "{}", previous, null,
					AuditTrail.LEGACY_KEY_ID);
			String hash = Sha256.hex(entry.content());
			jdbc.sql("insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details,"
					+ " previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(id, Timestamp.from(entry.occurredAt()), entry.actor(), entry.action().name(),
						entry.subjectType().name(), entry.subjectId(), entry.details(), previous, hash)
				.update();
			jdbc.sql("update audit_head set last_id = ?, last_hash = ? where id = 1").params(id, hash).update();
			previous = hash;
		}

		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		AuditKey key = new AuditKey("k1", "thirty-two-bytes-of-key-material-1".getBytes(StandardCharsets.UTF_8));
		AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC(), new ObjectMapper(), new AuditKeys(key, List.of(), 3),
				new DataSourceTransactionManager(dataSource));

		assertThat(jdbc.sql("select distinct key_id from audit_entry").query(String.class).list())
			.containsExactly("sha256");
		AuditVerification unsealed = trail.verify();
		assertThat(unsealed.intact()).isFalse();
		assertThat(unsealed.problem()).contains("no keyed entry follows the plain SHA-256 entries 1 to 3");

		trail.sealWithCurrentKey();
		trail.sealWithCurrentKey();
		trail.append("admin", AuditAction.USER_CHANGED, AuditSubject.USER, "admin", Map.of());

		assertThat(trail.verify()).isEqualTo(AuditVerification.intact(5));
		assertThat(jdbc.sql("select action from audit_entry where id = 4").query(String.class).single())
			.isEqualTo("AUDIT_KEY_CHANGED");
		// a plain hash after the keyed entries does not pass as one of before keys
		jdbc.sql("update audit_entry set key_id = 'sha256', entry_hash = ? where id = 5")
			.param(Sha256.hex(trail.verify().toString()))
			.update();
		assertThat(trail.verify().problem()).contains("plain SHA-256 hash after keyed entries");
	}

	@Test
	void plainEntriesBeyondTheOnesVouchedForAreARewriteEvenWhenSealed() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:v6-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(dataSource);
		AuditKey key = new AuditKey("k1", "thirty-two-bytes-of-key-material-1".getBytes(StandardCharsets.UTF_8));
		AuditTrail trail = new AuditTrail(jdbc, Clock.systemUTC(), new ObjectMapper(), new AuditKeys(key, List.of()),
				new DataSourceTransactionManager(dataSource));
		for (int n = 0; n < 3; n++) {
			trail.append("engineer", AuditAction.PRODUCT_REGISTERED, AuditSubject.PRODUCT, "BRK-" + n, Map.of());
		}
		assertThat(trail.verify().intact()).isTrue();

		// an attacker who can write the table relabels every entry as one of before keys,
		// rehashes it with plain SHA-256 and lets the application seal it at its next
		// start
		String previous = AuditTrail.GENESIS;
		for (long id = 1; id <= 3; id++) {
			AuditEntry stored = jdbc.sql("select * from audit_entry where id = ?")
				.param(id)
				.query(AuditTrail::entry)
				.single();
			AuditEntry relabelled = new AuditEntry(id, stored.occurredAt(), stored.actor(), stored.action(),
					stored.subjectType(), stored.subjectId(), stored.details().replace("BRK", "XXX"), previous, null,
					AuditTrail.LEGACY_KEY_ID);
			String hash = Sha256.hex(relabelled.content());
			jdbc.sql(
					"update audit_entry set key_id = 'sha256', details = ?, previous_hash = ?, entry_hash = ? where id = ?")
				.params(relabelled.details(), previous, hash, id)
				.update();
			previous = hash;
		}
		jdbc.sql("update audit_head set last_hash = ?, last_key_id = 'sha256' where id = 1").param(previous).update();
		trail.sealWithCurrentKey();

		AuditVerification verdict = trail.verify();
		assertThat(verdict.intact()).isFalse();
		assertThat(verdict.firstBrokenEntry()).isEqualTo(1);
		assertThat(verdict.problem()).contains("SCALEGATE_AUDIT_PLAIN_ENTRIES");
	}

}
