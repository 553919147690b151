package io.scalegate.condition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One condition of a Go with conditions: what must be done, by whom, by which day (a UTC
 * day: overdue once it has passed), and how it ended.
 *
 * @param position its place in the gatekeeper's list, from 0
 */
@Table("gate_condition")
public record GateCondition(@Id Long id, String partNumber, String processInstanceId, String gateDecision, int position,
		String text, String owner, LocalDate dueDate, String raisedBy, Instant raisedAt, String state,
		Instant escalatedAt, String closedBy, Instant closedAt, String closingNote) {

	public static final String OPEN = "OPEN";

	public static final String CLOSED = "CLOSED";

	public boolean open() {
		return OPEN.equals(state);
	}

	/**
	 * The last moment of its due day (UTC): its task's due date, so that every screen
	 * shows the due day itself, and when the escalation timer fires.
	 */
	public Instant dueBy() {
		return overdueFrom().minusMillis(1);
	}

	/** When it becomes overdue: the midnight (UTC) after its due day. */
	public Instant overdueFrom() {
		return dueDate.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** Whether it is open past its due day at {@code now}. */
	public boolean overdueAt(Instant now) {
		return open() && !now.isBefore(overdueFrom());
	}

	public boolean escalated() {
		return escalatedAt != null;
	}

	GateCondition escalate(Instant at) {
		return new GateCondition(id, partNumber, processInstanceId, gateDecision, position, text, owner, dueDate,
				raisedBy, raisedAt, state, at, closedBy, closedAt, closingNote);
	}

	GateCondition close(String by, Instant at, String note) {
		return new GateCondition(id, partNumber, processInstanceId, gateDecision, position, text, owner, dueDate,
				raisedBy, raisedAt, CLOSED, escalatedAt, by, at, note);
	}

}
