package io.scalegate.evidence;

import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads a product's evidence and computes the gate inputs from it. */
@Service
public class EvidenceService {

	private final ProductService products;

	private final SmallBatches batches;

	private final CustomerOrders orders;

	private final CustomerFeedbacks feedback;

	private final CostEstimates costs;

	private final DesignChanges designChanges;

	private final CapabilityStudies capabilityStudies;

	private final EvidenceProperties properties;

	private final Clock clock;

	private final JdbcClient jdbc;

	EvidenceService(ProductService products, SmallBatches batches, CustomerOrders orders, CustomerFeedbacks feedback,
			CostEstimates costs, DesignChanges designChanges, CapabilityStudies capabilityStudies,
			EvidenceProperties properties, Clock clock, JdbcClient jdbc) {
		this.products = products;
		this.batches = batches;
		this.orders = orders;
		this.feedback = feedback;
		this.costs = costs;
		this.designChanges = designChanges;
		this.capabilityStudies = capabilityStudies;
		this.properties = properties;
		this.clock = clock;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public GateEvidence gateEvidence(String partNumber) {
		Product product = products.get(partNumber);
		long id = product.id();
		LocalDate today = LocalDate.now(clock);
		DemandSummary demand = DemandSummary.of(orders.findByProductIdOrderByOrderMonthAscIdAsc(id),
				properties.demandWindowMonths());
		SupplierRecord supplier = SupplierRecord.of(batches.findByProductIdOrderByPromisedOnAscIdAsc(id));
		ProcessCapability capability = ProcessCapability
			.of(capabilityStudies.findByProductIdOrderByStudiedOnAscIdAsc(id));
		List<CostEstimate> estimates = costs.findByProductIdOrderByEstimatedOnAscIdAsc(id);
		CostEstimate cost = estimates.isEmpty() ? null : estimates.get(estimates.size() - 1);
		LocalDate changesSince = today.minusDays(properties.designChangeWindowDays());
		int recentChanges = (int) designChanges.findByProductIdOrderByChangedOnAscIdAsc(id)
			.stream()
			.filter(change -> change.changedOn().isAfter(changesSince))
			.count();
		FeedbackCounts counts = FeedbackCounts.of(feedback.findByProductIdOrderByReceivedOnAscIdAsc(id),
				today.minusDays(properties.feedbackWindowDays()));
		return new GateEvidence(demand.months(), demand.coefficientOfVariation(), supplier.consecutiveConforming(),
				supplier.onTimeRate(), supplier.firstPassYield(), capability.weakestCpk(),
				cost == null ? null : number(cost.toolingInvestment()),
				cost == null ? null : number(cost.smallBatchUnitCost()),
				cost == null ? null : number(cost.massUnitCost()), cost == null ? null : cost.forecastAnnualVolume(),
				recentChanges, counts, product.unitCostReductionPriority(), product.needsSupplyCoordination(),
				cost == null ? null : cost.currency());
	}

	/**
	 * The currency of the product's latest cost estimate (ISO 4217), which its gate costs
	 * are in; null without one.
	 */
	@Transactional(readOnly = true)
	public String costCurrency(String partNumber) {
		List<CostEstimate> estimates = costs.findByProductIdOrderByEstimatedOnAscIdAsc(products.get(partNumber).id());
		return estimates.isEmpty() ? null : estimates.get(estimates.size() - 1).currency();
	}

	/** The product's small batches, as delivered (by promised date, then as recorded). */
	@Transactional(readOnly = true)
	public List<SmallBatch> smallBatches(String partNumber) {
		return batches.findByProductIdOrderByPromisedOnAscIdAsc(products.get(partNumber).id());
	}

	/**
	 * Everyone who recorded evidence for the product: they may not sign its gate review
	 * (four-eyes).
	 */
	@Transactional(readOnly = true)
	public Set<String> recordersOf(String partNumber) {
		long id = products.get(partNumber).id();
		return Set.copyOf(jdbc.sql("""
				select username from evidence_contributor where product_id = :id
				union select recorded_by from small_batch where product_id = :id
				union select recorded_by from customer_order where product_id = :id
				union select recorded_by from customer_feedback where product_id = :id
				union select recorded_by from cost_estimate where product_id = :id
				union select recorded_by from design_change where product_id = :id
				union select recorded_by from capability_study where product_id = :id""")
			.param("id", id)
			.query(String.class)
			.list());
	}

	private static Double number(BigDecimal value) {
		return value.doubleValue();
	}

}
