package io.scalegate.evidence.ui;

import com.vaadin.flow.component.tabs.TabSheet;
import io.scalegate.evidence.CapabilityStudies;
import io.scalegate.evidence.CostEstimates;
import io.scalegate.evidence.CustomerFeedbacks;
import io.scalegate.evidence.CustomerOrders;
import io.scalegate.evidence.DesignChanges;
import io.scalegate.evidence.EvidenceProperties;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.evidence.SmallBatches;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/** A product's evidence in tabs: small batches, orders, feedback, costs, design changes, capability studies. */
@Component
public class EvidenceTabs {

	private final EvidenceRecorder recorder;

	private final SmallBatches batches;

	private final CustomerOrders orders;

	private final CustomerFeedbacks feedback;

	private final CostEstimates costs;

	private final DesignChanges changes;

	private final CapabilityStudies studies;

	private final EvidenceProperties properties;

	EvidenceTabs(EvidenceRecorder recorder, SmallBatches batches, CustomerOrders orders, CustomerFeedbacks feedback,
			CostEstimates costs, DesignChanges changes, CapabilityStudies studies, EvidenceProperties properties) {
		this.recorder = recorder;
		this.batches = batches;
		this.orders = orders;
		this.feedback = feedback;
		this.costs = costs;
		this.changes = changes;
		this.studies = studies;
		this.properties = properties;
	}

	/** The tabs for {@code product}, seen by {@code username} with {@code roles}; {@code changed} runs after each save. */
	public TabSheet of(Product product, String username, Set<Role> roles, Runnable changed) {
		long id = product.id();
		TabSheet tabs = new TabSheet();
		tabs.setId("evidence-tabs");
		tabs.setWidthFull();
		add(tabs, new EvidenceKinds.Batches(), () -> batches.findByProductIdOrderByPromisedOnAscIdAsc(id), product,
				username, roles, changed);
		add(tabs, new EvidenceKinds.Orders(properties.demandWindowMonths()),
				() -> orders.findByProductIdOrderByOrderMonthAscIdAsc(id), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Feedback(), () -> feedback.findByProductIdOrderByReceivedOnAscIdAsc(id), product,
				username, roles, changed);
		add(tabs, new EvidenceKinds.Costs(), () -> costs.findByProductIdOrderByEstimatedOnAscIdAsc(id), product,
				username, roles, changed);
		add(tabs, new EvidenceKinds.Changes(), () -> changes.findByProductIdOrderByChangedOnAscIdAsc(id), product,
				username, roles, changed);
		add(tabs, new EvidenceKinds.Studies(), () -> studies.findByProductIdOrderByStudiedOnAscIdAsc(id), product,
				username, roles, changed);
		return tabs;
	}

	private <R extends EvidenceRow> void add(TabSheet tabs, EvidenceSection.Kind<R> kind, Supplier<List<R>> rows,
			Product product, String username, Set<Role> roles, Runnable changed) {
		EvidenceSection<R> section = new EvidenceSection<>(kind, product.partNumber(), rows, recorder, username,
				kind.kind().recordableBy(roles), changed);
		tabs.add(kind.kind().label(), section).setId("tab-" + kind.kind().name().toLowerCase().replace('_', '-'));
	}

}
