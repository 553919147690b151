package io.scalegate.demo;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.evidence.FeedbackRating;
import io.scalegate.gate.GateDecision;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import io.scalegate.security.ActingAs;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A demo product that passed Gate 2 with one condition (docs/adr/0020): in mass
 * production and conditional, its condition a task in quality's inbox, due in three
 * weeks. Taken there through the real lifecycle by the demo accounts, as {@link DemoData}
 * does with the others.
 */
@Component
@Profile("!prod")
class DemoConditions {

	static final String PART_NUMBER = "GBX-6300";

	private final ProductService products;

	private final DemoEvidence evidence;

	private final ActingAs actingAs;

	private final Clock clock;

	private final DemoDocuments documents;

	private final DemoSignOff signOff;

	DemoConditions(ProductService products, DemoEvidence evidence, ActingAs actingAs, Clock clock,
			DemoDocuments documents, DemoSignOff signOff) {
		this.documents = documents;
		this.products = products;
		this.evidence = evidence;
		this.actingAs = actingAs;
		this.clock = clock;
		this.signOff = signOff;
	}

	/** Registers the product and takes it through a Go with one open condition. */
	void goWithOneCondition() {
		String customer = "Hydra Pumps";
		actingAs.run("engineer",
				() -> products.register(
						new ProductRegistration(PART_NUMBER, "Gearbox cover", customer, "A", "engineer", true, false),
						"engineer"));
		documents.drawing(PART_NUMBER);
		evidence.orders(PART_NUMBER, customer, 12, 1400, 0.07, 11);
		evidence.batches(PART_NUMBER, "GBX", 6, 0, 0);
		evidence.capability(PART_NUMBER, "Spool bore", 11.99, 12.01, 12.0, 0.002);
		evidence.cost(PART_NUMBER, 18.0, 7.5, 70000, 30000);
		evidence.designChange(PART_NUMBER, "ECN-211", 200, "Port thread changed to G 3/8.");
		evidence.feedback(PART_NUMBER, customer, FeedbackRating.POSITIVE, 30, "Pilot valves leak-free at 250 bar.");
		complete(PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		// the customer's PPAP approval is pending: the warrant is the missing deliverable
		// the
		// gatekeeper's condition follows up
		documents.smallBatchFile(PART_NUMBER, io.scalegate.document.DocumentKind.PPAP_SUBMISSION_WARRANT);
		complete(DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		complete(INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
				MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		complete(SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Map<String, Object> condition = new LinkedHashMap<>();
		condition.put(CONDITION_TEXT_FIELD, "Customer PPAP level 3 approval received and filed");
		condition.put(CONDITION_OWNER_FIELD, "quality");
		condition.put(CONDITION_DUE_FIELD, LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(21).toString());
		Map<String, Object> decision = new HashMap<>();
		decision.put(GATE_DECISION.name(), GateDecision.GO_WITH_CONDITIONS.name());
		decision.put(OVERRIDE_REASON.name(),
				"Only the part submission warrant is missing: the customer's PPAP approval is pending; production may start.");
		decision.put(GATE_CONDITIONS, List.of(condition));
		complete(GATE_REVIEW, "gatekeeper", decision);
	}

	private void complete(String taskKey, String user, Map<String, Object> variables) {
		signOff.complete(PART_NUMBER, taskKey, user, variables);
	}

}
