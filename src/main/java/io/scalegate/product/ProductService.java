package io.scalegate.product;

import io.scalegate.base.InvalidInput;
import java.time.Clock;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers products and moves them between stages. */
@Service
public class ProductService {

	private static final Pattern PART_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{1,63}");

	private final Products products;

	private final StageChanges stageChanges;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductService(Products products, StageChanges stageChanges, ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.stageChanges = stageChanges;
		this.events = events;
		this.clock = clock;
	}

	/** Registers the product in PROTOTYPE and, through {@link ProductRegistered}, starts its lifecycle. */
	@Transactional
	public Product register(ProductRegistration registration, String registeredBy) {
		String partNumber = required("partNumber", registration.partNumber(), 64);
		if (!PART_NUMBER.matcher(partNumber).matches()) {
			throw new InvalidInput("partNumber",
					"use 2 to 64 letters, digits, '.', '_', '-' or '/', starting with a letter or digit");
		}
		if (products.existsByPartNumber(partNumber)) {
			throw new InvalidInput("partNumber", "part number " + partNumber + " is already registered");
		}
		Product product = products.save(new Product(null, partNumber, required("name", registration.name(), 200),
				required("customer", registration.customer(), 200), required("revision", registration.revision(), 20),
				Stage.PROTOTYPE, required("owner", registration.owner(), 100),
				registration.unitCostReductionPriority(), registration.needsSupplyCoordination(), clock.instant(),
				null, null, null, null));
		stageChanges.save(new StageChange(null, product.id(), null, Stage.PROTOTYPE, product.registeredAt()));
		events.publishEvent(new ProductRegistered(product.id(), partNumber, registeredBy));
		return product;
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

	/** Keeps the latest readiness verdict, for the products list's "gate ready" and "blocked by" filters. */
	@Transactional
	public void recordReadiness(String partNumber, String recommendation, List<String> reasons) {
		products.save(get(partNumber).withReadiness(recommendation, reasons, clock.instant()));
	}

	/** The product's stages, oldest first, from its registration on. */
	public List<StageChange> stageHistory(String partNumber) {
		return stageChanges.findByProductIdOrderByChangedAtAscIdAsc(get(partNumber).id());
	}

	public Product get(String partNumber) {
		return products.findByPartNumber(partNumber)
			.orElseThrow(() -> new UnknownProduct(partNumber));
	}

	private static String required(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new InvalidInput(field, "is required");
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw new InvalidInput(field, "must be at most " + maxLength + " characters");
		}
		return trimmed;
	}

}
