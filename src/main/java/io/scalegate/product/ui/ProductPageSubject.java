package io.scalegate.product.ui;

import com.vaadin.flow.router.RouteParameters;
import io.scalegate.base.ui.PageSubject;
import io.scalegate.product.PartNumber;
import io.scalegate.product.ProductService;

/** A page about one product ({@link ProductRouteView}) names no product. */
@org.springframework.stereotype.Component
class ProductPageSubject implements PageSubject {

	private final ProductService products;

	ProductPageSubject(ProductService products) {
		this.products = products;
	}

	@Override
	public boolean missing(Class<? extends com.vaadin.flow.component.Component> page, RouteParameters parameters) {
		if (!ProductRouteView.class.isAssignableFrom(page)) {
			return false;
		}
		String partNumber = parameters.get("partNumber").orElse("");
		return !PartNumber.isValid(partNumber) || products.find(partNumber).isEmpty();
	}

}
