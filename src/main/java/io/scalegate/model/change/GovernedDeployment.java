package io.scalegate.model.change;

import java.util.function.Supplier;

/**
 * Marks the deployments this thread makes as governed: the models shipped in
 * {@code bpmn/} and {@code forms/} (reviewed in the repository) and changes a second
 * process owner approved. The validating deployer refuses every other deployment (Camunda
 * Modeler, Cockpit, engine-rest) and keeps its files as draft changes instead.
 */
public final class GovernedDeployment {

	private static final ThreadLocal<Approval> CURRENT = new ThreadLocal<>();

	private GovernedDeployment() {
	}

	/**
	 * What made a deployment governed; for a shipped model {@code changeId} is null.
	 *
	 * @param contentSha256 the SHA-256 of the changed file's content the approver signed
	 * @param impact the change's impact on the running products' gate verdicts, as the
	 * approver saw it (one bounded line)
	 */
	public record Approval(Long changeId, String author, String approver, String approverName, String meaning,
			String summary, String resourceName, String contentSha256, String impact) {

		static final Approval SHIPPED = new Approval(null, null, null, null, null, null, null, null, null);

	}

	/** The shipped models, deployed at start-up. */
	public static <T> T shipped(Supplier<T> deployment) {
		return with(Approval.SHIPPED, deployment);
	}

	static <T> T with(Approval approval, Supplier<T> deployment) {
		Approval before = CURRENT.get();
		CURRENT.set(approval);
		try {
			return deployment.get();
		}
		finally {
			if (before == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(before);
			}
		}
	}

	/**
	 * The approval of the deployment under way in this thread, or null: an ungoverned
	 * deployment.
	 */
	public static Approval current() {
		return CURRENT.get();
	}

}
