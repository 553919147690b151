package io.scalegate.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A deputy stands in for an absent person from the first to the last day (UTC days, both
 * inclusive), unless ended early: while it lasts, the absent person's assigned tasks the
 * deputy's roles allow show in the deputy's inbox and the deputy signs them with their
 * own signature, for the absent person (docs/adr/0016-deputies.md).
 */
@Table("deputyship")
public record Deputyship(@Id Long id, String absent, String deputy, LocalDate firstDay, LocalDate lastDay,
		String reason, String namedBy, Instant namedAt, String endedBy, Instant endedAt) {

	/** When it starts: the first day's midnight, UTC. */
	public Instant starts() {
		return firstDay.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/**
	 * When it ends (exclusive): the midnight after the last day, or when it was ended.
	 */
	public Instant ends() {
		Instant planned = lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		return endedAt != null && endedAt.isBefore(planned) ? endedAt : planned;
	}

	/** Whether the deputy stands in at this instant. */
	public boolean lastsAt(Instant now) {
		return !now.isBefore(starts()) && now.isBefore(ends());
	}

	/** Whether it is over (ended early or past its last day) at this instant. */
	public boolean overAt(Instant now) {
		return !now.isBefore(ends());
	}

	/** Whether it was ended early. */
	public boolean endedEarly() {
		return endedAt != null;
	}

	/** Whether it lasts on any day from {@code first} to {@code last}, unless ended. */
	boolean overlaps(LocalDate first, LocalDate last, Instant now) {
		if (overAt(now)) {
			return false;
		}
		return !firstDay.isAfter(last) && !lastDay.isBefore(first);
	}

	/** What state it is in at this instant, for lists. */
	public String state(Instant now) {
		if (endedEarly() && overAt(now)) {
			return endedAt.isAfter(starts()) ? "ended early" : "cancelled";
		}
		if (overAt(now)) {
			return "over";
		}
		return lastsAt(now) ? "active" : "planned";
	}

}
