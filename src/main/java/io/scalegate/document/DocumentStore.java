package io.scalegate.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code document} table: metadata read apart from the content. */
@Component
class DocumentStore {

	private static final String COLUMNS = """
			id, part_number, kind, version, file_name, media_type, size_bytes, sha256, uploaded_by, uploaded_at,
			task_id, task_key, evidence_kind, evidence_id, gate""";

	private static final String ORDER = " order by uploaded_at desc, kind, version desc";

	private final JdbcClient jdbc;

	DocumentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the product's row: its uploads get their versions one after the other. */
	void lockProduct(String partNumber) {
		jdbc.sql("select id from product where part_number = :partNumber for update")
			.param("partNumber", partNumber)
			.query(Long.class)
			.single();
	}

	int nextVersion(String partNumber, DocumentKind kind) {
		return jdbc.sql("select coalesce(max(version), 0) + 1 from document where part_number = :pn and kind = :kind")
			.param("pn", partNumber)
			.param("kind", kind.name())
			.query(Integer.class)
			.single();
	}

	void insert(Document document, byte[] content) {
		DocumentLinks links = document.links();
		jdbc.sql("insert into document (" + COLUMNS + ", content) values (:id, :pn, :kind, :version, :fileName,"
				+ " :mediaType, :size, :sha256, :by, :at, :taskId, :taskKey, :evidenceKind, :evidenceId, :gate,"
				+ " :content)")
			.param("id", document.id())
			.param("pn", document.partNumber())
			.param("kind", document.kind().name())
			.param("version", document.version())
			.param("fileName", document.fileName())
			.param("mediaType", document.mediaType())
			.param("size", document.sizeBytes())
			.param("sha256", document.sha256())
			.param("by", document.uploadedBy())
			.param("at", Timestamp.from(document.uploadedAt()))
			.param("taskId", links.taskId())
			.param("taskKey", links.taskKey())
			.param("evidenceKind", links.evidenceKind())
			.param("evidenceId", links.evidenceId())
			.param("gate", links.gate())
			.param("content", content)
			.update();
	}

	List<Document> where(String condition, Object... params) {
		var statement = jdbc.sql("select " + COLUMNS + " from document where " + condition + ORDER);
		for (Object param : params) {
			statement = statement.param(param);
		}
		return statement.query(DocumentStore::document).list();
	}

	Optional<Document> find(String partNumber, String id) {
		return where("part_number = ? and id = ?", partNumber, id).stream().findFirst();
	}

	byte[] content(String id) {
		return jdbc.sql("select content from document where id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getBytes(1))
			.single();
	}

	private static Document document(ResultSet rs, int row) throws SQLException {
		long evidenceId = rs.getLong("evidence_id");
		Long evidence = rs.wasNull() ? null : evidenceId;
		return new Document(rs.getString("id"), rs.getString("part_number"), DocumentKind.valueOf(rs.getString("kind")),
				rs.getInt("version"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
				rs.getString("sha256"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant(),
				new DocumentLinks(rs.getString("task_id"), rs.getString("task_key"), rs.getString("evidence_kind"),
						evidence, rs.getString("gate")));
	}

}
