package io.scalegate.audit.web;

import io.scalegate.audit.AuditCheckpoint;
import io.scalegate.audit.AuditCheckpoints;
import io.scalegate.audit.AuditCsv;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.audit.AuditTrail;
import io.scalegate.audit.AuditVerification;
import io.scalegate.audit.CheckpointCheck;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.InvalidInput;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The audit trail for auditors and administrators: read, export, and prove it intact. */
@RestController
@RequestMapping("/api/audit")
@Tag(name = "Audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class AuditApi {

	private final AuditTrail trail;

	private final AuditSearch search;

	private final AuditCsv csv;

	private final AuditCheckpoints checkpoints;

	AuditApi(AuditTrail trail, AuditSearch search, AuditCsv csv, AuditCheckpoints checkpoints) {
		this.trail = trail;
		this.search = search;
		this.csv = csv;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/checkpoint")
	@Operation(summary = "A signed checkpoint of the chain's head (entry, hash, time, key id, Ed25519 signature)"
			+ " to keep outside ScaleGate and compare later")
	ResponseEntity<AuditCheckpoint> checkpoint() {
		AuditCheckpoint checkpoint = checkpoints.export();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"scalegate-audit-checkpoint-" + checkpoint.entry() + ".json\"")
			.body(checkpoint);
	}

	@PostMapping("/checkpoint/verify")
	@Operation(summary = "Compare a checkpoint with the trail: is the signature ScaleGate's, and does its entry"
			+ " still have that hash")
	CheckpointCheck checkCheckpoint(@RequestBody AuditCheckpoint checkpoint) {
		return checkpoints.check(checkpoint);
	}

	@GetMapping("/checkpoint/keys")
	@Operation(summary = "The Ed25519 public keys (X.509, base64) that check checkpoints, by key id")
	Map<String, String> checkpointKeys() {
		return checkpoints.publicKeys();
	}

	@GetMapping("/verify")
	@Operation(summary = "Walk the hash chain: intact, number of entries, first entry that does not fit")
	AuditVerification verify() {
		return trail.verify();
	}

	@GetMapping
	@Operation(summary = "Trail entries, newest first")
	AuditPage entries(@RequestParam(required = false) String actor,
			@RequestParam(required = false) Set<AuditAction> action,
			@RequestParam(required = false) AuditSubject subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String text, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "100") int size) {
		if (page < 0) {
			throw new InvalidInput("page", "must not be negative");
		}
		if (size < 1 || size > 1000) {
			throw new InvalidInput("size", "must be between 1 and 1000");
		}
		refuseBlank(action);
		AuditQuery query = new AuditQuery(actor, action == null ? Set.of() : action, subjectType, subjectId, from, to,
				text);
		// a long: page × size beyond the int range is a page past the end, not an
		// overflow
		long offset = (long) page * size;
		long total = search.count(query);
		return new AuditPage(offset >= total ? List.of() : search.page(query, offset, size), page, size, total);
	}

	@GetMapping(value = "/export", produces = "text/csv")
	@Operation(summary = "The matching entries as CSV, oldest first, with their hashes")
	ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String actor,
			@RequestParam(required = false) Set<AuditAction> action,
			@RequestParam(required = false) AuditSubject subjectType, @RequestParam(required = false) String subjectId,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) String text) {
		refuseBlank(action);
		AuditQuery query = new AuditQuery(actor, action == null ? Set.of() : action, subjectType, subjectId, from, to,
				text);
		StreamingResponseBody body = out -> {
			OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
			// the CSV printer flushes and closes the writer when done
			csv.write(query, writer, written -> {
			});
		};
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scalegate-audit-trail.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(body);
	}

	/** "action=%00" reads as a set holding null: refused, naming the parameter. */
	private static void refuseBlank(Set<AuditAction> action) {
		if (action != null && action.contains(null)) {
			throw new InvalidInput("action",
					"a blank value cannot be read: expected one of " + java.util.Arrays.toString(AuditAction.values()));
		}
	}

	record AuditPage(List<AuditEntry> items, int page, int size, long total) {
	}

}
