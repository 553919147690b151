package io.scalegate.comment;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import io.scalegate.base.Sha256;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment was posted on a product or one of its tasks. The trail keeps the body's
 * SHA-256 (so it proves what was said without holding the text twice), its length, the
 * task and who was mentioned, filed under the product.
 */
public record CommentPosted(long commentId, String partNumber, String taskId, String taskName, String author,
		String body, List<String> mentioned, List<String> unrecognised) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("commentId", commentId);
		if (taskId != null) {
			details.put("taskId", taskId);
			details.put("taskName", taskName);
		}
		details.put("bodySha256", Sha256.hex(body));
		details.put("length", body.length());
		details.put("mentioned", mentioned);
		if (!unrecognised.isEmpty()) {
			details.put("unrecognised", unrecognised);
		}
		return new AuditNote(AuditAction.COMMENT_POSTED, AuditSubject.PRODUCT, partNumber, author, details);
	}

}
