package io.scalegate.product;

import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers products, moves them between stages and answers for them: the one way other
 * features reach the product records.
 */
@Service
public class ProductService {

	private final Products products;

	private final StageChanges stageChanges;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JdbcClient jdbc;

	ProductService(Products products, StageChanges stageChanges, ApplicationEventPublisher events, Clock clock,
			JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.products = products;
		this.stageChanges = stageChanges;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Registers the product in PROTOTYPE and, through {@link ProductRegistered}, starts
	 * its lifecycle.
	 */
	@Transactional
	public Product register(ProductRegistration registration, String registeredBy) {
		Checks checks = new Checks();
		PartNumber.check(checks, "partNumber", registration.partNumber());
		String taken = null;
		if (checks.ok("partNumber") && products.existsByPartNumber(registration.partNumber().strip())) {
			taken = "part number " + registration.partNumber().strip() + " is already registered";
			checks.fail("partNumber", taken);
		}
		checks.text("name", registration.name(), 200);
		checks.text("customer", registration.customer(), 200);
		checks.text("revision", registration.revision(), 20);
		checks.text("owner", registration.owner(), 100);
		try {
			checks.throwIfAny();
		}
		catch (InvalidInput invalid) {
			// a taken part number alone is a conflict with what exists (409), the same
			// answer as when a concurrent registration wins the race below
			if (taken != null && invalid.problems().size() == 1) {
				throw new Conflict("partNumber", taken);
			}
			throw invalid;
		}
		String partNumber = registration.partNumber().strip();
		Product product;
		try {
			product = products.save(new Product(null, partNumber, registration.name().strip(),
					registration.customer().strip(), registration.revision().strip(), Stage.PROTOTYPE,
					registration.owner().strip(), registration.unitCostReductionPriority(),
					registration.needsSupplyCoordination(), clock.instant(), null, null, null, null, null, null));
		}
		catch (RuntimeException raced) {
			// the check above passed for two requests at once; the unique key let one win
			if (Conflict.of(raced) != null && "key".equals(Conflict.of(raced).field())) {
				throw new Conflict("partNumber", "part number " + partNumber
						+ " is already registered (at the same moment, by another request); nothing was saved by this one");
			}
			throw raced;
		}
		stageChanges.save(new StageChange(null, product.id(), null, Stage.PROTOTYPE, product.registeredAt()));
		events.publishEvent(new ProductRegistered(product.id(), partNumber, registeredBy));
		return product;
	}

	/**
	 * Distinct values of the customer and owner columns, for the list's filters (at most
	 * 500).
	 */
	public List<String> distinct(String column) {
		if (!List.of("customer", "owner").contains(column)) {
			throw new IllegalArgumentException(column);
		}
		return jdbc.sql("select distinct " + column + " from product order by 1")
			.query(String.class)
			.list()
			.stream()
			.limit(500)
			.toList();
	}

	/** Moves the product to {@code stage}; returns the stage it left. */
	@Transactional
	public Stage changeStage(String partNumber, Stage stage) {
		Product product = get(partNumber);
		Stage previous = product.stage();
		if (previous != stage) {
			products.save(product.withStage(stage));
			stageChanges.save(new StageChange(null, product.id(), previous, stage, clock.instant()));
			events.publishEvent(new StageChanged(partNumber, previous, stage));
		}
		return previous;
	}

	/**
	 * Keeps the latest readiness verdict, for the products list's "gate ready" and
	 * "blocked by" filters: the recommendation, the unmet conditions, the version of the
	 * gate rules that judged and the inputs they judged (JSON).
	 */
	@Transactional
	public void recordReadiness(String partNumber, String recommendation, List<String> reasons, int rulesVersion,
			String inputs) {
		products.save(get(partNumber).withReadiness(recommendation, reasons, rulesVersion, inputs, clock.instant()));
	}

	/** The product's stages, oldest first, from its registration on. */
	public List<StageChange> stageHistory(String partNumber) {
		return stageChanges.findByProductIdOrderByChangedAtAscIdAsc(get(partNumber).id());
	}

	/**
	 * The product with this part number; throws {@link UnknownProduct} if none, and
	 * {@link io.scalegate.base.InvalidInput} naming {@code partNumber} if it breaks the
	 * {@link PartNumber} rule (nothing is looked up then).
	 */
	public Product get(String partNumber) {
		return products.findByPartNumber(PartNumber.requireValid(partNumber))
			.orElseThrow(() -> new UnknownProduct(partNumber));
	}

	/**
	 * The product with this part number, if one is registered (none for a part number
	 * that breaks the {@link PartNumber} rule).
	 */
	public Optional<Product> find(String partNumber) {
		return PartNumber.isValid(partNumber) ? products.findByPartNumber(partNumber) : Optional.empty();
	}

	/**
	 * The products with these part numbers; part numbers nobody registered are left out.
	 */
	public List<Product> findAll(Collection<String> partNumbers) {
		List<String> valid = partNumbers.stream().filter(PartNumber::isValid).toList();
		return valid.isEmpty() ? List.of() : products.findByPartNumberIn(valid);
	}

	/** How many products are registered. */
	public long count() {
		return products.count();
	}

	/** How many products are in {@code stage} now. */
	public long count(Stage stage) {
		return products.countByStage(stage);
	}

	/**
	 * Running products (prototype, small batch) with a stored verdict judged by gate
	 * rules older than {@code rulesVersion} (or of an unknown version), in part number
	 * order after {@code after} (exclusive; null from the start), at most {@code limit}.
	 * What the re-evaluation after a deployment judges again.
	 */
	public List<String> judgedBefore(int rulesVersion, String after, int limit) {
		return jdbc
			.sql("select part_number from product where " + JUDGED_BEFORE
					+ " and part_number > :after order by part_number limit :limit")
			.param("version", rulesVersion)
			.param("running", Stage.runningStages().stream().map(Stage::name).toList())
			.param("after", after == null ? "" : after)
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/** How many products {@link #judgedBefore} finds in all. */
	public int countJudgedBefore(int rulesVersion) {
		return jdbc.sql("select count(*) from product where " + JUDGED_BEFORE)
			.param("version", rulesVersion)
			.param("running", Stage.runningStages().stream().map(Stage::name).toList())
			.query(Integer.class)
			.single();
	}

	private static final String JUDGED_BEFORE = "stage in (:running) and gate_recommendation is not null"
			+ " and (gate_rules_version is null or gate_rules_version < :version)";

	/**
	 * The gate rules versions older than {@code rulesVersion} that stored verdicts carry.
	 */
	public List<Integer> rulesVersionsBefore(int rulesVersion) {
		return jdbc
			.sql("select distinct gate_rules_version from product where gate_rules_version < :version"
					+ " order by gate_rules_version")
			.param("version", rulesVersion)
			.query(Integer.class)
			.list();
	}

	/**
	 * Verdicts of gate rules {@code from} count as verdicts of {@code to}: for a
	 * deployment whose gate rules are the same file as before (it changed another model),
	 * they would judge the same. Returns how many.
	 */
	@Transactional
	public int carryVerdicts(int from, int to) {
		return jdbc.sql("update product set gate_rules_version = :to where gate_rules_version = :from")
			.param("from", from)
			.param("to", to)
			.update();
	}

}
