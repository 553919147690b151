package io.scalegate.comment.web;

import io.scalegate.base.web.Idempotency;
import io.scalegate.comment.Comment;
import io.scalegate.comment.CommentService;
import io.scalegate.comment.CommentService.Posted;
import io.scalegate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Comments on a product and its tasks (docs/adr/0023): everyone signed in reads them;
 * everyone but a read-only auditor posts ({@link CommentService#POSTERS}). Comments are
 * never changed or deleted: a correction is a new comment. {@code @userid} mentions tell
 * the enabled users named; names no enabled user has are listed in {@code unrecognised}.
 */
@RestController
@Tag(name = "Comments")
@PreAuthorize("isAuthenticated()")
class CommentsApi {

	private final CommentService comments;

	private final Idempotency idempotency;

	CommentsApi(CommentService comments, Idempotency idempotency) {
		this.comments = comments;
		this.idempotency = idempotency;
	}

	@GetMapping("/api/products/{partNumber}/comments")
	@Operation(summary = "The product's comments, its own and its tasks', newest first (the latest 500)")
	List<Comment> ofProduct(@PathVariable String partNumber) {
		return comments.ofProduct(partNumber);
	}

	@GetMapping("/api/products/{partNumber}/comments/{id}")
	@Operation(summary = "One comment of the product")
	Comment one(@PathVariable String partNumber, @PathVariable long id) {
		return comments.get(partNumber, id);
	}

	@PostMapping("/api/products/{partNumber}/comments")
	@Operation(summary = "Comment on the product (at most " + CommentService.BODY_LIMIT
			+ " characters; @userid mentions tell those users); not for AUDITOR")
	ResponseEntity<?> postOnProduct(@PathVariable String partNumber, @RequestBody(required = false) NewComment request,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return idempotency.once(caller.getName(), key, List.of("POST", partNumber, "comments", body(request)),
				() -> created(comments.postOnProduct(partNumber, body(request), caller.getName(),
						Role.of(caller.getAuthorities()))));
	}

	@GetMapping("/api/tasks/{taskId}/comments")
	@Operation(summary = "The comments on a task of a product's lifecycle, open or completed, newest first")
	List<Comment> ofTask(@PathVariable String taskId) {
		return comments.ofTask(taskId);
	}

	@PostMapping("/api/tasks/{taskId}/comments")
	@Operation(summary = "Comment on a task of a product's lifecycle, open or completed (at most "
			+ CommentService.BODY_LIMIT + " characters; @userid mentions tell those users); not for AUDITOR")
	ResponseEntity<?> postOnTask(@PathVariable String taskId, @RequestBody(required = false) NewComment request,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return idempotency
			.once(caller.getName(), key, List.of("POST", "task", taskId, "comments", body(request)), () -> created(
					comments.postOnTask(taskId, body(request), caller.getName(), Role.of(caller.getAuthorities()))));
	}

	private static String body(NewComment request) {
		return request == null || request.body() == null ? "" : request.body();
	}

	private static ResponseEntity<?> created(Posted posted) {
		Comment c = posted.comment();
		return ResponseEntity.created(URI.create("/api/products/" + c.partNumber() + "/comments/" + c.id()))
			.body(new CreatedComment(c.id(), c.partNumber(), c.taskId(), c.taskName(), c.author(), c.authorName(),
					c.body(), c.createdAt(), c.mentions(), posted.notified(), posted.unrecognised()));
	}

	/** A new comment. */
	record NewComment(@Schema(description = "the text; @userid mentions a user", maxLength = CommentService.BODY_LIMIT,
			requiredMode = Schema.RequiredMode.REQUIRED) String body) {
	}

	/**
	 * The comment posted, who was told ({@code notified}: the mentioned enabled users but
	 * the author) and the mentioned names no enabled user has ({@code unrecognised}:
	 * nobody was told).
	 */
	record CreatedComment(long id, String partNumber, String taskId, String taskName, String author, String authorName,
			String body, Instant createdAt, List<String> mentions, List<String> notified, List<String> unrecognised) {
	}

}
