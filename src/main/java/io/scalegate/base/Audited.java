package io.scalegate.base;

import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * An event the audit trail records as it is published: what happened, to what, who did
 * it, and the details an auditor needs. The trail writes it in the publishing
 * transaction, so the change and its entry are kept together or not at all.
 */
public interface Audited {

	AuditAction action();

	AuditSubject subjectType();

	String subjectId();

	/**
	 * Who acted, or null for whoever is acting in this thread ({@link ActingUser}).
	 */
	@Nullable
	String actor();

	/**
	 * What an auditor needs to know besides, built anew on each call. The trail stores it
	 * as JSON with the keys in alphabetical order, so the map's own order changes neither
	 * the entry nor its hash.
	 */
	Map<String, Object> details();

	/**
	 * {@code given}, or null (whoever is acting) when nobody was named: for events whose
	 * publisher may not know who acts.
	 */
	@Nullable
	static String orActing(@Nullable String given) {
		return given == null || given.isBlank() ? null : given;
	}

	/**
	 * A refusal published in a transaction that then rolls back: recorded after the
	 * rollback, in a transaction of its own (at once where no transaction runs), and not
	 * at all if the transaction commits.
	 */
	interface KeptAfterRollback extends Audited {

	}

}
