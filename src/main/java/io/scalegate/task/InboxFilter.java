package io.scalegate.task;

/**
 * What the inbox shows: whose tasks, of which kind, for which product, due when.
 *
 * @param scope mine, my groups', or (GATEKEEPER, ADMIN) all open tasks
 * @param taskKey a task id of the lifecycle, or null for all
 * @param product part number fragment, or null
 * @param due any, overdue, or due within a week
 */
public record InboxFilter(Scope scope, String taskKey, String product, Due due) {

	public enum Scope {

		MINE("My tasks"), MY_GROUPS("My groups' tasks"), ALL("All open tasks");

		private final String label;

		Scope(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public enum Due {

		ANY("Any time"), OVERDUE("Overdue"), THIS_WEEK("Due within 7 days");

		private final String label;

		Due(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	public static InboxFilter of(Scope scope) {
		return new InboxFilter(scope, null, null, Due.ANY);
	}

	public InboxFilter withScope(Scope newScope) {
		return new InboxFilter(newScope, taskKey, product, due);
	}

}
