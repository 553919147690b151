package io.scalegate.audit;

import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads the trail by an {@link AuditQuery}, newest first, paged in the database. A search
 * by a product's part number also finds the entries filed under its tasks (signatures,
 * assignments, refusals). What is committed but unsealed is sealed first, so that a
 * reader sees what was done before it asked (ADR 0028).
 */
@Component
public class AuditSearch {

	/** The most task ids a product search adds (a lifecycle has about a dozen tasks). */
	static final int TASKS_PER_PRODUCT = 2000;

	private final JdbcClient jdbc;

	private final ProductTasks tasks;

	private final AuditTrail trail;

	AuditSearch(JdbcClient jdbc, ObjectProvider<ProductTasks> tasks, AuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.tasks = tasks.getIfAvailable(() -> (partNumber, limit) -> List.of());
	}

	public List<AuditEntry> page(AuditQuery query, long offset, int limit) {
		trail.sealCommitted();
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(query, params);
		return jdbc
			.sql("select * from audit_entry" + where + " order by id desc offset " + Math.max(0, offset)
					+ " rows fetch next " + Math.max(1, limit) + " rows only")
			.params(params)
			.query(AuditTrail::entry)
			.list();
	}

	public long count(AuditQuery query) {
		trail.sealCommitted();
		Map<String, Object> params = new LinkedHashMap<>();
		return jdbc.sql("select count(*) from audit_entry" + where(query, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Every matching entry, oldest first, handed over in pages by id (exports): entries
	 * are only ever added beyond the last, so pages need no transaction around them.
	 */
	public void each(AuditQuery query, Consumer<AuditEntry> consumer) {
		trail.sealCommitted();
		Map<String, Object> params = new LinkedHashMap<>();
		String where = where(query, params);
		long after = 0;
		while (true) {
			params.put("after", after);
			List<AuditEntry> page = jdbc
				.sql("select * from audit_entry" + (where.isEmpty() ? " where" : where + " and")
						+ " id > :after order by id fetch first 2000 rows only")
				.params(params)
				.query(AuditTrail::entry)
				.list();
			if (page.isEmpty()) {
				return;
			}
			page.forEach(consumer);
			after = page.get(page.size() - 1).id();
		}
	}

	private String where(AuditQuery query, Map<String, Object> params) {
		List<String> parts = new ArrayList<>();
		if (query.actor() != null && !query.actor().isBlank()) {
			// and what the system did on the person's behalf (a gate evaluated after
			// their
			// signature)
			parts.add("(actor = :actor or (actor = '" + AuditNote.SYSTEM
					+ "' and details like :onBehalfOf escape '\\'))");
			params.put("actor", query.actor().strip());
			params.put("onBehalfOf",
					"%\"" + AuditNote.ON_BEHALF_OF + "\":\"" + likeLiteral(query.actor().strip()) + "\"%");
		}
		if (query.actions() != null && !query.actions().isEmpty()) {
			parts.add("action in (:actions)");
			params.put("actions", query.actions().stream().map(Enum::name).toList());
		}
		boolean bySubject = query.subjectId() != null && !query.subjectId().isBlank();
		String subject = query.subjectType() == null ? "" : "subject_type = :type";
		if (query.subjectType() != null) {
			params.put("type", query.subjectType().name());
		}
		if (bySubject) {
			subject = (subject.isEmpty() ? "" : subject + " and ") + "subject_id = :subject";
			params.put("subject", query.subjectId().strip());
			List<String> taskIds = query.subjectType() == null || query.subjectType() == AuditSubject.PRODUCT
					? tasks.taskIds(query.subjectId().strip(), TASKS_PER_PRODUCT) : List.of();
			if (!taskIds.isEmpty()) {
				// a product's signatures and other task entries are filed under its tasks
				subject = "(" + subject + " or (subject_type = 'TASK' and subject_id in (:tasks)))";
				params.put("tasks", taskIds);
			}
		}
		if (!subject.isEmpty()) {
			parts.add(subject);
		}
		if (query.from() != null) {
			parts.add("occurred_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			parts.add("occurred_at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		if (query.detailsContain() != null && !query.detailsContain().isBlank()) {
			parts.add("details like :text escape '\\'");
			params.put("text", "%" + likeLiteral(query.detailsContain().strip()) + "%");
		}
		return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
	}

	/** Text matched literally by {@code like … escape '\'}. */
	private static String likeLiteral(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
