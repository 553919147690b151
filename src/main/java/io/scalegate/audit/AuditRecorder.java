package io.scalegate.audit;

import io.scalegate.base.ActingUser;
import io.scalegate.base.AuditNote;
import io.scalegate.base.Audited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the trail from every {@link Audited} event. The listener runs synchronously in
 * the transaction that published the event, so a change and its trail entry are kept
 * together or not at all; a refusal {@linkplain Audited.KeptAfterRollback kept after
 * rollback} is written once its transaction has rolled back.
 */
@Component
class AuditRecorder {

	private final AuditTrail trail;

	private final ActingUser acting;

	AuditRecorder(AuditTrail trail, ActingUser acting) {
		this.trail = trail;
		this.acting = acting;
	}

	@EventListener
	void on(Audited event) {
		if (event instanceof Audited.KeptAfterRollback) {
			return;
		}
		AuditNote note = event.audit();
		trail.append(actor(note), note.action(), note.subjectType(), note.subjectId(), note.details());
	}

	/**
	 * After the refused change rolled back: the refusal is kept in a transaction of its
	 * own.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK, fallbackExecution = true)
	void on(Audited.KeptAfterRollback refusal) {
		AuditNote note = refusal.audit();
		trail.appendSeparately(actor(note), note.action(), note.subjectType(), note.subjectId(), note.details());
	}

	private String actor(AuditNote note) {
		String actor = note.actor();
		return actor == null ? acting.current() : actor;
	}

}
