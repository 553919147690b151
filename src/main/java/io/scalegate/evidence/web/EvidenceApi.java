package io.scalegate.evidence.web;

import io.scalegate.base.web.Idempotency;
import io.scalegate.evidence.CapabilityStudy;
import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.CustomerFeedback;
import io.scalegate.evidence.CustomerOrder;
import io.scalegate.evidence.DesignChange;
import io.scalegate.evidence.DesignChangeEntry;
import io.scalegate.evidence.EvidenceEntry;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.evidence.FeedbackEntry;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.product.ProductService;
import io.scalegate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Evidence for other systems (ERP, MES, quality): post and read each kind per product.
 * Who may post is {@link io.scalegate.evidence.EvidenceKind#recorders()}, as in the UI;
 * everyone signed in may read. Posting to a product on Hold re-runs its readiness check.
 */
@RestController
@RequestMapping("/api/products/{partNumber}")
@Tag(name = "Evidence")
class EvidenceApi {

	private final EvidenceRecorder recorder;

	private final ProductService products;

	private final Idempotency idempotency;

	private final EvidenceRows rows;

	EvidenceApi(EvidenceRecorder recorder, ProductService products, Idempotency idempotency, EvidenceRows rows) {
		this.recorder = recorder;
		this.products = products;
		this.idempotency = idempotency;
		this.rows = rows;
	}

	@PostMapping("/small-batches")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a small batch: quantity, dimensional, finish and inspection results, delivery dates")
	ResponseEntity<?> postBatch(@PathVariable String partNumber, @RequestBody SmallBatchEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "small-batches", entry, key, caller);
	}

	@GetMapping("/small-batches")
	@PreAuthorize("isAuthenticated()")
	List<SmallBatch> batches(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.SMALL_BATCH, productId(partNumber));
	}

	@PostMapping("/orders")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a customer's order quantity for a month")
	ResponseEntity<?> postOrder(@PathVariable String partNumber, @RequestBody OrderEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "orders", entry, key, caller);
	}

	@GetMapping("/orders")
	@PreAuthorize("isAuthenticated()")
	List<CustomerOrder> orders(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.ORDER, productId(partNumber));
	}

	@PostMapping("/feedback")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record customer feedback (POSITIVE, MIXED or NEGATIVE)")
	ResponseEntity<?> postFeedback(@PathVariable String partNumber, @RequestBody FeedbackEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "feedback", entry, key, caller);
	}

	@GetMapping("/feedback")
	@PreAuthorize("isAuthenticated()")
	List<CustomerFeedback> feedback(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.FEEDBACK, productId(partNumber));
	}

	@PostMapping("/cost-estimates")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a cost estimate: unit costs, tooling investment, forecast annual volume")
	ResponseEntity<?> postCost(@PathVariable String partNumber, @RequestBody CostEstimateEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "cost-estimates", entry, key, caller);
	}

	@GetMapping("/cost-estimates")
	@PreAuthorize("isAuthenticated()")
	List<CostEstimate> costs(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.COST_ESTIMATE, productId(partNumber));
	}

	@PostMapping("/design-changes")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a design change")
	ResponseEntity<?> postChange(@PathVariable String partNumber, @RequestBody DesignChangeEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "design-changes", entry, key, caller);
	}

	@GetMapping("/design-changes")
	@PreAuthorize("isAuthenticated()")
	List<DesignChange> changes(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.DESIGN_CHANGE, productId(partNumber));
	}

	@PostMapping("/capability-studies")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Record a process capability study of one characteristic")
	ResponseEntity<?> postStudy(@PathVariable String partNumber, @RequestBody CapabilityStudyEntry entry,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return record(partNumber, "capability-studies", entry, key, caller);
	}

	@GetMapping("/capability-studies")
	@PreAuthorize("isAuthenticated()")
	List<CapabilityStudy> studies(@PathVariable String partNumber) {
		return rows.of(EvidenceKind.CAPABILITY_STUDY, productId(partNumber));
	}

	private ResponseEntity<?> record(String partNumber, String collection, EvidenceEntry<?> entry, String key,
			Authentication caller) {
		if (entry == null) {
			throw new io.scalegate.base.InvalidInput("body", "is required");
		}
		if (!entry.kind().recordableBy(Role.of(caller.getAuthorities()))) {
			throw new AccessDeniedException(entry.kind().label() + " are recorded by " + entry.kind().recorders());
		}
		return idempotency.once(caller.getName(), key, List.of("POST", partNumber, collection, entry), () -> {
			EvidenceRow row = recorder.record(partNumber, entry, caller.getName());
			return ResponseEntity.created(URI.create("/api/products/" + partNumber + "/" + collection + "/" + row.id()))
				.body(row);
		});
	}

	private long productId(String partNumber) {
		return products.get(partNumber).id();
	}

}
