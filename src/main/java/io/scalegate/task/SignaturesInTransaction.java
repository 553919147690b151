package io.scalegate.task;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The signatures given in the running transaction, by task id: {@link TaskCompletion}
 * notes each one it stores, and the engine completes a lifecycle task only when its
 * signature was given in the same transaction ({@link CompletionRulesPlugin}). Forgotten
 * when the transaction ends, committed or not.
 */
final class SignaturesInTransaction {

	private static final Object KEY = new Object();

	private SignaturesInTransaction() {
	}

	/** Notes a signature just stored in this transaction. */
	static void add(Signature signature) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("a signature is given only inside a transaction");
		}
		@SuppressWarnings("unchecked")
		Map<String, Signature> signed = (Map<String, Signature>) TransactionSynchronizationManager.getResource(KEY);
		if (signed == null) {
			signed = new HashMap<>();
			TransactionSynchronizationManager.bindResource(KEY, signed);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(KEY);
				}
			});
		}
		signed.put(signature.taskId(), signature);
	}

	/** The signature given for the task in this transaction, if one was. */
	static Optional<Signature> of(String taskId) {
		@SuppressWarnings("unchecked")
		Map<String, Signature> signed = (Map<String, Signature>) TransactionSynchronizationManager.getResource(KEY);
		return signed == null ? Optional.empty() : Optional.ofNullable(signed.get(taskId));
	}

}
