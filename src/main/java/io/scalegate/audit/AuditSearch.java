package io.scalegate.audit;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the trail by an {@link AuditQuery}, newest first, paged in the database. */
@Component
public class AuditSearch {

	private final JdbcClient jdbc;

	AuditSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AuditEntry> page(AuditQuery query, long offset, int limit) {
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
		Map<String, Object> params = new LinkedHashMap<>();
		return jdbc.sql("select count(*) from audit_entry" + where(query, params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Every matching entry, oldest first, handed over in pages (exports). */
	@Transactional(readOnly = true)
	public void each(AuditQuery query, Consumer<AuditEntry> consumer) {
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

	private static String where(AuditQuery query, Map<String, Object> params) {
		List<String> parts = new ArrayList<>();
		if (query.actor() != null && !query.actor().isBlank()) {
			parts.add("actor = :actor");
			params.put("actor", query.actor().strip());
		}
		if (query.actions() != null && !query.actions().isEmpty()) {
			parts.add("action in (:actions)");
			params.put("actions", query.actions().stream().map(Enum::name).toList());
		}
		if (query.subjectType() != null) {
			parts.add("subject_type = :type");
			params.put("type", query.subjectType().name());
		}
		if (query.subjectId() != null && !query.subjectId().isBlank()) {
			parts.add("subject_id = :subject");
			params.put("subject", query.subjectId().strip());
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
			params.put("text",
					"%" + query.detailsContain().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
							+ "%");
		}
		return parts.isEmpty() ? "" : " where " + String.join(" and ", parts);
	}

}
