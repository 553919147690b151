package io.scalegate.product.web;

import io.scalegate.base.web.Idempotency;
import io.scalegate.product.Product;
import io.scalegate.product.ProductExport;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import io.scalegate.product.StageChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Products for other systems: register (which starts the lifecycle), read one, page
 * through all. {@code gateRulesVersion} says which version of the gate rules judged the
 * stored verdict; the {@code gateReady} and {@code blockedBy} filters count only verdicts
 * of the deployed rules.
 */
@RestController
@RequestMapping("/api/products")
@Tag(name = "Products")
class ProductApi {

	private final ProductService products;

	private final ProductSearch search;

	private final Idempotency idempotency;

	private final ProductExport export;

	ProductApi(ProductService products, ProductSearch search, Idempotency idempotency, ProductExport export) {
		this.products = products;
		this.search = search;
		this.idempotency = idempotency;
		this.export = export;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Page through products, newest part numbers last")
	ProductPage list(@RequestParam(required = false) @Parameter(description = "part number or name contains") String q,
			@RequestParam(required = false) Set<Stage> stage, @RequestParam(required = false) String customer,
			@RequestParam(defaultValue = "false") boolean gateReady,
			@RequestParam(required = false) @Parameter(description = "a gateReasons value") String blockedBy,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		if (page < 0) {
			throw new io.scalegate.base.InvalidInput("page", "must not be negative");
		}
		if (size < 1 || size > 500) {
			throw new io.scalegate.base.InvalidInput("size", "must be between 1 and 500");
		}
		ProductFilter filter = filter(q, stage, customer, gateReady, blockedBy);
		List<ProductView> items = search.page(filter, PageRequest.of(page, size, Sort.by("partNumber")))
			.stream()
			.map(ProductView::of)
			.toList();
		return new ProductPage(items, page, size, search.count(filter));
	}

	@GetMapping(params = "format")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Export the products the filters find, as the products list shows them (with format)",
			description = "format=csv: RFC 4180, every cell quoted, text that starts like a formula prefixed with an"
					+ " apostrophe; format=xlsx: an Excel workbook with a bold header row, the rules version as a"
					+ " number and the registration as a date. Columns: part number, name, customer, stage, gate,"
					+ " rules, owner, registered; in part number order.")
	ResponseEntity<StreamingResponseBody> export(@RequestParam @Parameter(description = "csv or xlsx") String format,
			@RequestParam(required = false) @Parameter(description = "part number or name contains") String q,
			@RequestParam(required = false) Set<Stage> stage, @RequestParam(required = false) String customer,
			@RequestParam(defaultValue = "false") boolean gateReady,
			@RequestParam(required = false) @Parameter(description = "a gateReasons value") String blockedBy) {
		ProductFilter filter = filter(q, stage, customer, gateReady, blockedBy);
		return switch (format) {
			case "csv" -> ResponseEntity.ok()
				.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scalegate-products.csv\"")
				.body(out -> {
					java.io.Writer writer = new java.io.OutputStreamWriter(out,
							java.nio.charset.StandardCharsets.UTF_8);
					export.csv(filter, Sort.unsorted(), writer);
					writer.flush();
				});
			case "xlsx" -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(XLSX))
				.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"scalegate-products.xlsx\"")
				.body(out -> export.xlsx(filter, Sort.unsorted(), out));
			default -> throw new io.scalegate.base.InvalidInput("format", "must be csv or xlsx");
		};
	}

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static ProductFilter filter(String q, Set<Stage> stage, String customer, boolean gateReady,
			String blockedBy) {
		if (stage != null && stage.contains(null)) {
			throw new io.scalegate.base.InvalidInput("stage",
					"a blank value cannot be read: expected one of " + java.util.Arrays.toString(Stage.values()));
		}
		return new ProductFilter(q, stage == null ? Set.of() : stage, customer, null, gateReady, blockedBy);
	}

	@GetMapping("/{partNumber}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "One product with its stage history and latest gate verdict")
	ProductView get(@PathVariable String partNumber) {
		return ProductView.of(products.get(partNumber), products.stageHistory(partNumber));
	}

	@PostMapping
	@PreAuthorize("hasAnyRole('ENGINEER', 'PROCESS_OWNER')")
	@Operation(summary = "Register a product; its lifecycle starts in PROTOTYPE")
	ResponseEntity<?> register(@RequestBody ProductRegistration registration,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		return idempotency.once(caller.getName(), key, List.of("POST /api/products", registration), () -> {
			Product product = products.register(registration, caller.getName());
			return ResponseEntity.created(URI.create("/api/products/" + product.partNumber()))
				.body(ProductView.of(product, products.stageHistory(product.partNumber())));
		});
	}

	/** A product as the API shows it. */
	record ProductView(String partNumber, String name, String customer, String revision, Stage stage, String owner,
			boolean unitCostReductionPriority, boolean needsSupplyCoordination, Instant registeredAt,
			String gateRecommendation, List<String> gateBlockers, Integer gateRulesVersion, List<StageStep> stages) {

		static ProductView of(Product product) {
			return of(product, null);
		}

		static ProductView of(Product product, List<StageChange> history) {
			return new ProductView(product.partNumber(), product.name(), product.customer(), product.revision(),
					product.stage(), product.owner(), product.unitCostReductionPriority(),
					product.needsSupplyCoordination(), product.registeredAt(), product.gateRecommendation(),
					product.gateRecommendation() == null ? null : product.blockers(), product.gateRulesVersion(),
					history == null ? null
							: history.stream().map(c -> new StageStep(c.toStage(), c.changedAt())).toList());
		}

	}

	record StageStep(Stage stage, Instant since) {
	}

	record ProductPage(List<ProductView> items, int page, int size, long total) {
	}

}
