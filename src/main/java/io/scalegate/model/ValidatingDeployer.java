package io.scalegate.model;

import io.scalegate.model.change.GovernedDeployment;
import io.scalegate.model.change.GovernedDeployment.Approval;
import io.scalegate.model.change.UngovernedDeployment;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Runs {@link ModelValidation} on every new deployment before the engine parses it,
 * whichever way it comes (ScaleGate, Camunda Modeler through
 * {@code /engine-rest/deployment/create}, Cockpit): a model with problems is refused with
 * a {@link ParseException} listing them (engine-rest answers 400), and the running
 * version stays as it is. A valid deployment goes on only when it is governed (the
 * shipped models, or a change a second process owner approved); any other is refused too,
 * its files kept as draft changes. A deployment that goes on is published as
 * {@link ModelsDeployed} (the audit trail).
 */
class ValidatingDeployer implements Deployer {

	private final ModelValidation validation;

	private final ApplicationEventPublisher events;

	ValidatingDeployer(ModelValidation validation, ApplicationEventPublisher events) {
		this.validation = validation;
		this.events = events;
	}

	@Override
	public void deploy(DeploymentEntity deployment) {
		if (!deployment.isNew() || deployment.getResources() == null) {
			return;
		}
		List<ModelFile> files = deployment.getResources()
			.values()
			.stream()
			.map(resource -> new ModelFile(resource.getName(), resource.getBytes()))
			.filter(file -> !ModelValidation.kind(file).equals("other"))
			.toList();
		List<ModelProblem> problems = validation.validate(files);
		if (!problems.isEmpty()) {
			String resource = problems.get(0).file();
			List<Problem> errors = problems.stream().map(p -> (Problem) new DeploymentProblem(p)).toList();
			throw new ParseException("The models were not deployed: " + String.join("; ", problems.stream()
				.map(p -> p.file() + (p.element().isEmpty() ? "" : " [" + p.element() + "]") + ": " + p.message())
				.toList()), resource, errors, List.of());
		}
		Approval approval = GovernedDeployment.current();
		if (approval == null) {
			UngovernedDeployment refused = new UngovernedDeployment(files, currentUser());
			events.publishEvent(refused);
			String drafts = String.join(", ",
					refused.drafts().stream().map(d -> "#" + d.id() + " " + d.fileName()).toList());
			throw new ParseException(
					"Not deployed: ScaleGate deploys a model change only after a second process owner "
							+ "approves it. Kept as draft change " + drafts
							+ ": open Models → Changes in ScaleGate to run its " + "checks and submit it for approval.",
					files.isEmpty() ? "" : files.get(0).name(), List.of(), List.of());
		}
		// in the deploying transaction: a deployment the engine then refuses leaves no
		// trail entry
		events.publishEvent(new ModelsDeployed(deployment.getId(), deployment.getName(),
				deployment.getResources().keySet().stream().sorted().toList(), approval.approver(), approval.changeId(),
				approval.author(), approval.approver(), approval.summary(), approval.resourceName(),
				approval.contentSha256(), approval.impact()));
	}

	/** A validation problem as the engine reports parse problems. */
	record DeploymentProblem(ModelProblem problem) implements Problem {

		@Override
		public String getMessage() {
			return problem.file() + ": " + problem.message();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return problem.element();
		}

		@Override
		public List<String> getElementIds() {
			return problem.element().isEmpty() ? List.of() : List.of(problem.element());
		}

	}

	private static String currentUser() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		return authentication == null || authentication.getName() == null ? "unknown" : authentication.getName();
	}

}
