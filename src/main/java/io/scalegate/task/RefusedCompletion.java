package io.scalegate.task;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine refused to complete a lifecycle task: no ScaleGate signature from the same
 * transaction, or a gate review signer the four-eyes rule forbids. An engine exception
 * without a cause, so no model can catch it as a BPMN error and route around the refusal.
 */
class RefusedCompletion extends ProcessEngineException {

	RefusedCompletion(String message) {
		super(message);
	}

}
