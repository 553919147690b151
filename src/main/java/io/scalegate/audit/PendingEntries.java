package io.scalegate.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * That the current transaction wrote rows to the unsealed tail (ADR 0028): after its
 * commit the trail seals them (and whatever else is committed and unsealed) on the same
 * connection. Bound to the transaction as a resource, so an inner transaction of its own
 * (REQUIRES_NEW) has its own.
 */
final class PendingEntries implements TransactionSynchronization {

	private final AuditTrail trail;

	private final List<Long> rows = new ArrayList<>();

	private boolean committing;

	private PendingEntries(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * The current transaction's rows, registered with it on its first append; none where
	 * a row written now would not commit with a transaction still to come: no transaction
	 * (or an empty one, whose statements would each commit on their own), or one past its
	 * last before-commit step (an append from an after-commit step).
	 */
	static PendingEntries forAppend(AuditTrail trail) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()
				|| !TransactionSynchronizationManager.isActualTransactionActive()) {
			return null;
		}
		PendingEntries pending = bound(trail);
		if (pending == null) {
			pending = new PendingEntries(trail);
			TransactionSynchronizationManager.bindResource(trail, pending);
			TransactionSynchronizationManager.registerSynchronization(pending);
		}
		return pending.committing ? null : pending;
	}

	void add(long row) {
		rows.add(row);
	}

	/** Whether the current transaction appended through this trail. */
	static boolean appendedHere(AuditTrail trail) {
		return TransactionSynchronizationManager.isActualTransactionActive() && bound(trail) != null;
	}

	private static PendingEntries bound(AuditTrail trail) {
		return (PendingEntries) TransactionSynchronizationManager.getResource(trail);
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		committing = true;
	}

	@Override
	public void afterCommit() {
		trail.sealAfterCommit(List.copyOf(rows));
	}

	@Override
	public void suspend() {
		TransactionSynchronizationManager.unbindResource(trail);
	}

	@Override
	public void resume() {
		TransactionSynchronizationManager.bindResource(trail, this);
	}

	@Override
	public void afterCompletion(int status) {
		TransactionSynchronizationManager.unbindResourceIfPossible(trail);
	}

}
