package io.scalegate.gate.web;

import io.scalegate.gate.ReadinessReevaluation;
import io.scalegate.product.ReevaluationProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * How far the running products' stored verdicts are judged again under the deployed gate
 * rules, for pipelines that deploy rules and for administrators.
 */
@RestController
@RequestMapping("/api/readiness/reevaluation")
@Tag(name = "Readiness")
class ReevaluationApi {

	private final ReadinessReevaluation reevaluation;

	ReevaluationApi(ReadinessReevaluation reevaluation) {
		this.reevaluation = reevaluation;
	}

	@GetMapping
	@PreAuthorize("isAuthenticated()")
	@Operation(summary = "The re-evaluation of stored verdicts under the deployed gate rules",
			description = "deployedRulesVersion: the gate rules deployed now; rulesVersion and the counts: the latest "
					+ "re-evaluation (null when none ran); running: under way; stalled: its node stopped reporting "
					+ "and another node takes it over; node (administrators only): which node runs it")
	ReevaluationView get(Authentication caller) {
		// which node runs it (process id and host) is for administrators only
		boolean admin = caller.getAuthorities().stream().anyMatch(role -> role.getAuthority().equals("ROLE_ADMIN"));
		OptionalInt deployed = reevaluation.deployedVersion();
		Optional<ReevaluationProgress> latest = reevaluation.reevaluation();
		Integer deployedVersion = deployed.isPresent() ? deployed.getAsInt() : null;
		return latest
			.map(p -> new ReevaluationView(deployedVersion, p.rulesVersion(), p.total(), p.done(), p.failed(),
					p.changed(), p.running(), p.stalled(), admin ? p.node() : null, p.startedAt(), p.finishedAt()))
			.orElseGet(() -> new ReevaluationView(deployedVersion, null, null, null, null, null, false, false, null,
					null, null));
	}

	record ReevaluationView(Integer deployedRulesVersion, Integer rulesVersion, Integer total, Integer done,
			Integer failed, Integer changed, boolean running, boolean stalled, String node, Instant startedAt,
			Instant finishedAt) {
	}

}
