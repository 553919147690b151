package io.scalegate.product.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import io.scalegate.product.UnknownProduct;

/** What a page about one product shows when its part number names no product. */
class UnknownProductNotice extends Div {

	UnknownProductNotice(UnknownProduct unknown) {
		setId("unknown-product");
		add(new H2("No such product"), new Paragraph(unknown.reason()), new Anchor("", "All products"));
	}

}
