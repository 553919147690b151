package io.scalegate.document.web;

import io.scalegate.base.InvalidInput;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

/**
 * A product's documents for other systems (docs/adr/0018): attach one (its type detected
 * from the content, its SHA-256 in the answer and the audit trail), list them, download
 * one. Who may attach a kind is {@link DocumentKind#uploaders()}, as in the UI; everyone
 * signed in may read, as for evidence.
 */
@RestController
@RequestMapping("/api/products/{partNumber}/documents")
@Tag(name = "Documents")
class DocumentApi {

	private final Documents documents;

	DocumentApi(Documents documents) {
		this.documents = documents;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Attach a document (PDF, image, Office file, text) as the next version of its kind",
			description = "The type is detected from the content, not the name; refused files answer 400 naming "
					+ "the field 'file' or 'kind'. The answer holds the document's id, version and SHA-256.")
	@ApiResponse(responseCode = "201", description = "attached; Location is its download")
	ResponseEntity<Document> attach(@PathVariable String partNumber,
			@Parameter(description = "the file") @RequestPart(name = "file", required = false) MultipartFile file,
			@Parameter(description = "DRAWING, INSPECTION_REPORT, FIRST_ARTICLE_INSPECTION, MATERIAL_CERTIFICATE, "
					+ "PPAP_SUBMISSION_WARRANT, CONTROL_PLAN, PFMEA, CAPABILITY_STUDY_REPORT or OTHER") @RequestParam(
							name = "kind", required = false) String kind,
			@Parameter(description = "the task it is attached on") @RequestParam(name = "taskId",
					required = false) String taskId,
			@Parameter(description = "the evidence kind it documents, e.g. SMALL_BATCH") @RequestParam(
					name = "evidenceKind", required = false) String evidenceKind,
			@Parameter(description = "the evidence record it documents") @RequestParam(name = "evidenceId",
					required = false) Long evidenceId,
			Authentication caller) throws IOException {
		DocumentKind documentKind = DocumentKind.of(kind);
		if (!documentKind.uploadableBy(Role.of(caller.getAuthorities()))) {
			throw new AccessDeniedException(
					documentKind.label() + " documents are attached by " + documentKind.uploaders());
		}
		if (file == null) {
			throw new InvalidInput("file", "is required");
		}
		DocumentLinks links = new DocumentLinks(blankless(taskId), null, blankless(evidenceKind), evidenceId, null);
		Document document = documents.attach(partNumber, documentKind, file.getOriginalFilename(), file.getBytes(),
				links, caller.getName());
		return ResponseEntity
			.created(URI.create("/api/products/" + document.partNumber() + "/documents/" + document.id()))
			.body(document);
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The product's documents, newest first (metadata only)")
	List<Document> list(@PathVariable String partNumber) {
		return documents.of(partNumber);
	}

	@GetMapping("/{id}")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "Download a document with its detected media type")
	ResponseEntity<InputStreamResource> download(@PathVariable String partNumber, @PathVariable String id) {
		Document document = documents.get(partNumber, id);
		InputStream content = documents.open(partNumber, id);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(document.mediaType()))
			.contentLength(document.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.fileName()))
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(content));
	}

	/**
	 * {@code attachment} with the name twice: in ASCII for old clients, and in UTF-8 (RFC
	 * 6266); the name is already free of quotes, separators and control characters
	 * ({@link io.scalegate.document.FileNames}).
	 */
	static String attachment(String fileName) {
		StringBuilder ascii = new StringBuilder();
		fileName.chars().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ UriUtils.encode(fileName, StandardCharsets.UTF_8);
	}

	private static String blankless(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
