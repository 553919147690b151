package io.scalegate.audit;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The entries one transaction appended, chained in its last before-commit step (ADR
 * 0024): the chain's head is locked only then, after every other before-commit step
 * (Camunda's among them), and the commit follows at once. Bound to the transaction as a
 * resource, so an inner transaction of its own (REQUIRES_NEW) has its own.
 */
final class PendingEntries implements TransactionSynchronization {

	private final AuditTrail trail;

	private final List<PendingEntry> entries = new ArrayList<>();

	private boolean chained;

	private PendingEntries(AuditTrail trail) {
		this.trail = trail;
	}

	/**
	 * The current transaction's entries, registered with it on its first append; none
	 * where nothing will be chained at a commit still to come: no transaction (or an
	 * empty one, whose statements would each commit on their own), or its entries chained
	 * already (an append from an after-commit step).
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
		return pending.chained ? null : pending;
	}

	/** The current transaction's entries, where it appended any. */
	static PendingEntries bound(AuditTrail trail) {
		return (PendingEntries) TransactionSynchronizationManager.getResource(trail);
	}

	void add(PendingEntry entry) {
		entries.add(entry);
	}

	/** The entries not yet chained, which are then the caller's to chain. */
	List<PendingEntry> takeAll() {
		List<PendingEntry> taken = List.copyOf(entries);
		entries.clear();
		return taken;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void beforeCommit(boolean readOnly) {
		trail.writeChained(takeAll());
		chained = true;
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
