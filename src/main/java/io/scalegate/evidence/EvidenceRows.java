package io.scalegate.evidence;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A product's rows of one kind of evidence, in the order people read them (by date, then
 * as recorded).
 */
@Component
public class EvidenceRows {

	private final SmallBatches batches;

	private final CustomerOrders orders;

	private final CustomerFeedbacks feedback;

	private final CostEstimates costs;

	private final DesignChanges changes;

	private final CapabilityStudies studies;

	EvidenceRows(SmallBatches batches, CustomerOrders orders, CustomerFeedbacks feedback, CostEstimates costs,
			DesignChanges changes, CapabilityStudies studies) {
		this.batches = batches;
		this.orders = orders;
		this.feedback = feedback;
		this.costs = costs;
		this.changes = changes;
		this.studies = studies;
	}

	/** The rows; {@code R} is the kind's row type ({@link EvidenceKind#rowType()}). */
	@SuppressWarnings("unchecked")
	public <R extends EvidenceRow> List<R> of(EvidenceKind kind, long productId) {
		List<? extends EvidenceRow> rows = switch (kind) {
			case SMALL_BATCH -> batches.findByProductIdOrderByPromisedOnAscIdAsc(productId);
			case ORDER -> orders.findByProductIdOrderByOrderMonthAscIdAsc(productId);
			case FEEDBACK -> feedback.findByProductIdOrderByReceivedOnAscIdAsc(productId);
			case COST_ESTIMATE -> costs.findByProductIdOrderByEstimatedOnAscIdAsc(productId);
			case DESIGN_CHANGE -> changes.findByProductIdOrderByChangedOnAscIdAsc(productId);
			case CAPABILITY_STUDY -> studies.findByProductIdOrderByStudiedOnAscIdAsc(productId);
		};
		return (List<R>) rows;
	}

}
