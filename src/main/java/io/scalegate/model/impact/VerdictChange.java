package io.scalegate.model.impact;

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
	static VerdictChange between(String partNumber, Verdict now, Verdict draft) {
		List<String> added = new ArrayList<>(draft.reasons());
		added.removeAll(now.reasons());
		List<String> removed = new ArrayList<>(now.reasons());
		removed.removeAll(draft.reasons());
		if (now.recommendation().equals(draft.recommendation()) && added.isEmpty() && removed.isEmpty()) {
			return null;
		}
		return new VerdictChange(partNumber, now.recommendation(), draft.recommendation(), List.copyOf(added),
				List.copyOf(removed));
	}

	/** "FROM → TO", the key of the report's counts. */
	public String transition() {
		return from + " → " + to;
	}

}
