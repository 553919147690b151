package io.scalegate.dashboard.ui;

import static io.scalegate.dashboard.ui.DashboardLinks.number;
import static io.scalegate.dashboard.ui.DashboardLinks.slug;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.dashboard.AgeBucket;
import io.scalegate.dashboard.CumulativeFlow;
import io.scalegate.dashboard.Figure;
import io.scalegate.dashboard.Portfolio;
import io.scalegate.dashboard.Portfolio.Cell;
import io.scalegate.dashboard.Portfolio.CycleTime;
import io.scalegate.dashboard.Portfolio.Figures;
import io.scalegate.dashboard.Portfolio.GateOutcomes;
import io.scalegate.dashboard.Portfolio.OutcomeRound;
import io.scalegate.dashboard.Portfolio.Scope;
import io.scalegate.dashboard.Portfolio.WaitingTasks;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import io.scalegate.security.Role;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portfolio at a glance, for everyone signed in: products per stage now and week by
 * week (cumulative flow), how long products spend in each stage and at each gate, the
 * gate outcomes per round and where work waits now. Every number links to the products
 * behind it. The period (3, 6 or 12 months) and the customer live in the address
 * ({@code ?months=12&customer=…}). Figures from {@link Portfolio}; how each is counted:
 * docs/adr/0022-portfolio-dashboard.md.
 */
@Route("dashboard")
@PageTitle("Dashboard | ScaleGate")
@Menu(order = 0.5, title = "Dashboard", icon = "vaadin:dashboard")
@PermitAll
@StyleSheet("context://styles/dashboard.css")
class DashboardView extends VerticalLayout implements BeforeEnterObserver {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final Portfolio portfolio;

	private final Select<Integer> period = new Select<>();

	private final ComboBox<String> customer = new ComboBox<>("Customer");

	private final Div content = new Div();

	private final List<String> customers;

	private boolean restoring;

	DashboardView(Portfolio portfolio, ProductService products) {
		this.portfolio = portfolio;
		setWidthFull();
		period.setLabel("Period");
		period.setId("period");
		period.setItems(Portfolio.PERIODS);
		period.setItemLabelGenerator(months -> "Last " + months + " months");
		period.setValue(Portfolio.DEFAULT_PERIOD);
		customers = products.distinct("customer");
		customer.setItems(customers);
		customer.setId("customer");
		customer.setClearButtonVisible(true);
		customer.setPlaceholder("All customers");
		period.addValueChangeListener(change -> changed());
		customer.addValueChangeListener(change -> changed());
		FlexLayout bar = new FlexLayout(period, customer);
		bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		bar.setAlignItems(FlexComponent.Alignment.BASELINE);
		bar.getStyle().set("gap", "var(--lumo-space-s)");
		content.setId("dashboard");
		content.setWidthFull();
		add(new H2("Portfolio"), bar, content);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var query = event.getLocation().getQueryParameters();
		restoring = true;
		period.setValue(PageAddress.value(query, "months", Integer::valueOf)
			.filter(Portfolio.PERIODS::contains)
			.orElse(Portfolio.DEFAULT_PERIOD));
		customer.setValue(PageAddress.value(query, "customer").filter(customers::contains).orElse(null));
		restoring = false;
		show();
	}

	private void changed() {
		if (restoring) {
			return;
		}
		show();
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("months",
				period.getValue() == Portfolio.DEFAULT_PERIOD ? List.of() : List.of(String.valueOf(period.getValue())));
		query.put("customer", customer.getOptionalValue().stream().toList());
		PageAddress.replace(query);
	}

	private Scope scope() {
		return new Scope(period.getValue() == null ? Portfolio.DEFAULT_PERIOD : period.getValue(), customer.getValue());
	}

	private void show() {
		Figures figures = portfolio.figures(scope());
		content.removeAll();
		content.add(stages(figures), cycleTimes(figures), outcomes(figures), waiting(figures));
	}

	private Component stages(Figures figures) {
		Div section = section("section-stages", "Products per stage");
		FlexLayout cards = new FlexLayout();
		cards.setId("stage-now");
		cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		cards.getStyle().set("gap", "var(--lumo-space-m)");
		for (Stage stage : Stage.values()) {
			long count = figures.stagesNow().getOrDefault(stage, 0L);
			Anchor card = new Anchor(DashboardLinks.productsInStage(stage, figures.scope()), "");
			card.setId("stage-now-" + stage.name());
			card.getElement().setAttribute("title", "List the products in " + stage.label());
			card.getStyle()
				.set("border", "1px solid var(--lumo-contrast-10pct)")
				.set("border-left", "6px solid " + DashboardCharts.colour(stage))
				.set("border-radius", "var(--lumo-border-radius-l)")
				.set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
				.set("min-width", "9em")
				.set("text-decoration", "none");
			Span number = new Span(String.valueOf(count));
			number.getStyle()
				.set("font-size", "var(--lumo-font-size-xxl)")
				.set("font-weight", "600")
				.set("display", "block");
			card.add(number, new Text(stage.label()));
			cards.add(card);
		}
		section.add(cards,
				explanation("Over time: the products in each stage at the start of each week (Monday, UTC) and now,"
						+ " stacked; a product is in the stage of its latest stage change at that moment. Hover an area"
						+ " for its numbers; the table below lists them, each number with its products."),
				DashboardCharts.cumulativeFlow(figures.flow()), flowTable(figures));
		return section;
	}

	private Component flowTable(Figures figures) {
		CumulativeFlow flow = figures.flow();
		NativeTable table = table("flow-table");
		NativeTableRow head = table.getHead().addRow();
		head.addHeaderCell().setText("Week from");
		for (Stage stage : DashboardCharts.STACK) {
			head.addHeaderCell().setText(stage.label());
		}
		for (int i = flow.points().size() - 1; i >= 0; i--) {
			NativeTableRow row = table.getBody().addRow();
			String at = flow.points().get(i).toString();
			row.addDataCell().setText(i == flow.points().size() - 1 ? "now" : DAY.format(flow.points().get(i)));
			for (Stage stage : DashboardCharts.STACK) {
				long count = flow.counts().get(i).getOrDefault(stage, 0L);
				Figure figure = new Figure(Figure.STAGE_AT, Map.of("stage", stage.name(), "at", at));
				row.addDataCell()
					.add(number("flow-" + i + "-" + stage.name(), new Cell(count, List.of(), figure), figures.scope()));
			}
		}
		NativeDetails details = new NativeDetails("The numbers behind the chart", table);
		details.setId("flow-numbers");
		return details;
	}

	private Component cycleTimes(Figures figures) {
		Div section = section("section-cycle-times", "Cycle time");
		section.add(explanation("Time in a stage: from entering a stage to entering the next, for each stay that"
				+ " ended in the period (a product recycled to prototype counts each stay). Time at a gate: from the"
				+ " gate task's creation to its signed decision, for each decision in the period (every round counts)."
				+ " Median and 90th percentile by the nearest-rank method: the values sorted, the p-th percentile is"
				+ " the one at rank ⌈p/100 × n⌉, always a measured value. In days."));
		section.add(
				DashboardCharts.cycleTimes("stage-time-chart", "Time in stage: median and 90th percentile",
						figures.stageTimes()),
				cycleTable("stage-times", "Stage", figures.stageTimes(), figures.scope()));
		section.add(DashboardCharts.cycleTimes("gate-time-chart", "Time at gate: median and 90th percentile",
				figures.gateTimes()), cycleTable("gate-times", "Gate", figures.gateTimes(), figures.scope()));
		return section;
	}

	private Component cycleTable(String id, String what, List<CycleTime> times, Scope scope) {
		NativeTable table = table(id);
		NativeTableRow head = table.getHead().addRow();
		for (String header : List.of(what, "Median", "90th percentile", "Measurements", "Products")) {
			head.addHeaderCell().setText(header);
		}
		for (CycleTime time : times) {
			String key = id + "-" + slug(time.figure().parameters().values().iterator().next());
			NativeTableRow row = table.getBody().addRow();
			row.addDataCell().setText(time.label());
			row.addDataCell().setText(DashboardCharts.days(time.median()));
			row.addDataCell().setText(DashboardCharts.days(time.p90()));
			row.addDataCell().setText(String.valueOf(time.samples()));
			row.addDataCell()
				.add(number(key + "-products", new Cell(time.partNumbers().size(), time.partNumbers(), time.figure()),
						scope));
		}
		return table;
	}

	private Component outcomes(Figures figures) {
		Div section = section("section-outcomes", "Gate outcomes per round");
		section.add(explanation("The decisions signed in the period, by gate and by round: round 1 is a product's"
				+ " first decision at that gate, round 2 its second (after a Recycle or a Hold), and so on. Each"
				+ " decision as recorded with its signature."));
		for (GateOutcomes gate : figures.outcomes()) {
			section.add(new H3(gate.label()));
			if (gate.rounds().isEmpty()) {
				section.add(new Paragraph("No decision at this gate in the period."));
				continue;
			}
			NativeTable table = table("outcomes-" + gate.gate());
			NativeTableRow head = table.getHead().addRow();
			head.addHeaderCell().setText("Round");
			gate.decisions().forEach(decision -> head.addHeaderCell().setText(Portfolio.decisionLabel(decision)));
			head.addHeaderCell().setText("All");
			for (OutcomeRound round : gate.rounds()) {
				NativeTableRow row = table.getBody().addRow();
				row.addDataCell().setText(String.valueOf(round.round()));
				for (String decision : gate.decisions()) {
					row.addDataCell()
						.add(number("outcome-" + gate.gate() + "-" + round.round() + "-" + decision,
								round.byDecision().get(decision), figures.scope()));
				}
				row.addDataCell()
					.add(number("outcome-" + gate.gate() + "-" + round.round() + "-all", round.total(),
							figures.scope()));
			}
			section.add(table);
		}
		return section;
	}

	private Component waiting(Figures figures) {
		Div section = section("section-waiting", "Where work waits now");
		section.add(explanation("Open tasks by type and by how long they have waited since they were created;"
				+ " overdue: open tasks past their due date, by the role they wait for (claimed or not)."));
		if (figures.waiting().isEmpty()) {
			section.add(new Paragraph("No open tasks."));
		}
		else {
			NativeTable table = table("waiting");
			NativeTableRow head = table.getHead().addRow();
			head.addHeaderCell().setText("Task");
			for (AgeBucket bucket : AgeBucket.values()) {
				head.addHeaderCell().setText(bucket.label());
			}
			head.addHeaderCell().setText("All");
			for (WaitingTasks tasks : figures.waiting()) {
				NativeTableRow row = table.getBody().addRow();
				row.addDataCell().setText(tasks.task());
				for (AgeBucket bucket : AgeBucket.values()) {
					row.addDataCell()
						.add(number("waiting-" + slug(tasks.task()) + "-" + bucket.code(), tasks.byAge().get(bucket),
								figures.scope()));
				}
				row.addDataCell().add(number("waiting-" + slug(tasks.task()) + "-all", tasks.total(), figures.scope()));
			}
			section.add(table);
		}
		section.add(new H3("Overdue by role"));
		if (figures.overdue().isEmpty()) {
			section.add(new Paragraph("Nothing is overdue."));
		}
		else {
			NativeTable table = table("overdue");
			NativeTableRow head = table.getHead().addRow();
			head.addHeaderCell().setText("Role");
			head.addHeaderCell().setText("Overdue tasks");
			for (Map.Entry<Role, Cell> overdue : figures.overdue().entrySet()) {
				NativeTableRow row = table.getBody().addRow();
				row.addDataCell().setText(overdue.getKey().name());
				row.addDataCell()
					.add(number("overdue-" + overdue.getKey().name(), overdue.getValue(), figures.scope()));
			}
			section.add(table);
		}
		return section;
	}

	private static Div section(String id, String title) {
		Div section = new Div(new H3(title));
		section.setId(id);
		section.setWidthFull();
		section.getStyle().set("margin-bottom", "var(--lumo-space-l)");
		return section;
	}

	private static Paragraph explanation(String text) {
		Paragraph paragraph = new Paragraph(text);
		paragraph.getStyle()
			.set("color", "var(--lumo-secondary-text-color)")
			.set("font-size", "var(--lumo-font-size-s)")
			.set("max-width", "60em");
		return paragraph;
	}

	private static NativeTable table(String id) {
		NativeTable table = new NativeTable();
		table.setId(id);
		table.getStyle().set("border-collapse", "collapse").set("margin-bottom", "var(--lumo-space-m)");
		table.addClassName("dashboard-table");
		return table;
	}

}
