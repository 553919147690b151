package io.scalegate.model.web;

import io.scalegate.base.InvalidInput;
import io.scalegate.model.ModelFile;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.ModelValidation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
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

	ModelApi(ModelValidation validation) {
		this.validation = validation;
	}

	@PostMapping(value = "/validate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('PROCESS_OWNER', 'ADMIN')")
	@Operation(summary = "Validate BPMN, DMN and form files together, as one deployment",
			description = "200 {\"valid\": true}, or 422 {\"valid\": false, \"problems\": [{\"file\", \"element\", \"message\"}]}")
	ResponseEntity<Verdict> validate(@RequestPart(name = "files", required = false) List<MultipartFile> files) {
		if (files == null || files.isEmpty()) {
			throw new InvalidInput("files", "send one or more model files as multipart parts named \"files\"");
		}
		List<ModelProblem> problems = validation.validate(files.stream().map(ModelApi::file).toList());
		return problems.isEmpty() ? ResponseEntity.ok(new Verdict(true, null))
				: ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new Verdict(false, problems));
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

}
