package io.scalegate.gate;

import io.scalegate.product.GateBlockers;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The gate reasons, offered to the products list as the things a product can be blocked
 * by.
 */
@Component
class GateReasonCatalogue implements GateBlockers {

	@Override
	public List<String> codes() {
		return Arrays.stream(GateReason.values()).map(GateReason::name).toList();
	}

	@Override
	public String describe(String code) {
		return GateReason.valueOf(code).explanation();
	}

}
