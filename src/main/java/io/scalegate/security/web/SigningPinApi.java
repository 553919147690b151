package io.scalegate.security.web;

import io.scalegate.security.SigningPins;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators reset the signing PIN of a company (SSO) account, with a reason the
 * audit trail keeps (docs/adr/0015); its owner then sets a new one.
 */
@RestController
@RequestMapping("/api/admin/users/{userId}/signing-pin")
@Tag(name = "Signing PINs")
@PreAuthorize("hasRole('ADMIN')")
class SigningPinApi {

	/** Why the PIN is reset. */
	record ResetRequest(String reason) {
	}

	private final SigningPins pins;

	SigningPinApi(SigningPins pins) {
		this.pins = pins;
	}

	@PostMapping("/reset")
	@Operation(summary = "Reset an SSO user's signing PIN (and its wrong-attempt lock); the user sets a new one")
	ResponseEntity<Void> reset(@PathVariable String userId, @RequestBody(required = false) ResetRequest request) {
		pins.reset(userId, request == null ? null : request.reason());
		return ResponseEntity.noContent().build();
	}

}
