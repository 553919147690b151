package io.scalegate.model.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.model.cases.CaseInChange.Edit;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The process owners' decision test cases: kept, checked for shape, every change in the
 * audit trail. A case is added, changed or removed only inside a model change, as a
 * pending edit of that change; the edits become the live cases when a second process
 * owner approves the change, and are dropped when it is rejected or withdrawn.
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

	/** The live cases of these decisions, by decision and name. */
	public List<DecisionCase> of(Set<String> decisionKeys) {
		if (decisionKeys.isEmpty()) {
			return List.of();
		}
		return rows.findAll(
				Query.query(Criteria.where("decisionKey").in(decisionKeys)).sort(Sort.by("decisionKey", "name")),
				DecisionCase.class);
	}

	/**
	 * The cases of these decisions as model change {@code changeId} sees them: the live
	 * cases overlaid with its pending edits (those it removes included, marked), by
	 * decision and name.
	 */
	public List<CaseInChange> inChange(long changeId, Set<String> decisionKeys) {
		List<DecisionCaseEdit> edits = edits(changeId);
		Map<Long, DecisionCaseEdit> byCase = new HashMap<>();
		edits.stream().filter(edit -> edit.caseId() != null).forEach(edit -> byCase.put(edit.caseId(), edit));
		List<CaseInChange> cases = new ArrayList<>();
		for (DecisionCase live : of(decisionKeys)) {
			DecisionCaseEdit edit = byCase.get(live.id());
			cases.add(edit == null ? new CaseInChange(live, Edit.NONE) : edit.removed()
					? new CaseInChange(live, Edit.REMOVED) : new CaseInChange(edit.testCase(live), Edit.CHANGED));
		}
		edits.stream()
			.filter(edit -> edit.caseId() == null && decisionKeys.contains(edit.decisionKey()))
			.forEach(edit -> cases.add(new CaseInChange(edit.testCase(null), Edit.ADDED)));
		cases.sort(Comparator.comparing((CaseInChange c) -> c.testCase().decisionKey())
			.thenComparing(c -> c.testCase().name()));
		return cases;
	}

	/**
	 * The cases the check of model change {@code changeId} runs: {@link #inChange} less
	 * those it removes.
	 */
	public List<DecisionCase> toRun(long changeId, Set<String> decisionKeys) {
		return inChange(changeId, decisionKeys).stream()
			.filter(CaseInChange::runs)
			.map(CaseInChange::testCase)
			.toList();
	}

	/**
	 * The case {@code id} as model change {@code changeId} lists it (a negative id: a
	 * case it adds), or an {@link InvalidInput} naming the id.
	 */
	public DecisionCase get(long changeId, long id) {
		if (id < 0) {
			return added(changeId, id).testCase(null);
		}
		DecisionCase live = rows.findById(id, DecisionCase.class);
		if (live == null) {
			throw new InvalidInput("id", "no decision test case " + id);
		}
		DecisionCaseEdit edit = edit(changeId, id);
		return edit == null || edit.removed() ? live : edit.testCase(live);
	}

	/**
	 * Adds a case ({@code id} null), or changes one, as a pending part of model change
	 * {@code changeId}: it becomes a live case only when the change is approved
	 * ({@link #apply}). Only {@code ModelChanges.saveCase} calls this, after it checked
	 * that {@code by} is the author of that open change of the file holding the decision
	 * (the cases judge rule changes, so they change under the same four eyes).
	 * {@code inputs} is a JSON object of variable values, {@code expected} a JSON object
	 * of output names and values (a list for a COLLECT output). A change back to the live
	 * case drops the edit.
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
		String key = decisionKey.strip();
		String caseName = name.strip();
		DecisionCase before = id == null ? null : get(changeId, id);
		boolean taken = inChange(changeId, Set.of(key)).stream()
			.anyMatch(other -> other.runs() && other.testCase().name().equals(caseName)
					&& !other.testCase().id().equals(id));
		if (taken) {
			throw new Conflict("name", "decision " + key + " has a case named \"" + caseName + "\" already");
		}
		DecisionCaseEdit pending = id == null ? removalNamed(changeId, key, caseName)
				: id < 0 ? added(changeId, id) : edit(changeId, id);
		Long caseId = id == null ? pending == null ? null : pending.caseId() : id < 0 ? null : id;
		DecisionCaseEdit edit = new DecisionCaseEdit(pending == null ? null : pending.id(), changeId, caseId, key,
				caseName, normalised(inputs), normalised(expected), false, by, clock.instant());
		DecisionCase live = caseId == null ? null : rows.findById(caseId, DecisionCase.class);
		DecisionCase saved;
		try {
			if (live != null && edit.testCase(live).equals(live.normalised(this::normalised))) {
				if (pending != null) {
					rows.deleteById(pending.id(), DecisionCaseEdit.class);
				}
				saved = live;
			}
			else {
				DecisionCaseEdit stored = pending == null ? rows.insert(edit) : rows.update(edit);
				saved = stored.testCase(live);
			}
		}
		catch (RuntimeException raced) {
			// the name was free when checked; a concurrent save took it (unique key)
			Conflict collision = Conflict.of(raced);
			if (collision != null && "key".equals(collision.field())) {
				throw new Conflict("name", "decision " + key + " has a case named \"" + caseName
						+ "\" already (saved at the same moment by another request)");
			}
			throw raced;
		}
		events.publishEvent(new DecisionCaseChanged(key, caseName, before == null ? null : describe(before),
				describe(saved), by, changeId));
		return saved;
	}

	/**
	 * Removes a case as a pending part of model change {@code changeId} (as
	 * {@link #save}).
	 */
	@Transactional
	public void remove(long changeId, long id, String by) {
		DecisionCase before = get(changeId, id);
		DecisionCaseEdit pending = id < 0 ? added(changeId, id) : edit(changeId, id);
		if (id < 0) {
			rows.deleteById(pending.id(), DecisionCaseEdit.class);
		}
		else {
			DecisionCase live = rows.findById(id, DecisionCase.class);
			DecisionCaseEdit removal = new DecisionCaseEdit(pending == null ? null : pending.id(), changeId, id,
					live.decisionKey(), live.name(), null, null, true, by, clock.instant());
			if (pending == null) {
				rows.insert(removal);
			}
			else {
				rows.update(removal);
			}
		}
		events.publishEvent(
				new DecisionCaseChanged(before.decisionKey(), before.name(), describe(before), null, by, changeId));
	}

	/**
	 * Makes the pending edits of model change {@code changeId} the live cases: only
	 * {@code ModelChanges.approve} calls this, in the transaction that deploys the
	 * change, so both happen or neither. A case another approved change removed
	 * meanwhile, or a name another approved change took meanwhile, is a {@link Conflict}
	 * naming the case (nothing is applied, nothing deployed).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void apply(long changeId) {
		List<DecisionCaseEdit> edits = new ArrayList<>(edits(changeId));
		// removals first, new cases last: a name a removal frees may be taken again
		edits.sort(Comparator.comparingInt(edit -> edit.removed() ? 0 : edit.caseId() != null ? 1 : 2));
		for (DecisionCaseEdit edit : edits) {
			DecisionCase live = edit.caseId() == null ? null : rows.findById(edit.caseId(), DecisionCase.class);
			if (edit.caseId() != null && live == null) {
				throw new Conflict("cases",
						"decision test case \"" + edit.name() + "\" of " + edit.decisionKey() + ", which change #"
								+ changeId + (edit.removed() ? " removes" : " changes")
								+ ", was removed meanwhile by another approved change: open the model again");
			}
			if (edit.removed()) {
				rows.deleteById(edit.caseId(), DecisionCase.class);
				continue;
			}
			DecisionCase applied = edit.testCase(live);
			applied = live == null ? applied.withId(null) : applied;
			if (rows.exists(Query.query(Criteria.where("decisionKey")
				.is(applied.decisionKey())
				.and("name")
				.is(applied.name())
				.and("id")
				.not(live == null ? -1L : live.id())), DecisionCase.class)) {
				throw nameTaken(changeId, applied);
			}
			try {
				if (live == null) {
					rows.insert(applied);
				}
				else {
					rows.update(applied);
				}
			}
			catch (RuntimeException raced) {
				Conflict collision = Conflict.of(raced);
				if (collision != null && "key".equals(collision.field())) {
					throw nameTaken(changeId, applied);
				}
				throw raced;
			}
		}
		discard(changeId);
	}

	/** Drops the pending edits of a model change that is rejected or withdrawn. */
	@Transactional
	public void discard(long changeId) {
		rows.deleteAll(edits(changeId));
	}

	private static Conflict nameTaken(long changeId, DecisionCase applied) {
		return new Conflict("cases",
				"decision " + applied.decisionKey() + " has a case named \"" + applied.name()
						+ "\" already: another approved change added it meanwhile, so change #" + changeId
						+ " cannot be approved with its own case of that name; its author renames or removes it");
	}

	private List<DecisionCaseEdit> edits(long changeId) {
		return rows.findAll(Query.query(Criteria.where("changeId").is(changeId)).sort(Sort.by("id")),
				DecisionCaseEdit.class);
	}

	private DecisionCaseEdit edit(long changeId, long caseId) {
		return rows
			.findOne(Query.query(Criteria.where("changeId").is(changeId).and("caseId").is(caseId)),
					DecisionCaseEdit.class)
			.orElse(null);
	}

	/** The pending new case listed as {@code id} (negative) in this change. */
	private DecisionCaseEdit added(long changeId, long id) {
		DecisionCaseEdit edit = rows.findById(-id, DecisionCaseEdit.class);
		if (edit == null || edit.changeId() != changeId || edit.caseId() != null) {
			throw new InvalidInput("id", "no decision test case " + id + " in change #" + changeId);
		}
		return edit;
	}

	/**
	 * This change's removal of the live case so named: a new case of that name changes it
	 * instead.
	 */
	private DecisionCaseEdit removalNamed(long changeId, String decisionKey, String name) {
		return edits(changeId).stream()
			.filter(edit -> edit.removed() && edit.decisionKey().equals(decisionKey) && edit.name().equals(name))
			.findFirst()
			.orElse(null);
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
