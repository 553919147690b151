package io.scalegate.dashboard.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.dashboard.AgeBucket;
import io.scalegate.dashboard.Figure;
import io.scalegate.dashboard.Portfolio;
import io.scalegate.dashboard.Portfolio.Scope;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The products behind one number of the dashboard
 * ({@code dashboard/products?figure=outcome&gate=gateReview&round=1&decision=KILL&months=6}):
 * what the number counts, and the products, each part number a link to its page.
 */
@Route("dashboard/products")
@PageTitle("Dashboard: products | ScaleGate")
@PermitAll
class DashboardProductsView extends VerticalLayout implements BeforeEnterObserver {

	private static final Set<String> SCOPE = Set.of("figure", "months", "customer");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	private final Portfolio portfolio;

	private final ProductService products;

	private final H2 title = new H2();

	private final Paragraph what = new Paragraph();

	private final Anchor back = new Anchor("dashboard", "← Dashboard");

	private final Span total = new Span();

	private final Grid<Product> grid = new Grid<>(Product.class, false);

	DashboardProductsView(Portfolio portfolio, ProductService products) {
		this.portfolio = portfolio;
		this.products = products;
		setSizeFull();
		back.setId("back-to-dashboard");
		what.setId("figure-description");
		total.setId("figure-total");
		grid.setId("figure-products");
		grid.addComponentColumn(product -> {
			Anchor link = new Anchor("products/" + product.partNumber(), product.partNumber());
			link.setId("product-" + product.partNumber());
			return link;
		}).setHeader("Part number").setAutoWidth(true);
		grid.addColumn(Product::name).setHeader("Name").setAutoWidth(true).setFlexGrow(1);
		grid.addColumn(Product::customer).setHeader("Customer").setAutoWidth(true);
		grid.addColumn(product -> product.stage().label()).setHeader("Stage").setAutoWidth(true);
		grid.addColumn(Product::owner).setHeader("Owner").setAutoWidth(true);
		grid.setSizeFull();
		add(back, title, what, total, grid);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		QueryParameters query = event.getLocation().getQueryParameters();
		Scope scope = new Scope(PageAddress.value(query, "months", Integer::valueOf).orElse(Portfolio.DEFAULT_PERIOD),
				PageAddress.value(query, "customer").orElse(null));
		Map<String, String> parameters = new LinkedHashMap<>();
		query.getParameters().forEach((name, values) -> {
			if (!SCOPE.contains(name) && !values.isEmpty()) {
				parameters.put(name, values.get(0));
			}
		});
		Figure figure = new Figure(PageAddress.value(query, "figure").orElse(""), parameters);
		Map<String, String> backQuery = new LinkedHashMap<>();
		backQuery.put("months", String.valueOf(scope.months()));
		if (scope.customer() != null) {
			backQuery.put("customer", scope.customer());
		}
		back.setHref("dashboard?" + QueryParameters.simple(backQuery).getQueryString());
		title.setText(describe(figure));
		what.setText("Last " + scope.months() + " months"
				+ (scope.customer() == null ? "" : ", customer " + scope.customer()));
		List<String> partNumbers = portfolio.productsBehind(scope, figure);
		List<Product> listed = new ArrayList<>();
		for (int i = 0; i < partNumbers.size(); i += 500) {
			listed.addAll(products.findAll(partNumbers.subList(i, Math.min(partNumbers.size(), i + 500))));
		}
		listed.sort(Comparator.comparing(Product::partNumber));
		grid.setItems(listed);
		total.setText(listed.size() == 1 ? "1 product" : listed.size() + " products");
	}

	/** What the figure counts, in words. */
	static String describe(Figure figure) {
		try {
			return switch (figure.kind()) {
				case Figure.STAGE_AT -> Stage.valueOf(figure.parameter("stage")).label() + " on "
						+ DAY.format(Instant.parse(figure.parameter("at")));
				case Figure.STAGE_TIME -> "Time in " + Stage.valueOf(figure.parameter("stage")).label()
						+ ": the products whose stays ended in the period";
				case Figure.GATE_TIME ->
					"Time at " + Portfolio.gateLabel(figure.parameter("gate")) + ": the products decided in the period";
				case Figure.OUTCOME -> Portfolio.gateLabel(figure.parameter("gate")) + ", round "
						+ figure.parameter("round") + (figure.parameter("decision") == null ? ": every decision"
								: ": " + Portfolio.decisionLabel(figure.parameter("decision")));
				case Figure.WAITING -> "Open: " + figure.parameter("task")
						+ (figure.parameter("age") == null ? ""
								: ", waiting " + AgeBucket.ofCode(figure.parameter("age"))
									.map(AgeBucket::label)
									.orElse(figure.parameter("age")));
				case Figure.OVERDUE -> "Overdue tasks for " + figure.parameter("role");
				default -> "Unknown figure";
			};
		}
		catch (RuntimeException unreadable) {
			return "Unknown figure";
		}
	}

}
