package io.scalegate.base;

/**
 * The events that matter to an auditor (stored by name in the trail: never rename a
 * constant).
 */
public enum AuditAction {

	PRODUCT_REGISTERED, EVIDENCE_RECORDED, EVIDENCE_CHANGED, STAGE_CHANGED, TASK_CLAIMED, TASK_RELEASED,
	TASK_HANDED_OVER, SIGNATURE_GIVEN, SIGNATURE_REFUSED, GATE_EVALUATED, GATE_DECIDED, RECOMMENDATION_OVERRIDDEN,
	MODEL_DEPLOYED, MODEL_CHANGE_DRAFTED, MODEL_CHANGE_SUBMITTED, MODEL_CHANGE_REJECTED, DECISION_CASE_CHANGED,
	INSTANCES_MIGRATED, TOKEN_ISSUED, TOKEN_REVOKED, USER_CHANGED, LOGIN_FAILED, COMPLETION_REFUSED, CHANGE_REFUSED,
	AUDIT_KEY_CHANGED,
	/**
	 * a row of the audit trail's unsealed tail whose MAC did not fit: refused at the seal
	 * (ADR 0028)
	 */
	AUDIT_ENTRY_REFUSED,
	/**
	 * sign-in throttling (docs/adr/0011): LOGIN_FAILED is no longer written, one entry
	 * per lock instead
	 */
	LOGIN_LOCKED, LOGIN_UNLOCKED, LOGIN_FAILURES_SUMMARISED,
	/**
	 * user administration and self-service passwords (docs/adr/0014): USER_CHANGED is
	 * left to the accounts seeded at start
	 */
	USER_CREATED, USER_EDITED, USER_DISABLED, USER_ENABLED, ONE_TIME_PASSWORD_ISSUED, SIGNING_UNLOCKED,
	PASSWORD_CHANGED,
	/** deputies (docs/adr/0016) */
	DEPUTY_NAMED, DEPUTY_ENDED,
	/** single sign-on and signing PINs (docs/adr/0015) */
	USER_PROVISIONED, SSO_SIGN_IN_REFUSED, SIGNING_PIN_SET, SIGNING_PIN_RESET,
	/**
	 * the stored verdicts judged again under newly deployed gate rules
	 * (docs/readiness-reevaluation.md)
	 */
	READINESS_REEVALUATION_STARTED, READINESS_REEVALUATION_FINISHED,
	/** a Go with conditions followed up (docs/adr/0020) */
	CONDITION_RAISED, CONDITION_ESCALATED, CONDITION_CLOSED, CONDITIONS_CLEARED,
	/** what a person receives by e-mail (docs/adr/0021) */
	NOTIFICATION_PREFERENCES_CHANGED,
	/** comments on products and tasks (docs/adr/0023) */
	COMMENT_POSTED,
	/** documents attached to a product (docs/adr/0018) */
	DOCUMENT_ATTACHED;

	/** The action as a person reads it: GATE_EVALUATED → "Gate evaluated". */
	public String label() {
		String words = name().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
