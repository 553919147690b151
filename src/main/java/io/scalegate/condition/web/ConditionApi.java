package io.scalegate.condition.web;

import io.scalegate.condition.GateCondition;
import io.scalegate.condition.GateConditions;
import io.scalegate.product.ProductService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The conditions of a product's Go with conditions decisions, for other systems: everyone
 * signed in may read them, as the product page shows them. They are raised and closed
 * only through the lifecycle (the gate review and each condition's signed task).
 */
@RestController
@RequestMapping("/api/products/{partNumber}")
@Tag(name = "Gate conditions")
class ConditionApi {

	/** One condition as the API shows it. */
	record ConditionView(long id, String text, String owner, LocalDate dueDate, String state, boolean overdue,
			Instant escalatedAt, String raisedBy, Instant raisedAt, String closedBy, Instant closedAt,
			String closingNote, String processInstanceId, String gateDecision) {
	}

	/** The product's conditions and whether it is conditional (one is open). */
	record Conditions(String partNumber, boolean conditional, List<ConditionView> conditions) {
	}

	private final GateConditions conditions;

	private final ProductService products;

	ConditionApi(GateConditions conditions, ProductService products) {
		this.conditions = conditions;
		this.products = products;
	}

	@GetMapping("/conditions")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The conditions of the product's Go with conditions decisions, oldest first: "
			+ "text, owner, due date, state (OPEN, CLOSED), overdue, escalation and closing")
	Conditions conditions(@PathVariable String partNumber) {
		String pn = products.get(partNumber).partNumber();
		List<ConditionView> all = conditions.ofProduct(pn).stream().map(this::view).toList();
		return new Conditions(pn, all.stream().anyMatch(c -> GateCondition.OPEN.equals(c.state())), all);
	}

	private ConditionView view(GateCondition c) {
		return new ConditionView(c.id(), c.text(), c.owner(), c.dueDate(), c.state(), conditions.overdue(c),
				c.escalatedAt(), c.raisedBy(), c.raisedAt(), c.closedBy(), c.closedAt(), c.closingNote(),
				c.processInstanceId(), c.gateDecision());
	}

}
