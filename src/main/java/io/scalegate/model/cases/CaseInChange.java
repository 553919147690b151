package io.scalegate.model.cases;

/**
 * A decision test case as one model change sees it: a live case the change leaves alone,
 * or one it adds, changes or removes (pending until the change is approved). A case the
 * change adds has no live id yet: it is listed by the negative id of its pending edit,
 * which {@code ModelChanges.saveCase} and {@code removeCase} accept like a live id.
 */
public record CaseInChange(DecisionCase testCase, Edit edit) {

	/** What the change does to the case. */
	public enum Edit {

		NONE(""), ADDED("in this change: added"), CHANGED("in this change: changed"),
		REMOVED("in this change: removed");

		private final String words;

		Edit(String words) {
			this.words = words;
		}

		/** For the change page: empty for a case the change leaves alone. */
		public String words() {
			return words;
		}

	}

	/**
	 * Whether the change's check runs the case (every case the change does not remove).
	 */
	public boolean runs() {
		return edit != Edit.REMOVED;
	}

}
