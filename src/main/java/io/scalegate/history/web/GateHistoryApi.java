package io.scalegate.history.web;

import io.scalegate.history.GateHistory;
import io.scalegate.history.GateHistory.ProductHistory;
import io.scalegate.history.GateRecordPdf;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A product's gate history as JSON, and its signed gate record as PDF. */
@RestController
@RequestMapping("/api/products/{partNumber}")
@Tag(name = "Audit")
@PreAuthorize("isAuthenticated()")
class GateHistoryApi {

	private final GateHistory history;

	private final GateRecordPdf pdf;

	GateHistoryApi(GateHistory history, GateRecordPdf pdf) {
		this.history = history;
		this.pdf = pdf;
	}

	@GetMapping("/history")
	@Operation(
			summary = "Stages and every gate: sign-offs, DMN inputs, outputs, versions and matched rules, decision, override reason")
	ProductHistory history(@PathVariable String partNumber) {
		return history.of(partNumber);
	}

	@GetMapping(value = "/gate-record.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	@Operation(summary = "The signed gate record as PDF (Part 11 §11.50 signature manifestations)")
	ResponseEntity<byte[]> record(@PathVariable String partNumber, Authentication caller) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gate-record-" + partNumber + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf.of(partNumber, caller.getName()));
	}

}
