package io.scalegate.model.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.scalegate.base.InvalidInput;
import io.scalegate.model.ModelFile;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.ModelValidation;
import io.scalegate.model.impact.ImpactReport;
import io.scalegate.model.impact.RuleChangeImpact;
import io.scalegate.model.impact.VerdictChange;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks models as a deployment would, without deploying: for Camunda Modeler users and
 * CI pipelines.
 */
@RestController
@RequestMapping("/api/models")
@Tag(name = "Models")
class ModelApi {

	private final ModelValidation validation;

	private final RuleChangeImpact impact;

	ModelApi(ModelValidation validation, RuleChangeImpact impact) {
		this.validation = validation;
		this.impact = impact;
	}

	@PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
	@Operation(summary = "Validate BPMN, DMN and form files together, as one deployment",
			description = "200 {\"valid\": true}, or 422 {\"valid\": false, \"problems\": [{\"file\", \"element\", \"message\"}]}")
	ResponseEntity<Verdict> validate(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		List<ModelProblem> problems = validation.validate(files(files));
		return problems.isEmpty() ? ResponseEntity.ok(new Verdict(true, null))
				: ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new Verdict(false, problems));
	}

	@PostMapping(value = "/impact", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
	@Operation(summary = "The impact of a gate rule change on every running product, without deploying",
			description = "The files are validated together as /validate does; a draft of the gate decisions "
					+ "(the DMN holding massProductionGate) among them is evaluated against every running product's "
					+ "gate inputs (prototype and small batch; the inputs its stored readiness was judged on), beside "
					+ "the deployed gate rules on the same inputs. 200 {\"products\": n, \"changed\": [{\"partNumber\", "
					+ "\"from\", \"to\", \"reasonsAdded\", \"reasonsRemoved\"}], \"transitions\": {\"FROM → TO\": count}, "
					+ "\"rulesVersion\", \"asOf\", \"computedLive\", \"note\"}; files without the gate rules: "
					+ "changed [] and a note; 422 {\"valid\": false, \"problems\": [...]} when they fail validation "
					+ "(nothing is evaluated then).")
	ResponseEntity<?> impact(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		ImpactReport report = impact.of(files(files));
		if (!report.evaluated()) {
			return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new Verdict(false, report.problems()));
		}
		return ResponseEntity.ok(Impact.of(report));
	}

	private static List<ModelFile> files(List<MultipartFile> files) {
		if (files == null || files.isEmpty()) {
			throw new InvalidInput("files", "send one or more model files as multipart parts named \"files\"");
		}
		return files.stream().map(ModelApi::file).toList();
	}

	private static ModelFile file(MultipartFile part) {
		try {
			String name = part.getOriginalFilename() == null || part.getOriginalFilename().isBlank() ? part.getName()
					: part.getOriginalFilename();
			return new ModelFile(name, part.getBytes());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	record Verdict(boolean valid, List<ModelProblem> problems) {
	}

	/**
	 * The impact as pipelines read it: {@code products} judged, the {@code changed} ones,
	 * counts per change of recommendation, the deployed rules version compared against,
	 * the oldest stored readiness the inputs come from, and a note (no gate rules, or an
	 * evaluation failure).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Impact(int products, List<VerdictChange> changed, Map<String, Integer> transitions, Integer rulesVersion,
			Instant asOf, int computedLive, String note) {

		static Impact of(ImpactReport report) {
			return new Impact(report.products(), report.changed(), report.transitions(), report.rulesVersion(),
					report.asOf(), report.computedLive(), report.note());
		}

	}

}
