package io.scalegate.model;

import java.util.AbstractMap;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * ScaleGate's {@link CodeSafety#STEP_BEANS steps} by name, as the engine's expressions
 * see Spring beans: no other bean is in this map. Each is looked up when an expression
 * names it, so the engine can be built before the steps (which use the engine's
 * services).
 */
final class StepBeans extends AbstractMap<Object, Object> {

	private final ApplicationContext context;

	StepBeans(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public boolean containsKey(Object name) {
		return name instanceof String step && CodeSafety.STEP_BEANS.contains(step) && context.containsBean(step);
	}

	@Override
	public Object get(Object name) {
		return containsKey(name) ? context.getBean((String) name) : null;
	}

	@Override
	public Set<Entry<Object, Object>> entrySet() {
		Set<Entry<Object, Object>> steps = new LinkedHashSet<>();
		for (String step : CodeSafety.STEP_BEANS) {
			if (context.containsBean(step)) {
				steps.add(new SimpleImmutableEntry<>(step, context.getBean(step)));
			}
		}
		return steps;
	}

}
