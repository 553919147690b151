package io.scalegate.demo;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.document.DocumentKind;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductLoading;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.security.ActingAs;
import jakarta.annotation.PostConstruct;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A dozen demo products spread over every stage, taken there through the real lifecycle
 * by the demo accounts, so a new user sees a living system at first start. Default
 * profile only; skipped when the database already holds products. While it loads,
 * {@link ProductLoading} says so.
 */
@Component
@Profile("!prod")
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final ProductService productService;

	private final ProductSearch search;

	private final DemoEvidence evidence;

	private final ActingAs actingAs;

	private final TransactionTemplate transaction;

	private final ReadinessCheck readiness;

	private final ProductLoading loading;

	private final DemoDocuments documents;

	private final DemoConditions conditions;

	private final DemoComments comments;

	private final DemoSignOff signOff;

	DemoData(ProductService productService, ProductSearch search, DemoEvidence evidence, ActingAs actingAs,
			TransactionTemplate transaction, ReadinessCheck readiness, ProductLoading loading, DemoDocuments documents,
			DemoConditions conditions, DemoComments comments, DemoSignOff signOff) {
		this.productService = productService;
		this.search = search;
		this.evidence = evidence;
		this.actingAs = actingAs;
		this.transaction = transaction;
		this.readiness = readiness;
		this.loading = loading;
		this.documents = documents;
		this.conditions = conditions;
		this.comments = comments;
		this.signOff = signOff;
	}

	/**
	 * Says early, before the web server takes requests, that the demo data will load: the
	 * first page opened meanwhile says so instead of showing no products.
	 */
	@PostConstruct
	void announce() {
		if (productService.count() == 0) {
			loading.start("Loading demo data…");
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void load() {
		try {
			if (productService.count() == 0) {
				loadProducts();
			}
		}
		finally {
			loading.finish();
		}
	}

	private void loadProducts() {
		transaction.executeWithoutResult(status -> {
			massProduction("BRK-1001", "Brake caliper bracket", "Nordbahn Rail", 1);
			massProduction("HSG-2040", "Aluminium sensor housing", "Alpenlicht Automotive", 2);
			oneStop();
			killedAtGate1();
			awaitingGateReview();
			onHoldWithVolatileDemand();
			incapableSupplier();
			freshInSmallBatch();
			newPrototype();
			recycledForNegativeFeedback();
			marginalTooling();
			secondPrototypeIteration();
			documents.load();
			conditions.goWithOneCondition();
			comments.discuss("VLV-5200");
			search.page(ProductFilter.none(), Pageable.unpaged())
				.forEach(product -> readiness.refresh(product.partNumber()));
		});
		log.info("Demo data: {} products across every stage", productService.count());
	}

	private void massProduction(String partNumber, String name, String customer, long seed) {
		register(partNumber, name, customer, true, false);
		ready(partNumber, customer, seed);
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
		decide(partNumber, GateDecision.GO_MASS_PRODUCTION, null);
	}

	private void oneStop() {
		String partNumber = register("PMP-3100", "Pump impeller", "Hydra Pumps", true, true);
		ready(partNumber, "Hydra Pumps", 3);
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
		decide(partNumber, GateDecision.ONE_STOP_SCALE_PLANNING, null);
	}

	private void killedAtGate1() {
		String partNumber = register("CNV-4410", "Conveyor roller shaft", "Lagerwerk Logistics", false, false);
		complete(partNumber, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "KILL", "prototypeComment",
				"Customer moved to a belt-driven design; the shaft is no longer needed."));
	}

	private void awaitingGateReview() {
		String partNumber = register("VLV-5200", "Hydraulic valve body", "Fluidtech Systems", true, false);
		ready(partNumber, "Fluidtech Systems", 5);
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
	}

	private void onHoldWithVolatileDemand() {
		String partNumber = register("DRN-6060", "Drone motor mount", "SkyFrame Robotics", true, false);
		evidence.orders(partNumber, "SkyFrame Robotics", 10, 300, 0.9, 6);
		evidence.batches(partNumber, "DRN", 5, 0, 0);
		evidence.capability(partNumber, "Bore diameter 22H7", 22.000, 22.021, 22.0105, 0.0022);
		evidence.cost(partNumber, 9.80, 4.10, 45000, 12000);
		evidence.feedback(partNumber, "SkyFrame Robotics", FeedbackRating.POSITIVE, 40,
				"Mounts survive the vibration test.");
		evidence.feedback(partNumber, "SkyFrame Robotics", FeedbackRating.POSITIVE, 12,
				"Field units fine after 300 h.");
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
		decide(partNumber, GateDecision.STAY_SMALL_BATCH, null);
	}

	private void incapableSupplier() {
		String partNumber = register("ENC-7015", "Die-cast enclosure lid", "Voltara Energy", true, false);
		evidence.orders(partNumber, "Voltara Energy", 12, 1200, 0.12, 7);
		evidence.batches(partNumber, "ENC", 5, 2, 2);
		evidence.capability(partNumber, "Flatness 0.1", 0, 0.10, 0.062, 0.014);
		evidence.cost(partNumber, 21.50, 11.20, 90000, 30000);
		evidence.feedback(partNumber, "Voltara Energy", FeedbackRating.POSITIVE, 30, "Fits the housing.");
		toSmallBatch(partNumber);
		complete(partNumber, DESIGN_FREEZE_SIGN_OFF, "engineer",
				Map.of(DESIGN_FROZEN.name(), true, "designFreezeComment", "Drawing rev C frozen."));
		complete(partNumber, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
				MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
	}

	private void freshInSmallBatch() {
		String partNumber = register("FXT-8120", "Fixture clamp", "Maschinenbau Kessler", false, false);
		evidence.orders(partNumber, "Maschinenbau Kessler", 4, 150, 0.3, 8);
		evidence.batches(partNumber, "FXT", 2, 0, 0);
		evidence.cost(partNumber, 6.40, 3.90, 25000, 4000);
		// fresh in small batch: the control plan and the PPAP warrant are not written yet
		toSmallBatch(partNumber, DocumentKind.CONTROL_PLAN, DocumentKind.PPAP_SUBMISSION_WARRANT);
	}

	private void newPrototype() {
		register("GRP-9001", "Robot gripper finger", "Cobot Works", false, false);
	}

	private void recycledForNegativeFeedback() {
		String partNumber = register("SPC-1120", "Composite spacer ring", "Marinex Boats", true, false);
		evidence.orders(partNumber, "Marinex Boats", 8, 500, 0.15, 10);
		evidence.batches(partNumber, "SPC", 4, 0, 0);
		evidence.capability(partNumber, "Thickness 4.0", 3.9, 4.1, 4.0, 0.02);
		evidence.cost(partNumber, 3.20, 1.40, 18000, 20000);
		evidence.feedback(partNumber, "Marinex Boats", FeedbackRating.NEGATIVE, 20,
				"Rings swell in salt water after two weeks.");
		evidence.feedback(partNumber, "Marinex Boats", FeedbackRating.NEGATIVE, 8,
				"Second batch shows the same swelling.");
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
		decide(partNumber, GateDecision.RECYCLE_TO_PROTOTYPE, null);
	}

	private void marginalTooling() {
		String partNumber = register("HTS-1210", "Extruded heat sink", "Lumora Lighting", true, false);
		evidence.orders(partNumber, "Lumora Lighting", 12, 600, 0.1, 11);
		evidence.batches(partNumber, "HTS", 6, 0, 0);
		evidence.capability(partNumber, "Fin pitch 2.5", 2.4, 2.6, 2.5, 0.02);
		evidence.cost(partNumber, 5.10, 4.30, 11000, 7000);
		evidence.feedback(partNumber, "Lumora Lighting", FeedbackRating.POSITIVE, 25, "Thermal tests pass.");
		evidence.designChange(partNumber, "ECN-311", 200, "Fin count reduced from 14 to 12.");
		toSmallBatch(partNumber);
		signReadiness(partNumber, true, true, true);
	}

	private void secondPrototypeIteration() {
		String partNumber = register("KNB-1300", "Machined control knob", "Audiophile Labs", false, false);
		complete(partNumber, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "RECYCLE",
				"prototypeComment", "Knurling too coarse; second iteration with 0.8 mm pitch."));
	}

	/** Evidence of a product that meets every condition of the gate. */
	private void ready(String partNumber, String customer, long seed) {
		evidence.orders(partNumber, customer, 12, 800 + 100 * (int) seed, 0.08, seed);
		evidence.batches(partNumber, partNumber.substring(0, 3), 6, 0, 0);
		evidence.capability(partNumber, "Critical dimension", 9.95, 10.05, 10.0, 0.009);
		evidence.capability(partNumber, "Surface roughness Ra", 0, 1.6, 0.8, 0.15);
		evidence.cost(partNumber, 14.0, 6.5, 60000, 24000);
		evidence.designChange(partNumber, "ECN-" + (100 + seed), 240, "Chamfer added on the mounting face.");
		evidence.feedback(partNumber, customer, FeedbackRating.POSITIVE, 60, "Pilot units perform as specified.");
		evidence.feedback(partNumber, customer, FeedbackRating.POSITIVE, 20,
				"Second pilot lot accepted without remarks.");
	}

	/**
	 * Registers the product as the engineer does in the products view; returns its part
	 * number.
	 */
	private String register(String partNumber, String name, String customer, boolean costPriority,
			boolean supplyCoordination) {
		String registered = actingAs.run("engineer",
				() -> productService
					.register(new ProductRegistration(partNumber, name, customer, "A", "engineer", costPriority,
							supplyCoordination), "engineer")
					.partNumber());
		documents.drawing(registered);
		return registered;
	}

	/**
	 * Gate 1 passed; the small batch's first-article and PPAP documents filed (but those
	 * {@code missing}).
	 */
	private void toSmallBatch(String partNumber, DocumentKind... missing) {
		complete(partNumber, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO", "prototypeComment",
				"Prototype passed fit and function tests."));
		documents.smallBatchFile(partNumber, missing);
	}

	private void signReadiness(String partNumber, boolean designFrozen, boolean inspection, boolean supplier) {
		complete(partNumber, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), designFrozen));
		complete(partNumber, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(),
				inspection, MATERIAL_CONFIRMED.name(), inspection, SURFACE_FINISH_CONFIRMED.name(), inspection));
		complete(partNumber, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), supplier));
	}

	private void decide(String partNumber, GateDecision decision, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(GATE_DECISION.name(), decision.name());
		variables.put(OVERRIDE_REASON.name(), reason);
		complete(partNumber, GATE_REVIEW, "gatekeeper", variables);
	}

	private void complete(String partNumber, String taskKey, String user, Map<String, Object> variables) {
		signOff.complete(partNumber, taskKey, user, variables);
	}

}
