package io.scalegate.product;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Pages through products by a {@link ProductFilter}, in the database (indexes on stage,
 * customer, owner, verdict). The "gate ready" and "blocked by" filters count only
 * verdicts of the gate rules deployed now: a verdict of older rules waits for its
 * re-evaluation (or, for a product that no longer runs, stays as it was judged).
 */
@Component
public class ProductSearch {

	private final JdbcAggregateTemplate rows;

	private final GateRules rules;

	ProductSearch(JdbcAggregateTemplate rows, GateRules rules) {
		this.rows = rows;
		this.rules = rules;
	}

	public List<Product> page(ProductFilter filter, Pageable page) {
		return rows.findAll(Query.query(criteria(filter)).with(page), Product.class);
	}

	public long count(ProductFilter filter) {
		return rows.count(Query.query(criteria(filter)), Product.class);
	}

	private Criteria criteria(ProductFilter filter) {
		List<Criteria> parts = new ArrayList<>();
		if (filter.text() != null && !filter.text().isBlank()) {
			String like = "%" + escape(filter.text().strip()) + "%";
			parts.add(Criteria.where("partNumber").like(like).ignoreCase(true).or("name").like(like).ignoreCase(true));
		}
		if (filter.stages() != null && !filter.stages().isEmpty()) {
			parts.add(Criteria.where("stage").in(filter.stages().stream().map(Stage::name).toList()));
		}
		if (filter.customer() != null && !filter.customer().isBlank()) {
			parts.add(Criteria.where("customer").is(filter.customer()));
		}
		if (filter.owner() != null && !filter.owner().isBlank()) {
			parts.add(Criteria.where("owner").is(filter.owner()));
		}
		boolean byVerdict = false;
		if (filter.gateReady()) {
			parts.add(Criteria.where("gateRecommendation").is(ProductFilter.READY));
			byVerdict = true;
		}
		if (filter.blockedBy() != null && !filter.blockedBy().isBlank()) {
			parts.add(Criteria.where("gateBlockers").like("%," + escape(filter.blockedBy()) + ",%"));
			byVerdict = true;
		}
		if (byVerdict) {
			OptionalInt deployed = rules.deployedVersion();
			if (deployed.isPresent()) {
				parts.add(Criteria.where("gateRulesVersion").is(deployed.getAsInt()));
			}
		}
		Criteria all = Criteria.empty();
		for (Criteria part : parts) {
			all = all.and(part);
		}
		return all;
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

}
