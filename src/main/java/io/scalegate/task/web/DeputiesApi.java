package io.scalegate.task.web;

import io.scalegate.base.web.Idempotency;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Deputies;
import io.scalegate.task.Deputyship;
import io.scalegate.task.NewDeputyship;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deputies (docs/adr/0016-deputies.md): anyone signed in names a deputy for themselves,
 * an administrator for anyone (sick leave); the absent person, whoever named it or an
 * administrator ends one early. Each is in the audit trail.
 */
@RestController
@RequestMapping("/api/deputies")
@Tag(name = "Deputies")
@PreAuthorize("isAuthenticated()")
class DeputiesApi {

	private final Deputies deputies;

	private final UserAccounts accounts;

	private final Idempotency idempotency;

	private final Clock clock;

	DeputiesApi(Deputies deputies, UserAccounts accounts, Idempotency idempotency, Clock clock) {
		this.deputies = deputies;
		this.accounts = accounts;
		this.idempotency = idempotency;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Your deputyships (absent, deputy or named by you); an administrator sees everyone's")
	List<DeputyshipView> list(@RequestParam(required = false) @Parameter(
			description = "only those of this absent person (user id)") String absent, Authentication caller) {
		Instant now = clock.instant();
		return deputies.visibleTo(account(caller), absent).stream().map(d -> DeputyshipView.of(d, now)).toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "One deputyship you may see")
	DeputyshipView get(@PathVariable long id, Authentication caller) {
		return DeputyshipView.of(deputies.get(account(caller), id), clock.instant());
	}

	@PostMapping
	@Operation(summary = "Name a deputy for a period (UTC days, both inclusive, at most " + Deputies.MAX_DAYS
			+ " days): for yourself (absent left out), or as ADMIN for anyone")
	ResponseEntity<?> name(@RequestBody NewDeputyship request,
			@RequestHeader(name = Idempotency.HEADER, required = false) String key, Authentication caller) {
		UserAccount by = account(caller);
		return idempotency.once(caller.getName(), key, List.of("POST /api/deputies", request), () -> {
			Deputyship named = deputies.name(by, request);
			return ResponseEntity.created(URI.create("/api/deputies/" + named.id()))
				.body(DeputyshipView.of(named, clock.instant()));
		});
	}

	@PostMapping("/{id}/end")
	@Operation(summary = "End a deputyship now: the absent person, whoever named it, or ADMIN")
	DeputyshipView end(@PathVariable long id, Authentication caller) {
		return DeputyshipView.of(deputies.end(account(caller), id), clock.instant());
	}

	private UserAccount account(Authentication caller) {
		return accounts.find(caller.getName())
			.orElseThrow(() -> new AccessDeniedException("deputies are named by people with an account"));
	}

	/**
	 * A deputyship as the API shows it; {@code state}: planned, active, over, cancelled
	 * (ended before it began), ended early.
	 */
	record DeputyshipView(long id, String absent, String deputy, LocalDate firstDay, LocalDate lastDay, String reason,
			String namedBy, Instant namedAt, String endedBy, Instant endedAt, String state) {

		static DeputyshipView of(Deputyship d, Instant now) {
			return new DeputyshipView(d.id(), d.absent(), d.deputy(), d.firstDay(), d.lastDay(), d.reason(),
					d.namedBy(), d.namedAt(), d.endedBy(), d.endedAt(), d.state(now));
		}

	}

}
