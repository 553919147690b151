package io.scalegate.task;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * The engine refused to complete a lifecycle task without a ScaleGate signature given in
 * the same transaction. An engine exception without a cause, so no model can catch it as
 * a BPMN error and route around the refusal.
 */
class UnsignedCompletion extends ProcessEngineException {

	UnsignedCompletion(String message) {
		super(message);
	}

}
