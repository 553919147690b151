package io.scalegate.product.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import io.scalegate.product.PartNumber;
import io.scalegate.product.UnknownProduct;

/**
 * A page about one product, routed by its part number ({@code :partNumber}): fills itself
 * on each navigation, or says plainly that no such product exists.
 */
public abstract class ProductRouteView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private String title = "ScaleGate";

	protected ProductRouteView() {
		setWidthFull();
		addClassName("product-page");
	}

	@Override
	public final void beforeEnter(BeforeEnterEvent event) {
		String partNumber = event.getRouteParameters().get("partNumber").orElse("");
		removeAll();
		try {
			if (!PartNumber.isValid(partNumber)) {
				throw new UnknownProduct(partNumber);
			}
			title = show(partNumber) + " | ScaleGate";
		}
		catch (UnknownProduct unknown) {
			removeAll();
			title = "Unknown product | ScaleGate";
			add(new UnknownProductNotice(unknown));
		}
	}

	/**
	 * Fills the page for {@code partNumber} and returns its title; throws
	 * {@link UnknownProduct}.
	 */
	protected abstract String show(String partNumber);

	@Override
	public String getPageTitle() {
		return title;
	}

}
