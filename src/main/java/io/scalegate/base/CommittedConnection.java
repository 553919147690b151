package io.scalegate.base;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Work after a transaction's commit, on the connection the committed transaction still
 * holds: Spring keeps it bound to the thread until the transaction manager cleans up, and
 * {@code JdbcClient} on the same data source writes through it. A transaction of its own
 * would take a second connection while the first is held; once every connection of the
 * pool is held that way, every writer waits for the pool's timeout (issue 17). Each
 * {@link #commit()} ends a unit of the work; whatever is not committed when this closes
 * is rolled back, and the connection is handed back.
 */
public final class CommittedConnection implements AutoCloseable {

	private final DataSource dataSource;

	private final Connection connection;

	private CommittedConnection(DataSource dataSource) {
		this.dataSource = dataSource;
		this.connection = DataSourceUtils.getConnection(dataSource);
	}

	/** The connection this thread holds for {@code dataSource} (or a new one). */
	public static CommittedConnection of(DataSource dataSource) {
		return new CommittedConnection(dataSource);
	}

	/** Commits what was written since the last commit (a no-op in auto-commit). */
	public void commit() throws SQLException {
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	/** Drops what was written since the last commit. */
	public void rollBack() {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ignored) {
			// the connection goes back to the pool, which rolls back what is left
		}
	}

	@Override
	public void close() {
		rollBack();
		DataSourceUtils.releaseConnection(connection, dataSource);
	}

}
