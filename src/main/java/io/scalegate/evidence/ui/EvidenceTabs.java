package io.scalegate.evidence.ui;

import com.vaadin.flow.component.tabs.TabSheet;
import io.scalegate.evidence.EvidenceProperties;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A product's evidence in tabs: small batches, orders, feedback, costs, design changes,
 * capability studies.
 */
@Component
public class EvidenceTabs {

	private final EvidenceRecorder recorder;

	private final EvidenceRows rows;

	private final EvidenceProperties properties;

	EvidenceTabs(EvidenceRecorder recorder, EvidenceRows rows, EvidenceProperties properties) {
		this.recorder = recorder;
		this.rows = rows;
		this.properties = properties;
	}

	/**
	 * The tabs for {@code product}, seen by {@code username} with {@code roles};
	 * {@code changed} runs after each save.
	 */
	public TabSheet of(Product product, String username, Set<Role> roles, Runnable changed) {
		TabSheet tabs = new TabSheet();
		tabs.setId("evidence-tabs");
		tabs.setWidthFull();
		add(tabs, new EvidenceKinds.Batches(), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Orders(properties.demandWindowMonths()), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Feedback(), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Costs(), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Changes(), product, username, roles, changed);
		add(tabs, new EvidenceKinds.Studies(), product, username, roles, changed);
		return tabs;
	}

	private <R extends EvidenceRow> void add(TabSheet tabs, EvidenceSection.Kind<R> kind, Product product,
			String username, Set<Role> roles, Runnable changed) {
		Supplier<List<R>> read = () -> rows.of(kind.kind(), product.id());
		EvidenceSection<R> section = new EvidenceSection<>(kind, product.partNumber(), read, recorder, username,
				kind.kind().recordableBy(roles), changed);
		tabs.add(kind.kind().label(), section).setId("tab-" + kind.kind().name().toLowerCase().replace('_', '-'));
	}

}
