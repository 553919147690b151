package io.scalegate.product.ui;

import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.product.Product;
import io.scalegate.product.Products;
import io.scalegate.product.Stage;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

/** Every product and where it stands: a count per stage and a lazily loaded list. */
@Route("")
@PageTitle("Products | ScaleGate")
@Menu(order = 0, title = "Products", icon = "vaadin:package")
@PermitAll
class ProductOverviewView extends VerticalLayout {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

	ProductOverviewView(Products products) {
		setSizeFull();
		add(new H2("Products"));
		FlexLayout counts = new FlexLayout();
		counts.setId("stage-counts");
		counts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		counts.getStyle().set("gap", "var(--lumo-space-m)");
		for (Stage stage : Stage.values()) {
			counts.add(stageCount(stage, products.countByStage(stage)));
		}
		add(counts);

		Grid<Product> grid = new Grid<>(Product.class, false);
		grid.setId("products");
		grid.addColumn(Product::partNumber).setHeader("Part number").setSortProperty("partNumber").setAutoWidth(true);
		grid.addColumn(Product::name).setHeader("Name").setSortProperty("name").setAutoWidth(true).setFlexGrow(1);
		grid.addColumn(Product::customer).setHeader("Customer").setSortProperty("customer").setAutoWidth(true);
		grid.addComponentColumn(product -> StageBadge.of(product.stage())).setHeader("Stage").setSortProperty("stage").setAutoWidth(true);
		grid.addColumn(Product::owner).setHeader("Owner").setSortProperty("owner").setAutoWidth(true);
		grid.addColumn(product -> DAY.format(product.registeredAt())).setHeader("Registered").setSortProperty("registeredAt").setAutoWidth(true);
		grid.setItems(query -> products
			.findAll(PageRequest.of(query.getPage(), query.getPageSize(),
					VaadinSpringDataHelpers.toSpringDataSort(query).and(Sort.by("partNumber"))))
			.stream());
		grid.setSizeFull();
		add(grid);
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
		number.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600").set("display", "block");
		card.add(number, new Text(stage.label()));
		return card;
	}

}
