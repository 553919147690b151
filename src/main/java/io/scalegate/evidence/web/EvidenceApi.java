package io.scalegate.evidence.web;

import io.scalegate.base.web.Idempotency;
import io.scalegate.evidence.CapabilityStudies;
import io.scalegate.evidence.CapabilityStudy;
import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.CostEstimates;
import io.scalegate.evidence.CustomerFeedback;
import io.scalegate.evidence.CustomerFeedbacks;
import io.scalegate.evidence.CustomerOrder;
import io.scalegate.evidence.CustomerOrders;
import io.scalegate.evidence.DesignChange;
import io.scalegate.evidence.DesignChangeEntry;
import io.scalegate.evidence.DesignChanges;
import io.scalegate.evidence.EvidenceEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.evidence.FeedbackEntry;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.evidence.SmallBatches;
import io.scalegate.product.ProductService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import io.scalegate.security.Role;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.ResponseEntity;
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
 * Evidence for other systems (ERP, MES, quality): post and read each kind per product. Who may post
 * is {@link io.scalegate.evidence.EvidenceKind#recorders()}, as in the UI; everyone signed in may read. Posting
 * to a product on Hold re-runs its readiness check.
 */
@RestController
@RequestMapping("/api/products/{partNumber}")
@Tag(name = "Evidence")
class EvidenceApi {

	private final EvidenceRecorder recorder;

	private final ProductService products;

	private final Idempotency idempotency;

	private final SmallBatches batches;

	private final CustomerOrders orders;

	private final CustomerFeedbacks feedback;

	private final CostEstimates costs;

	private final DesignChanges changes;

	private final CapabilityStudies studies;

	EvidenceApi(EvidenceRecorder recorder, ProductService products, Idempotency idempotency, SmallBatches batches,
			CustomerOrders orders, CustomerFeedbacks feedback, CostEstimates costs, DesignChanges changes,
			CapabilityStudies studies) {
		this.recorder = recorder;
		this.products = products;
		this.idempotency = idempotency;
		this.batches = batches;
		this.orders = orders;
		this.feedback = feedback;
		this.costs = costs;
		this.changes = changes;
		this.studies = studies;
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
		return batches.findByProductIdOrderByPromisedOnAscIdAsc(productId(partNumber));
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
		return orders.findByProductIdOrderByOrderMonthAscIdAsc(productId(partNumber));
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
		return feedback.findByProductIdOrderByReceivedOnAscIdAsc(productId(partNumber));
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
		return costs.findByProductIdOrderByEstimatedOnAscIdAsc(productId(partNumber));
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
		return changes.findByProductIdOrderByChangedOnAscIdAsc(productId(partNumber));
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
		return studies.findByProductIdOrderByStudiedOnAscIdAsc(productId(partNumber));
	}

	private ResponseEntity<?> record(String partNumber, String collection, EvidenceEntry<?> entry, String key,
			Authentication caller) {
		if (entry == null) {
			throw new io.scalegate.base.InvalidInput("body", "is required");
		}
		Set<Role> roles = caller.getAuthorities()
			.stream()
			.map(authority -> authority.getAuthority().replaceFirst("^ROLE_", ""))
			.filter(name -> Arrays.stream(Role.values()).anyMatch(role -> role.name().equals(name)))
			.map(Role::valueOf)
			.collect(Collectors.toSet());
		if (!entry.kind().recordableBy(roles)) {
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
