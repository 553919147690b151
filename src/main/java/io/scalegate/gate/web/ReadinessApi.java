package io.scalegate.gate.web;

import io.scalegate.gate.DeliverablesStatus;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A product's gate readiness: the deployed gate rules on its current evidence, or on
 * changed inputs (what-if).
 */
@RestController
@RequestMapping("/api/products/{partNumber}/readiness")
@Tag(name = "Readiness")
class ReadinessApi {

	private final ReadinessCheck readiness;

	ReadinessApi(ReadinessCheck readiness) {
		this.readiness = readiness;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(
			summary = "The gate's verdict on the product's current evidence and sign-offs, with each of the eight conditions and the gate review's deliverables checklist")
	ReadinessView current(@PathVariable String partNumber) {
		return ReadinessView.of(readiness.current(partNumber), readiness.deliverables(partNumber));
	}

	@PostMapping("/what-if")
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The verdict if some inputs were different; nothing is saved",
			description = "Body: gate inputs by their contract names, e.g. {\"demandCv\": 0.4, \"toolingInvestment\": 90000}")
	ReadinessView whatIf(@PathVariable String partNumber, @RequestBody Map<String, Object> changes) {
		return ReadinessView.of(readiness.evaluate(readiness.currentInputs(partNumber).withValues(changes)),
				readiness.deliverables(partNumber));
	}

	record ReadinessView(String recommendation, List<Reason> reasons, List<Signal> signals, String demandStability,
			String toolingEconomics, String supplierReadiness, Map<String, Object> inputs, int rulesVersion,
			Deliverables deliverables) {

		static ReadinessView of(Readiness readiness, DeliverablesStatus checklist) {
			return new ReadinessView(readiness.recommendation(),
					readiness.reasons().stream().map(reason -> Reason.of(reason, readiness)).toList(),
					readiness.signals()
						.stream()
						.map(s -> new Signal(s.signal().name(), s.signal().label(), s.met(),
								s.unmetBecause().stream().map(reason -> Reason.of(reason, readiness)).toList()))
						.toList(),
					readiness.demandStability(), readiness.toolingEconomics(), readiness.supplierReadiness(),
					readiness.inputs().values(), readiness.rulesVersion(), Deliverables.of(checklist));
		}

	}

	record Reason(String reason, String explanation) {

		static Reason of(GateReason reason, Readiness readiness) {
			return new Reason(reason.name(), GateWords.reason(reason, readiness.inputs()));
		}

	}

	/**
	 * The gate review's deliverables checklist now: the document kinds it requires, those
	 * on file and those missing (codes).
	 */
	record Deliverables(String gate, List<String> required, List<String> onFile, List<String> missing) {

		static Deliverables of(DeliverablesStatus status) {
			return new Deliverables(status.gate(), status.required(),
					ProductLifecycle.DOCUMENT_KINDS.stream().filter(status.onFile()::contains).toList(),
					status.missing());
		}

	}

	record Signal(String signal, String label, boolean met, List<Reason> unmetBecause) {
	}

}
