package io.scalegate.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.base.ui.ErrorHandling;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.relational.core.conversion.DbActionExecutionException;

/**
 * Every way two writers collide is a {@link Conflict}, however wrapped; anything else is
 * not (it stays a 500 or "nothing was saved").
 */
class ConflictTest {

	@Test
	void aDuplicateKeyWrappedBySpringDataJdbcNamesItsConstraint() {
		var wrapped = new DbActionExecutionException(null,
				new DuplicateKeyException("PreparedStatementCallback; ERROR: duplicate key value violates "
						+ "unique constraint \"small_batch_number_unique\""));

		Conflict conflict = Conflict.of(wrapped);

		assertThat(conflict.field()).isEqualTo("key");
		assertThat(conflict.getMessage()).contains("small_batch_number_unique");
		assertThat(conflict.retry()).isFalse();
	}

	@Test
	void h2sUniqueViolationByItsSqlState() {
		var h2 = new DataIntegrityViolationException("x", new SQLException(
				"Unique index or primary key violation: \"PUBLIC.PRODUCT_PART_NUMBER_UNIQUE_INDEX_8 ON PUBLIC.PRODUCT\"",
				"23505"));

		assertThat(Conflict.of(h2).getMessage()).contains("product_part_number_unique_index_8");
	}

	@Test
	void theEnginesOptimisticLockAndLockTimeoutsMayBeRetried() {
		assertThat(Conflict.of(new ProcessEngineException("wrapped", new OptimisticLockingException("rev 3"))))
			.satisfies(c -> assertThat(c.retry()).isTrue())
			.satisfies(c -> assertThat(c.getMessage()).contains("process data"));
		assertThat(Conflict.of(new OptimisticLockingFailureException("version 2")).retry()).isTrue();
		assertThat(Conflict.of(new CannotAcquireLockException("55P03")).field()).isEqualTo("lock");
		assertThat(Conflict.of(new RuntimeException(new SQLException("deadlock detected", "40P01"))).retry()).isTrue();
		assertThat(Conflict.of(new RuntimeException(new SQLException("Timeout trying to lock table", "HYT00"))))
			.isNotNull();
		assertThat(Conflict.of(new SQLTransientConnectionException("pool timed out"))).isNotNull();
	}

	@Test
	void otherFailuresAreNoConflict() {
		assertThat(Conflict.of(new IllegalStateException("bug"))).isNull();
		assertThat(Conflict.of(new RuntimeException(new SQLException("no state")))).isNull();
		assertThat(Conflict.of(new DataIntegrityViolationException("not null", new SQLException("null", "23502"))))
			.isNull();
	}

	@Test
	void theUiShowsAConflictAsAPersonsMessage() {
		var wrapped = new ProcessEngineException("wrapped", new OptimisticLockingException("rev 3"));

		assertThat(ErrorHandling.invalidInput(wrapped)).isInstanceOf(Conflict.class)
			.satisfies(c -> assertThat(c.getMessage()).contains("at the same moment"));
		assertThat(ErrorHandling.invalidInput(new IllegalStateException("bug"))).isNull();
	}

}
