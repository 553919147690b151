package io.scalegate.dashboard.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.dashboard.Figure;
import io.scalegate.dashboard.Portfolio.Cell;
import io.scalegate.dashboard.Portfolio.Scope;
import io.scalegate.product.Stage;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The links from the dashboard's numbers to the products behind them: the products list
 * with its filters, or the drill-down listing the products of one figure
 * ({@code dashboard/products?figure=…}). Zero has no products and is no link.
 */
final class DashboardLinks {

	static final String DRILL_DOWN = "dashboard/products";

	private DashboardLinks() {
	}

	/** The products list filtered to a stage (and the scope's customer). */
	static String productsInStage(Stage stage, Scope scope) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("stage", stage.name());
		if (scope.customer() != null) {
			query.put("customer", scope.customer());
		}
		return "?" + QueryParameters.simple(query).getQueryString();
	}

	/** The drill-down of one figure for the scope. */
	static String drillDown(Figure figure, Scope scope) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("figure", figure.kind());
		new java.util.TreeMap<>(figure.parameters()).forEach(query::put);
		query.put("months", String.valueOf(scope.months()));
		if (scope.customer() != null) {
			query.put("customer", scope.customer());
		}
		return DRILL_DOWN + "?" + QueryParameters.simple(query).getQueryString();
	}

	/** A count as a link to its products (zero as plain text), with an id. */
	static com.vaadin.flow.component.Component number(String id, Cell cell, Scope scope) {
		if (cell.count() == 0) {
			Span zero = new Span("0");
			zero.setId(id);
			zero.getElement().setAttribute("title", "no products");
			return zero;
		}
		Anchor link = new Anchor(drillDown(cell.figure(), scope), String.valueOf(cell.count()));
		link.setId(id);
		link.getElement().setAttribute("title", "List the products behind this number");
		return link;
	}

	/** An id part from free text: lower case letters and digits, dashes between. */
	static String slug(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
