package io.scalegate.model.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process owners' decision test cases: kept, checked for shape, every change in the
 * audit trail.
 */
@Service
public class DecisionCases {

	private final JdbcAggregateTemplate rows;

	private final ObjectMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	DecisionCases(JdbcAggregateTemplate rows, ObjectMapper json, Clock clock, ApplicationEventPublisher events) {
		this.rows = rows;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	/** The cases of these decisions, by decision and name. */
	public List<DecisionCase> of(Set<String> decisionKeys) {
		if (decisionKeys.isEmpty()) {
			return List.of();
		}
		return rows.findAll(
				Query.query(Criteria.where("decisionKey").in(decisionKeys)).sort(Sort.by("decisionKey", "name")),
				DecisionCase.class);
	}

	/**
	 * Adds a case ({@code id} null) or changes one, as part of model change
	 * {@code changeId}: only {@code ModelChanges.saveCase} calls this, after it checked
	 * that {@code by} is the author of that draft change of the file holding the decision
	 * (the cases judge rule changes, so they change under the same four eyes).
	 * {@code inputs} is a JSON object of variable values, {@code expected} a JSON object
	 * of output names and values (a list for a COLLECT output).
	 */
	@Transactional
	public DecisionCase save(long changeId, Long id, String decisionKey, String name, String inputs, String expected,
			String by) {
		Checks checks = new Checks();
		checks.text("decisionKey", decisionKey, 100);
		checks.text("name", name, 200);
		object(checks, "inputs", inputs, 4000, false);
		object(checks, "expected", expected, 2000, true);
		checks.throwIfAny();
		DecisionCase before = id == null ? null : rows.findById(id, DecisionCase.class);
		if (id != null && before == null) {
			throw new InvalidInput("id", "no decision test case " + id);
		}
		boolean taken = rows.exists(Query.query(Criteria.where("decisionKey")
			.is(decisionKey.strip())
			.and("name")
			.is(name.strip())
			.and("id")
			.not(id == null ? -1L : id)), DecisionCase.class);
		if (taken) {
			throw new Conflict("name",
					"decision " + decisionKey.strip() + " has a case named \"" + name.strip() + "\" already");
		}
		DecisionCase changed = new DecisionCase(id, decisionKey.strip(), name.strip(), normalised(inputs),
				normalised(expected), before == null ? by : before.createdBy(),
				before == null ? clock.instant() : before.createdAt());
		DecisionCase saved;
		try {
			saved = id == null ? rows.insert(changed) : rows.update(changed);
		}
		catch (RuntimeException raced) {
			// the name was free when checked; a concurrent save took it (unique key)
			Conflict collision = Conflict.of(raced);
			if (collision != null && "key".equals(collision.field())) {
				throw new Conflict("name", "decision " + decisionKey.strip() + " has a case named \"" + name.strip()
						+ "\" already (saved at the same moment by another request)");
			}
			throw raced;
		}
		events.publishEvent(new DecisionCaseChanged(saved.decisionKey(), saved.name(),
				before == null ? null : describe(before), describe(saved), by, changeId));
		return saved;
	}

	/** The case, or an {@link InvalidInput} naming the id. */
	public DecisionCase get(long id) {
		DecisionCase testCase = rows.findById(id, DecisionCase.class);
		if (testCase == null) {
			throw new InvalidInput("id", "no decision test case " + id);
		}
		return testCase;
	}

	/** Removes a case as part of model change {@code changeId} (as {@link #save}). */
	@Transactional
	public void remove(long changeId, long id, String by) {
		DecisionCase before = rows.findById(id, DecisionCase.class);
		if (before == null) {
			throw new InvalidInput("id", "no decision test case " + id);
		}
		rows.deleteById(id, DecisionCase.class);
		events.publishEvent(
				new DecisionCaseChanged(before.decisionKey(), before.name(), describe(before), null, by, changeId));
	}

	private void object(Checks checks, String field, String text, int maxLength, boolean nonEmpty) {
		checks.text(field, text, maxLength);
		if (!checks.ok(field)) {
			return;
		}
		try {
			JsonNode node = json.readTree(text);
			if (node == null || !node.isObject()) {
				checks.fail(field, "write a JSON object, like {\"demandCv\": 0.2}");
			}
			else if (nonEmpty && node.isEmpty()) {
				checks.fail(field, "name at least one output and the value it must have");
			}
		}
		catch (JsonProcessingException e) {
			checks.fail(field, "is not JSON: " + e.getOriginalMessage());
		}
	}

	private String normalised(String text) {
		try {
			return json.writeValueAsString(json.readTree(text));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String describe(DecisionCase testCase) {
		return "{\"inputs\":" + testCase.inputs() + ",\"expected\":" + testCase.expected() + "}";
	}

}
