package io.scalegate.evidence.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.document.ui.DocumentPanels;
import io.scalegate.document.ui.DocumentsPanel;
import io.scalegate.evidence.EvidenceProperties;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * A product's evidence in tabs: small batches, orders, feedback, costs, design changes,
 * capability studies, each with the documents that belong to it. The open tab is in the
 * address ({@code ?tab=capability-study}).
 */
@Component
public class EvidenceTabs {

	private final EvidenceRecorder recorder;

	private final EvidenceRows rows;

	private final EvidenceProperties properties;

	private final DocumentPanels documents;

	EvidenceTabs(EvidenceRecorder recorder, EvidenceRows rows, EvidenceProperties properties,
			DocumentPanels documents) {
		this.recorder = recorder;
		this.rows = rows;
		this.properties = properties;
		this.documents = documents;
	}

	/**
	 * The tabs for {@code product}, seen by {@code username} with {@code roles};
	 * {@code changed} runs after each save. The tab {@code query} names is open (an
	 * unknown one is ignored); choosing a tab adds a history entry with it, so that Back
	 * returns to the tab before and a shared link opens the same tab.
	 */
	public TabSheet of(Product product, String username, Set<Role> roles, Runnable changed, QueryParameters query) {
		TabSheet tabs = new TabSheet();
		tabs.setId("evidence-tabs");
		tabs.setWidthFull();
		Map<String, Tab> named = new LinkedHashMap<>();
		add(tabs, named, new EvidenceKinds.Batches(), product, username, roles, changed);
		add(tabs, named, new EvidenceKinds.Orders(properties.demandWindowMonths()), product, username, roles, changed);
		add(tabs, named, new EvidenceKinds.Feedback(), product, username, roles, changed);
		add(tabs, named, new EvidenceKinds.Costs(), product, username, roles, changed);
		add(tabs, named, new EvidenceKinds.Changes(), product, username, roles, changed);
		add(tabs, named, new EvidenceKinds.Studies(), product, username, roles, changed);
		PageAddress.value(query, "tab").map(named::get).ifPresent(tabs::setSelectedTab);
		String first = named.keySet().iterator().next();
		tabs.addSelectedChangeListener(event -> named.forEach((name, tab) -> {
			if (tab == event.getSelectedTab()) {
				PageAddress.push(Map.of("tab", name.equals(first) ? List.of() : List.of(name)));
			}
		}));
		return tabs;
	}

	private <R extends EvidenceRow> void add(TabSheet tabs, Map<String, Tab> named, EvidenceSection.Kind<R> kind,
			Product product, String username, Set<Role> roles, Runnable changed) {
		Supplier<List<R>> read = () -> rows.of(kind.kind(), product.id());
		EvidenceSection<R> section = new EvidenceSection<>(kind, product.partNumber(), read, recorder, username,
				kind.kind().recordableBy(roles), changed);
		String name = kind.kind().name().toLowerCase().replace('_', '-');
		H4 heading = new H4("Documents of these " + kind.kind().label().toLowerCase());
		DocumentsPanel documentsPanel = documents.forEvidence(product.partNumber(), kind.kind().name(),
				kind.kind().recordableBy(roles));
		documentsPanel.setId("evidence-documents-" + name);
		Tab tab = tabs.add(kind.kind().label(), new Div(section, heading, documentsPanel));
		tab.setId("tab-" + name);
		named.put(name, tab);
	}

}
