package io.scalegate.condition;

import io.scalegate.base.InvalidInput;
import io.scalegate.base.InvalidInput.FieldProblem;
import io.scalegate.base.NotFound;
import io.scalegate.product.ProductMarks;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conditions of Go with conditions decisions: checks what a gatekeeper wrote, raises,
 * escalates and closes conditions (each audited), and says which products are conditional
 * (one of their conditions is open). Days are UTC days, as the engine's dates.
 */
@Service
public class GateConditions implements ProductMarks {

	/** The variable (and form field) the gatekeeper writes the conditions in. */
	public static final String FIELD = "gateConditions";

	public static final String TEXT = "conditionText";

	public static final String OWNER = "conditionOwner";

	public static final String DUE = "conditionDue";

	static final int MAX_CONDITIONS = 20;

	static final int MAX_TEXT = 2000;

	private final ConditionRows rows;

	private final UserAccounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final io.scalegate.base.ActingUser actingUser;

	/**
	 * The roles whose people can open and sign a condition's task (the task view's); an
	 * auditor or a process owner could be notified but never close it.
	 */
	static final java.util.Set<io.scalegate.security.Role> OWNER_ROLES = java.util.EnumSet.of(
			io.scalegate.security.Role.ENGINEER, io.scalegate.security.Role.QUALITY,
			io.scalegate.security.Role.SUPPLIER_QUALITY, io.scalegate.security.Role.GATEKEEPER);

	GateConditions(ConditionRows rows, UserAccounts accounts, Clock clock, ApplicationEventPublisher events,
			io.scalegate.base.ActingUser actingUser) {
		this.actingUser = actingUser;
		this.rows = rows;
		this.accounts = accounts;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The conditions written with a decision, checked: a decision that carries conditions
	 * needs at least one, each with a text, an owner who is an enabled user and a due day
	 * not in the past; any other decision carries none. Every problem names its field
	 * ({@code gateConditions[1].conditionOwner}, rows counted from 0).
	 * @throws InvalidInput listing every problem
	 */
	public List<NewCondition> checked(boolean carriesConditions, String decision, Object written) {
		List<?> list = written == null ? List.of() : written instanceof Collection<?> c ? List.copyOf(c) : null;
		if (list == null) {
			throw new InvalidInput(FIELD, "must be a list of conditions, each with "
					+ String.join(", ", TEXT, OWNER, DUE) + ", not " + written.getClass().getSimpleName());
		}
		if (!carriesConditions) {
			if (!list.isEmpty()) {
				throw new InvalidInput(FIELD, "only a Go with conditions (GO_WITH_CONDITIONS) carries conditions; "
						+ decision + " does not: remove them or decide GO_WITH_CONDITIONS");
			}
			return List.of();
		}
		if (list.isEmpty()) {
			throw new InvalidInput(FIELD, "a Go with conditions needs at least one condition, each with a text, "
					+ "an owner and a due date");
		}
		if (list.size() > MAX_CONDITIONS) {
			throw new InvalidInput(FIELD, "at most " + MAX_CONDITIONS + " conditions, not " + list.size());
		}
		LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
		List<FieldProblem> problems = new ArrayList<>();
		List<NewCondition> conditions = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			String at = FIELD + "[" + i + "].";
			if (!(list.get(i) instanceof Map<?, ?> row)) {
				problems.add(new FieldProblem(FIELD + "[" + i + "]",
						"must be a condition with " + String.join(", ", TEXT, OWNER, DUE)));
				continue;
			}
			String text = text(row.get(TEXT));
			if (text == null) {
				problems.add(new FieldProblem(at + TEXT, "write what must be done"));
			}
			else if (text.length() > MAX_TEXT) {
				problems.add(new FieldProblem(at + TEXT, "must have at most " + MAX_TEXT + " characters"));
			}
			else if (io.scalegate.base.Checks.hasHiddenCharacter(text)) {
				problems.add(new FieldProblem(at + TEXT,
						"contains an invisible formatting character (e.g. a right-to-left override); write it plainly"));
			}
			String owner = text(row.get(OWNER));
			if (owner == null) {
				problems.add(new FieldProblem(at + OWNER, "name the user who owns the condition"));
			}
			else if (accounts.find(owner).filter(UserAccount::enabled).isEmpty()) {
				problems.add(new FieldProblem(at + OWNER, "no enabled user " + owner + " can own the condition"));
			}
			else if (owner.equals(actingUser.current())) {
				problems.add(new FieldProblem(at + OWNER,
						"the gatekeeper who decides cannot own a condition of the decision (four eyes): name another person"));
			}
			else if (accounts.find(owner)
				.map(account -> account.roles().stream().noneMatch(OWNER_ROLES::contains))
				.orElse(true)) {
				problems.add(new FieldProblem(at + OWNER, owner
						+ " cannot close a condition: the owner needs the Engineer, Quality, Supplier quality or Gatekeeper role"));
			}
			LocalDate due = null;
			try {
				due = day(row.get(DUE));
				if (due == null) {
					problems.add(new FieldProblem(at + DUE, "choose the day it is due"));
				}
				else if (due.isBefore(today)) {
					problems.add(new FieldProblem(at + DUE, "is in the past (" + due + "); choose today or later"));
				}
			}
			catch (DateTimeParseException | ClassCastException unreadable) {
				problems.add(new FieldProblem(at + DUE, "is not a date (YYYY-MM-DD): " + row.get(DUE)));
			}
			conditions.add(new NewCondition(text, owner, due));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return conditions;
	}

	/**
	 * The conditions as the variable {@link #FIELD} keeps them: an {@link ArrayList} of
	 * maps of texts (the due day as ISO text), types the engine reads back.
	 */
	public static ArrayList<Map<String, Object>> asVariable(List<NewCondition> conditions) {
		ArrayList<Map<String, Object>> list = new ArrayList<>();
		for (NewCondition c : conditions) {
			Map<String, Object> row = new java.util.LinkedHashMap<>();
			row.put(TEXT, c.text());
			row.put(OWNER, c.owner());
			row.put(DUE, c.dueDate().toString());
			list.add(row);
		}
		return list;
	}

	/** Raises the conditions of a Go with conditions, in order; their ids. */
	@Transactional
	public List<Long> raise(String partNumber, String processInstanceId, String decision, List<NewCondition> conditions,
			String raisedBy) {
		Instant now = clock.instant();
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < conditions.size(); i++) {
			NewCondition c = conditions.get(i);
			GateCondition saved = rows.save(new GateCondition(null, partNumber, processInstanceId, decision, i,
					c.text(), c.owner(), c.dueDate(), raisedBy, now, GateCondition.OPEN, null, null, null, null));
			ids.add(saved.id());
			events.publishEvent(new ConditionRaised(partNumber, saved.id(), saved.text(), saved.owner(),
					saved.dueDate(), raisedBy));
		}
		return ids;
	}

	public GateCondition get(long id) {
		return rows.findById(id).orElseThrow(() -> new NotFound("condition", "conditionId", "no condition " + id));
	}

	/**
	 * Escalates the open condition to the gatekeeper (once); false when it is closed or
	 * was escalated already.
	 */
	@Transactional
	public boolean escalate(long id, String who) {
		GateCondition condition = get(id);
		if (!condition.open() || condition.escalated()) {
			return false;
		}
		rows.save(condition.escalate(clock.instant()));
		events.publishEvent(new ConditionEscalated(condition.partNumber(), id, condition.text(), condition.owner(),
				condition.dueDate(), who));
		return true;
	}

	/** Closes the open condition with the owner's note. */
	@Transactional
	public GateCondition close(long id, String who, String note) {
		GateCondition condition = get(id);
		if (!condition.open()) {
			throw new InvalidInput("conditionId", "the condition " + id + " is already closed");
		}
		String closingNote = text(note);
		if (closingNote == null) {
			throw new InvalidInput("closingNote", "write how the condition was met");
		}
		GateCondition closed = rows.save(condition.close(who, clock.instant(), closingNote));
		events.publishEvent(new ConditionClosed(condition.partNumber(), id, condition.text(), condition.owner(),
				condition.dueDate(), who, closingNote));
		return closed;
	}

	/**
	 * Publishes that the decision's conditions are all closed; false (nothing published)
	 * while one is open.
	 */
	@Transactional
	public boolean clear(String partNumber, String processInstanceId, String who) {
		if (rows.countByProcessInstanceIdAndState(processInstanceId, GateCondition.OPEN) > 0) {
			return false;
		}
		int conditions = rows.findByProcessInstanceIdOrderByPositionAsc(processInstanceId).size();
		events.publishEvent(new ConditionsCleared(partNumber, processInstanceId, conditions, who));
		return true;
	}

	/** The product's conditions, oldest decision first, in the gatekeeper's order. */
	public List<GateCondition> ofProduct(String partNumber) {
		return rows.findByPartNumberOrderByRaisedAtAscPositionAsc(partNumber);
	}

	/** The conditions of one lifecycle instance's Go with conditions, in order. */
	public List<GateCondition> ofProcess(String processInstanceId) {
		return rows.findByProcessInstanceIdOrderByPositionAsc(processInstanceId);
	}

	/** The product's open conditions. */
	public List<GateCondition> open(String partNumber) {
		return ofProduct(partNumber).stream().filter(GateCondition::open).toList();
	}

	/** Whether the product has an open condition. */
	public boolean conditional(String partNumber) {
		return rows.countByPartNumberAndState(partNumber, GateCondition.OPEN) > 0;
	}

	@Override
	public Set<String> conditional(Collection<String> partNumbers) {
		if (partNumbers.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(rows.conditionalAmong(partNumbers));
	}

	/** Whether the condition is open past its due day now. */
	public boolean overdue(GateCondition condition) {
		return condition.overdueAt(clock.instant());
	}

	private static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = String.valueOf(value).strip();
		return text.isEmpty() ? null : text;
	}

	/**
	 * A due day as a form or a caller sends it: ISO text (a day, or an instant), a date
	 * (at UTC), milliseconds since the epoch.
	 */
	static LocalDate day(Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			return null;
		}
		if (value instanceof LocalDate day) {
			return day;
		}
		if (value instanceof Date date) {
			return LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC);
		}
		if (value instanceof Long millis) {
			return LocalDate.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
		}
		String text = ((String) value).strip();
		return text.length() > 10 ? LocalDate.ofInstant(Instant.parse(text), ZoneOffset.UTC) : LocalDate.parse(text);
	}

}
