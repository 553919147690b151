package io.scalegate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.Stage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load driver, not a unit test (excluded from the build): fills the product table with
 * 100,000 products spread over stages, customers, owners and gate verdicts, and times the
 * products grid's page and count queries with each filter. Run:
 * {@code ./mvnw test -Dtest=ProductSearchAtScaleBenchmark} (add
 * {@code -Dspring.profiles.active=postgresql-test} for PostgreSQL); results go to
 * docs/benchmarks.md.
 */
@ScaleGateTest
class ProductSearchAtScaleBenchmark {

	static final String[] STAGES = { "PROTOTYPE", "SMALL_BATCH", "SMALL_BATCH", "SMALL_BATCH", "MASS_PRODUCTION",
			"ONE_STOP_SCALE_PLANNING", "CANCELLED" };

	static final String[] VERDICTS = { "GO_MASS_PRODUCTION", "STAY_SMALL_BATCH", "STAY_SMALL_BATCH",
			"RECYCLE_TO_PROTOTYPE", "ONE_STOP_SCALE_PLANNING" };

	static final String[] BLOCKERS = { ",", ",TOOLING_NOT_JUSTIFIED,", ",DEMAND_NOT_STABLE,SUPPLIER_NOT_QUALIFIED,",
			",FEEDBACK_NEGATIVE,", ",NEEDS_SUPPLY_COORDINATION," };

	@Autowired
	ProductSearch search;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void timesTheProductsGridQueries() {
		int total = Integer.getInteger("products.count", 100_000);
		long started = System.nanoTime();
		List<Object[]> rows = new ArrayList<>();
		Timestamp now = Timestamp.from(Instant.now());
		for (int i = 0; i < total; i++) {
			rows.add(new Object[] { String.format("LOAD-%06d", i), "Load part " + (i % 997), "Customer " + (i % 40),
					STAGES[i % STAGES.length], "owner" + (i % 25), now, VERDICTS[i % VERDICTS.length],
					BLOCKERS[i % BLOCKERS.length], now });
			if (rows.size() == 5000 || i == total - 1) {
				jdbc.batchUpdate(
						"insert into product (part_number, name, customer, revision, stage, owner, registered_at, "
								+ "gate_recommendation, gate_blockers, readiness_evaluated_at) values (?, ?, ?, 'A', ?, ?, ?, ?, ?, ?)",
						rows);
				rows.clear();
			}
		}
		// fresh statistics, as autovacuum would give a real database after such a load
		try {
			jdbc.execute("analyze product");
		}
		catch (org.springframework.dao.DataAccessException h2) {
			jdbc.execute("analyze table product");
		}
		System.out.printf("PRODUCTS-BENCH filled %d products in %.1f s%n", total, (System.nanoTime() - started) / 1e9);
		PageRequest first = PageRequest.of(0, 50, Sort.by("partNumber"));
		ProductFilter none = ProductFilter.none();
		report("no filter, first page of 50 by part number", () -> search.page(none, first));
		report("no filter, page 1,000 of 50", () -> search.page(none, PageRequest.of(999, 50, Sort.by("partNumber"))));
		report("no filter, sorted by name, first page",
				() -> search.page(none, PageRequest.of(0, 50, Sort.by("name"))));
		report("no filter, count", () -> search.count(none));
		ProductFilter text = new ProductFilter("load-0999", Set.of(), null, null, false, null);
		report("search 'load-0999', page", () -> search.page(text, first));
		report("search 'load-0999', count", () -> search.count(text));
		ProductFilter stage = new ProductFilter(null, Set.of(Stage.SMALL_BATCH), null, null, false, null);
		report("stage SMALL_BATCH, page", () -> search.page(stage, first));
		report("stage SMALL_BATCH, count", () -> search.count(stage));
		ProductFilter customer = new ProductFilter(null, Set.of(), "Customer 7", null, false, null);
		report("customer, page", () -> search.page(customer, first));
		ProductFilter ready = new ProductFilter(null, Set.of(), null, null, true, null);
		report("gate ready, page", () -> search.page(ready, first));
		report("gate ready, count", () -> search.count(ready));
		ProductFilter blocked = new ProductFilter(null, Set.of(), null, null, false, "SUPPLIER_NOT_QUALIFIED");
		report("blocked by SUPPLIER_NOT_QUALIFIED, page", () -> search.page(blocked, first));
		report("blocked by SUPPLIER_NOT_QUALIFIED, count", () -> search.count(blocked));
		assertThat(search.count(none)).isGreaterThanOrEqualTo(total);
		assertThat(search.count(text)).isEqualTo(100);
	}

	private static void report(String what, Supplier<Object> query) {
		Timings.report("PRODUCTS-BENCH", what, query);
	}

}
