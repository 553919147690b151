package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.STAGE;
import static io.scalegate.gate.ProductLifecycle.TARGET_STAGE;

import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves the product to the stage the service task names in its input {@code targetStage}.
 */
@Component("changeStage")
class StageChangeDelegate implements JavaDelegate {

	private final ProductService products;

	StageChangeDelegate(ProductService products) {
		this.products = products;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Stage target = Stage.valueOf(TARGET_STAGE.fromLocal(execution));
		products.changeStage(execution.getProcessBusinessKey(), target);
		STAGE.set(execution, target.name());
	}

}
