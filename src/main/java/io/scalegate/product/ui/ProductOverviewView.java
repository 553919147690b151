package io.scalegate.product.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.product.GateBlockers;
import io.scalegate.product.GateRules;
import io.scalegate.product.Product;
import io.scalegate.product.ProductExport;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductLoading;
import io.scalegate.product.ProductMarks;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.product.ReevaluationProgress;
import io.scalegate.product.Stage;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Every product and where it stands: a count per stage, and a lazily loaded list (paged
 * in the database) searchable by part number or name and filterable by stage, customer,
 * owner, gate-ready and blocked-by. Engineers and process owners register new products
 * here. The gate filters count only verdicts of the deployed gate rules; the Rules column
 * says which version judged a verdict, and while the running products are judged again
 * under newly deployed rules a progress bar says how far (polled every few seconds). The
 * search and filters live in the address
 * ({@code ?search=brk&stage=PROTOTYPE&ready=true}).
 */
@Route("")
@PageTitle("Products | ScaleGate")
@Menu(order = 0, title = "Products", icon = "vaadin:package")
@PermitAll
class ProductOverviewView extends VerticalLayout implements BeforeEnterObserver {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final ProductSearch search;

	private final GateBlockers blockers;

	private final Grid<Product> grid = new Grid<>(Product.class, false);

	private final TextField text = new TextField();

	private final MultiSelectComboBox<Stage> stages = new MultiSelectComboBox<>("Stage");

	private final ComboBox<String> customer = new ComboBox<>("Customer");

	private final ComboBox<String> owner = new ComboBox<>("Owner");

	private final Checkbox gateReady = new Checkbox("Gate ready");

	private final ComboBox<String> blockedBy = new ComboBox<>("Blocked by");

	private final Span total = new Span();

	static final int POLL_MILLIS = 3000;

	private final GateRules rules;

	private final Div rejudging = new Div();

	private final ProgressBar rejudgingBar = new ProgressBar();

	private final Span rejudgingText = new Span();

	private OptionalInt deployed = OptionalInt.empty();

	private boolean rejudgingShown;

	private Registration polling;

	private List<String> customers = List.of();

	private List<String> owners = List.of();

	/** While the filters are set from the address, which then needs no writing. */
	private boolean restoring;

	private final ProductService productService;

	private final ProductMarks marks;

	/** The conditional products among those the grid fetched last. */
	private Set<String> conditional = Set.of();

	private final ProductLoading loading;

	private final ProductExport export;

	/**
	 * What the export writes: the filter and order the list shows now (downloads are
	 * served outside the UI's lock, so they read these, not the fields).
	 */
	private volatile ProductFilter shownFilter = ProductFilter.none();

	private volatile Sort shownSort = Sort.unsorted();

	private final FlexLayout counts = new FlexLayout();

	private final Div loadingNotice = new Div();

	private boolean loadingShown;

	ProductOverviewView(ProductSearch search, ProductService productService, GateBlockers blockers, GateRules rules,
			AuthenticationContext authentication, ProductLoading loading, ProductMarks marks, ProductExport export) {
		this.search = search;
		this.marks = marks;
		this.export = export;
		this.productService = productService;
		this.loading = loading;
		this.blockers = blockers;
		this.rules = rules;
		setSizeFull();
		HorizontalLayout title = new HorizontalLayout(new H2("Products"));
		title.setWidthFull();
		title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		if (authentication.hasAnyRole("ENGINEER", "PROCESS_OWNER")) {
			Button register = new Button("Register product", VaadinIcon.PLUS.create(),
					click -> new RegisterProductDialog(productService, authentication).open());
			register.setId("register-product");
			register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			title.addToEnd(register);
		}
		title.addToEnd(
				exportLink("export-csv", "Export CSV", "scalegate-products.csv", "text/csv;charset=UTF-8",
						this::exportCsv),
				exportLink("export-xlsx", "Export Excel", "scalegate-products.xlsx",
						"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", this::exportXlsx));
		add(title);
		counts.setId("stage-counts");
		counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		counts.getStyle().set("gap", "var(--lumo-space-m)");
		showCounts();
		add(counts, filters(productService));

		grid.setId("products");
		grid.addColumn(Product::partNumber).setHeader("Part number").setSortProperty("partNumber").setAutoWidth(true);
		grid.addColumn(Product::name).setHeader("Name").setSortProperty("name").setAutoWidth(true).setFlexGrow(1);
		grid.addColumn(Product::customer).setHeader("Customer").setSortProperty("customer").setAutoWidth(true);
		grid.addComponentColumn(this::stage)
			.setHeader("Stage")
			.setKey("stage")
			.setSortProperty("stage")
			.setAutoWidth(true);
		grid.addComponentColumn(this::gate)
			.setHeader("Gate")
			.setKey("gate")
			.setSortProperty("gateRecommendation")
			.setAutoWidth(true);
		grid.addComponentColumn(this::rulesVersion)
			.setKey("rules")
			.setHeader("Rules")
			.setSortProperty("gateRulesVersion")
			.setAutoWidth(true);
		grid.addColumn(Product::owner).setHeader("Owner").setSortProperty("owner").setAutoWidth(true);
		grid.addColumn(product -> DAY.format(product.registeredAt()))
			.setHeader("Registered")
			.setSortProperty("registeredAt")
			.setAutoWidth(true);
		grid.addItemClickListener(click -> UI.getCurrent().navigate("products/" + click.getItem().partNumber()));
		grid.setSizeFull();
		total.setId("product-total");
		rejudging.setId("rejudging");
		rejudgingText.setId("rejudging-text");
		rejudgingBar.setWidth("20em");
		rejudging.add(rejudgingText, rejudgingBar);
		loadingNotice.setId("products-loading");
		loadingNotice.getElement().getThemeList().add("badge contrast");
		add(loadingNotice, rejudging, total, grid);
		addAttachListener(attach -> {
			polling = attach.getUI().addPollListener(poll -> showProgress());
			showProgress();
		});
		addDetachListener(detach -> {
			if (polling != null) {
				polling.remove();
			}
			detach.getUI().setPollInterval(-1);
		});
		showProgress();
		// the list is read in beforeEnter, with the filters of the address
	}

	/**
	 * Shows the re-evaluation under the deployed rules while it runs, polling until it
	 * ends; then the list is read again (its verdicts and the filters' counts changed).
	 */
	void showProgress() {
		showLoading();
		deployed = rules.deployedVersion();
		Optional<ReevaluationProgress> progress = rules.reevaluation()
			.filter(ReevaluationProgress::running)
			.filter(p -> deployed.isPresent() && p.rulesVersion() == deployed.getAsInt());
		progress.ifPresent(p -> {
			rejudgingBar.setMax(Math.max(1, p.total()));
			rejudgingBar.setValue(Math.min(p.done(), Math.max(1, p.total())));
			rejudgingText.setText(String.format("Re-judging products under gate rules v%d: %,d of %,d%s",
					p.rulesVersion(), p.done(), p.total(), p.failed() == 0 ? ""
							: String.format(" (%,d could not be judged and keep their old verdict)", p.failed())));
		});
		rejudging.setVisible(progress.isPresent());
		getUI().ifPresent(ui -> ui.setPollInterval(progress.isPresent() || loadingShown ? POLL_MILLIS : -1));
		if (rejudgingShown && progress.isEmpty()) {
			refresh();
		}
		rejudgingShown = progress.isPresent();
	}

	/**
	 * While the products are still being loaded at start (the demo data), says so instead
	 * of an empty list, polling until they are in; then counts and lists them.
	 */
	private void showLoading() {
		Optional<String> notice = loading.notice();
		loadingNotice.setText(notice.orElse(""));
		loadingNotice.setVisible(notice.isPresent());
		total.setVisible(notice.isEmpty());
		grid.setVisible(notice.isEmpty());
		if (loadingShown && notice.isEmpty()) {
			showCounts();
			customers = productService.distinct("customer");
			customer.setItems(customers);
			owners = productService.distinct("owner");
			owner.setItems(owners);
			refresh();
		}
		loadingShown = notice.isPresent();
	}

	private void showCounts() {
		counts.removeAll();
		for (Stage stage : Stage.values()) {
			counts.add(stageCount(stage, productService.count(stage)));
		}
	}

	private FlexLayout filters(ProductService productService) {
		text.setPlaceholder("Part number or name");
		text.setPrefixComponent(VaadinIcon.SEARCH.create());
		text.setClearButtonVisible(true);
		text.setValueChangeMode(ValueChangeMode.LAZY);
		text.setId("filter-text");
		text.setLabel("Search");
		stages.setItems(Stage.values());
		stages.setItemLabelGenerator(Stage::label);
		stages.setId("filter-stage");
		customers = productService.distinct("customer");
		customer.setItems(customers);
		customer.setClearButtonVisible(true);
		customer.setId("filter-customer");
		owners = productService.distinct("owner");
		owner.setItems(owners);
		owner.setClearButtonVisible(true);
		owner.setId("filter-owner");
		gateReady.setId("filter-gate-ready");
		blockedBy.setItems(blockers.codes());
		blockedBy.setItemLabelGenerator(blockers::describe);
		blockedBy.setClearButtonVisible(true);
		blockedBy.setId("filter-blocked-by");
		blockedBy.setWidth("22em");
		text.addValueChangeListener(e -> filtered());
		stages.addValueChangeListener(e -> filtered());
		customer.addValueChangeListener(e -> filtered());
		owner.addValueChangeListener(e -> filtered());
		gateReady.addValueChangeListener(e -> filtered());
		blockedBy.addValueChangeListener(e -> filtered());
		FlexLayout bar = new FlexLayout(text, stages, customer, owner, blockedBy, gateReady);
		bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.getStyle().set("gap", "var(--lumo-space-s)");
		return bar;
	}

	/**
	 * Sets the search and filters from the address; a stage, customer, owner or blocker
	 * it does not know is ignored.
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var query = event.getLocation().getQueryParameters();
		restoring = true;
		text.setValue(PageAddress.value(query, "search").orElse(""));
		stages.setValue(Set.copyOf(PageAddress.values(query, "stage", Stage::valueOf)));
		customer.setValue(PageAddress.value(query, "customer").filter(customers::contains).orElse(null));
		owner.setValue(PageAddress.value(query, "owner").filter(owners::contains).orElse(null));
		gateReady.setValue(PageAddress.value(query, "ready").filter("true"::equals).isPresent());
		blockedBy.setValue(PageAddress.value(query, "blockedBy").filter(blockers.codes()::contains).orElse(null));
		restoring = false;
		refresh();
	}

	/** A filter changed: the list follows, and the address (without a history entry). */
	private void filtered() {
		if (restoring) {
			return;
		}
		refresh();
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("search", List.of(text.getValue()));
		query.put("stage", stages.getValue().stream().sorted().map(Stage::name).toList());
		query.put("customer", customer.getOptionalValue().stream().toList());
		query.put("owner", owner.getOptionalValue().stream().toList());
		query.put("ready", gateReady.getValue() ? List.of("true") : List.of());
		query.put("blockedBy", blockedBy.getOptionalValue().stream().toList());
		PageAddress.replace(query);
	}

	private void refresh() {
		ProductFilter filter = new ProductFilter(text.getValue(), stages.getValue(), customer.getValue(),
				owner.getValue(), gateReady.getValue(), blockedBy.getValue());
		shownFilter = filter;
		grid.setItems(query -> {
			shownSort = VaadinSpringDataHelpers.toSpringDataSort(query);
			List<Product> page = search.page(filter,
					PageRequest.of(query.getPage(), query.getPageSize(), shownSort.and(Sort.by("partNumber"))));
			conditional = marks.conditional(page.stream().map(Product::partNumber).toList());
			return page.stream();
		}, query -> (int) search.count(filter));
		long count = search.count(filter);
		total.setText(count == 1 ? "1 product" : String.format("%,d products", count));
	}

	/**
	 * The stage, and "Conditional" while the product has an open condition of a Go with
	 * conditions.
	 */
	private Component stage(Product product) {
		Span stage = StageBadge.of(product.stage());
		if (!conditional.contains(product.partNumber())) {
			return stage;
		}
		Span mark = StageBadge.conditional();
		HorizontalLayout both = new HorizontalLayout(stage, mark);
		both.setSpacing(false);
		both.getStyle().set("gap", "var(--lumo-space-xs)");
		return both;
	}

	/** Writes the products the list shows, in its order, to a download. */
	@FunctionalInterface
	private interface Export {

		void write(java.io.OutputStream out) throws java.io.IOException;

	}

	/** The products the list shows now as CSV. */
	void exportCsv(java.io.OutputStream out) throws java.io.IOException {
		java.io.Writer writer = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
		export.csv(shownFilter, shownSort, writer);
		writer.flush();
	}

	/** The products the list shows now as an Excel workbook. */
	void exportXlsx(java.io.OutputStream out) {
		export.xlsx(shownFilter, shownSort, out);
	}

	/**
	 * A button that downloads exactly the products the list shows, in its order, with its
	 * columns.
	 */
	private Anchor exportLink(String id, String label, String fileName, String contentType, Export write) {
		Anchor link = new Anchor((DownloadHandler) event -> {
			event.setFileName(fileName);
			event.setContentType(contentType);
			try (java.io.OutputStream out = event.getOutputStream()) {
				write.write(out);
			}
		}, "");
		link.setId(id);
		link.getElement().setAttribute("download", true);
		link.getElement().setAttribute("title", "The products the filters show, with the list's columns");
		link.add(new Button(label, VaadinIcon.DOWNLOAD.create()));
		return link;
	}

	private Span gate(Product product) {
		if (!product.stage().running()) {
			// its lifecycle has ended: no gate is pending, its last verdict is history
			Span ended = new Span("—");
			ended.getElement().setAttribute("title", "The lifecycle has ended; no gate is pending");
			return ended;
		}
		String recommendation = product.gateRecommendation();
		Span badge = new Span(ProductExport.gate(product));
		badge.getElement()
			.getThemeList()
			.add(recommendation == null ? "badge contrast"
					: ProductFilter.READY.equals(recommendation) || "ONE_STOP_SCALE_PLANNING".equals(recommendation)
							? "badge success"
							: "RECYCLE_TO_PROTOTYPE".equals(recommendation) ? "badge error" : "badge");
		badge.getElement()
			.setAttribute("title",
					String.join("\n",
							product.blockers()
								.stream()
								.filter(code -> blockers.codes().contains(code))
								.map(blockers::describe)
								.toList()));
		return badge;
	}

	/**
	 * Which version of the gate rules judged the stored verdict; one of older rules is
	 * marked, as the gate filters leave it out.
	 */
	private Span rulesVersion(Product product) {
		Integer version = product.gateRulesVersion();
		if (product.gateRecommendation() == null || !product.stage().running()) {
			return new Span();
		}
		boolean outdated = deployed.isPresent() && (version == null || version < deployed.getAsInt());
		String label = version == null ? "rules unknown" : "rules v" + version;
		Span badge = new Span(outdated
				? label + (product.stage().running() && rejudgingShown ? " — being re-judged" : " — outdated") : label);
		badge.getElement().getThemeList().add(outdated ? "badge contrast" : "badge");
		if (outdated) {
			badge.getElement()
				.setAttribute("title",
						"Judged by older gate rules than the deployed v" + deployed.getAsInt()
								+ ": left out of the gate ready and blocked by filters"
								+ (product.stage().running() ? " until judged again" : " (it no longer runs)"));
		}
		return badge;
	}

	private static Div stageCount(Stage stage, long count) {
		Div card = new Div();
		card.setId("count-" + stage.name());
		card.getStyle()
			.set("border", "1px solid var(--lumo-contrast-10pct)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
			.set("min-width", "9em");
		Span number = new Span(String.valueOf(count));
		number.getStyle()
			.set("font-size", "var(--lumo-font-size-xxl)")
			.set("font-weight", "600")
			.set("display", "block");
		card.add(number, new Text(stage.label()));
		return card;
	}

}
