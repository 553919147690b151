package io.scalegate.base;

/**
 * An event the audit trail records as it is published: it says itself what the trail
 * keeps ({@link AuditNote}). The trail writes it in the publishing transaction, so the
 * change and its entry are kept together or not at all.
 */
public interface Audited {

	/** What the trail keeps of this event, built anew on each call. */
	AuditNote audit();

	/**
	 * A refusal published in a transaction that then rolls back: recorded after the
	 * rollback, in a transaction of its own (at once where no transaction runs), and not
	 * at all if the transaction commits.
	 */
	interface KeptAfterRollback extends Audited {

	}

}
