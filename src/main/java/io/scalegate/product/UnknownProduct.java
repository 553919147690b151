package io.scalegate.product;

import io.scalegate.base.InvalidInput;

/** No product has the given part number (a 404 on the API). */
public class UnknownProduct extends InvalidInput {

	public UnknownProduct(String partNumber) {
		super("partNumber", "no product with part number " + partNumber);
	}

}
