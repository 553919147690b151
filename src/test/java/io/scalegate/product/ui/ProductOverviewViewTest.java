package io.scalegate.product.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import io.scalegate.KaribuTest;
import io.scalegate.product.Product;
import io.scalegate.product.Products;
import io.scalegate.product.Stage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProductOverviewViewTest extends KaribuTest {

	@Autowired
	Products products;

	@Test
	@SuppressWarnings("unchecked")
	void listsEveryProductAndCountsThemPerStage() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");

		Grid<Product> grid = _get(Grid.class, spec -> spec.withId("products"));
		assertThat(_size(grid)).isEqualTo((int) products.count());
		for (Stage stage : Stage.values()) {
			assertThat(_get(Div.class, spec -> spec.withId("count-" + stage.name())).getChildren().findFirst().orElseThrow()
				.getElement().getText()).as(stage.name()).isEqualTo(String.valueOf(products.countByStage(stage)));
		}
	}

}
