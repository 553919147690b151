package io.scalegate.gate;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A typed process variable of the lifecycle, so a misspelt name fails at compile time.
 */
public record ProcessVariable<T>(String name, Class<T> type) {

	public T from(VariableScope scope) {
		return type.cast(scope.getVariable(name));
	}

	public T fromLocal(VariableScope scope) {
		return type.cast(scope.getVariableLocal(name));
	}

	public void set(VariableScope scope, T value) {
		scope.setVariable(name, value);
	}

}
