package io.scalegate.task;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indexes for the inbox's first page on Camunda's task table, created once the engine has
 * created its tables (Flyway runs before the engine, so a migration cannot). Camunda's
 * task query is {@code select distinct ... order by <column>, ID_ limit 50}: without an
 * index that starts with the sort column, PostgreSQL sorts every open task (0.3 s at
 * 100,000 tasks); with one it reads about 50 rows in order (docs/benchmarks.md). Same
 * statement on H2 and PostgreSQL; the {@code sg_} prefix keeps them apart from Camunda's.
 */
@Component
class InboxIndexes {

	private static final Logger log = LoggerFactory.getLogger(InboxIndexes.class);

	InboxIndexes(ProcessEngine engine, JdbcClient jdbc) {
		create(jdbc, "create index if not exists sg_idx_task_due_id on act_ru_task (due_date_, id_)");
		create(jdbc, "create index if not exists sg_idx_task_name_id on act_ru_task (name_, id_)");
	}

	private static void create(JdbcClient jdbc, String statement) {
		try {
			jdbc.sql(statement).update();
		}
		catch (DataAccessException e) {
			// another node created it at the same moment, or the account may not create
			// indexes: the inbox works without, only slower at scale
			log.warn("Inbox index not created ({}): {}", statement, e.getMessage());
		}
	}

}
