package io.scalegate.model.impact;

import io.scalegate.gate.GateReason;
import io.scalegate.gate.Readiness;
import java.util.ArrayList;
import java.util.List;

/**
 * One running product whose gate verdict a rule change changes: its part number, the
 * recommendation of the deployed rules ({@code from}) and of the draft ({@code to}) on
 * the same inputs, and the unmet conditions (gate reasons) the draft adds and removes. A
 * change of reasons alone keeps {@code from} equal to {@code to}.
 */
public record VerdictChange(String partNumber, String from, String to, List<String> reasonsAdded,
		List<String> reasonsRemoved) {

	/**
	 * The change from {@code now} to {@code draft}, or null when the verdict is the same.
	 */
	static VerdictChange between(String partNumber, Readiness now, Readiness draft) {
		List<String> added = names(draft.reasons());
		added.removeAll(names(now.reasons()));
		List<String> removed = names(now.reasons());
		removed.removeAll(names(draft.reasons()));
		if (now.recommendation().equals(draft.recommendation()) && added.isEmpty() && removed.isEmpty()) {
			return null;
		}
		return new VerdictChange(partNumber, now.recommendation(), draft.recommendation(), List.copyOf(added),
				List.copyOf(removed));
	}

	private static List<String> names(List<GateReason> reasons) {
		return new ArrayList<>(reasons.stream().map(GateReason::name).distinct().toList());
	}

	/** "FROM → TO", the key of the report's counts. */
	public String transition() {
		return from + " → " + to;
	}

}
