package io.scalegate.product.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.base.ui.PageNotFoundView;
import io.scalegate.product.PartNumber;
import io.scalegate.product.UnknownProduct;

/**
 * A page about one product, routed by its part number ({@code :partNumber}): fills itself
 * on each navigation; for a part number that names no product, ScaleGate's "page not
 * found" (404) says so.
 */
public abstract class ProductRouteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private String title = "ScaleGate";

	private QueryParameters query = QueryParameters.empty();

	protected ProductRouteView() {
		setWidthFull();
		addClassName("product-page");
	}

	@Override
	public final void beforeEnter(BeforeEnterEvent event) {
		String partNumber = event.getRouteParameters().get("partNumber").orElse("");
		query = event.getLocation().getQueryParameters();
		removeAll();
		try {
			if (!PartNumber.isValid(partNumber)) {
				throw new UnknownProduct(partNumber);
			}
			title = show(partNumber) + " | ScaleGate";
		}
		catch (UnknownProduct unknown) {
			removeAll();
			PageNotFoundView.show(event, "No product with part number " + partNumber + ".");
		}
	}

	/**
	 * Fills the page for {@code partNumber} and returns its title; throws
	 * {@link UnknownProduct}.
	 */
	protected abstract String show(String partNumber);

	/** The query of the address navigated to ({@code ?tab=orders}). */
	protected QueryParameters query() {
		return query;
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
