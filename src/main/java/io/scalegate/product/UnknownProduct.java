package io.scalegate.product;

import io.scalegate.base.NotFound;

/** No product has the given part number (a 404 on the API). */
public class UnknownProduct extends NotFound {

	public UnknownProduct(String partNumber) {
		super("product", "partNumber", "no product with part number " + partNumber);
	}

}
