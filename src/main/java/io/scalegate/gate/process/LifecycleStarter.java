package io.scalegate.gate.process;

import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.ProductRegistered;
import io.scalegate.security.ScaleGateStep;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts a product's lifecycle in the transaction that registers it; the part number is
 * the business key.
 */
@Component
class LifecycleStarter {

	private final RuntimeService runtime;

	LifecycleStarter(RuntimeService runtime) {
		this.runtime = runtime;
	}

	@EventListener
	void on(ProductRegistered registered) {
		ScaleGateStep
			.run(() -> runtime.startProcessInstanceByKey(ProductLifecycle.PROCESS_KEY, registered.partNumber()));
	}

}
