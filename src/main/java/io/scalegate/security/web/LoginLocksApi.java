package io.scalegate.security.web;

import io.scalegate.base.NotFound;
import io.scalegate.security.SignInLock;
import io.scalegate.security.SignInLock.Kind;
import io.scalegate.security.SignInThrottle;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in locks (docs/adr/0011-sign-in-throttling.md): administrators see and lift them;
 * each unlock is in the audit trail.
 */
@RestController
@RequestMapping("/api/admin/login-locks")
@Tag(name = "Sign-in locks")
@PreAuthorize("hasRole('ADMIN')")
class LoginLocksApi {

	private final SignInThrottle throttle;

	LoginLocksApi(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping
	@Operation(summary = "Accounts and client addresses locked now, after too many failed sign-ins")
	List<SignInLock> locks() {
		return throttle.locks();
	}

	@DeleteMapping("/{username}")
	@Operation(summary = "Unlock an account and clear its failed sign-ins")
	ResponseEntity<Void> unlockAccount(@PathVariable String username, Authentication admin) {
		return unlock(Kind.ACCOUNT, username, admin);
	}

	@DeleteMapping
	@Operation(summary = "Unlock a client address (?address=) and clear its failed sign-ins")
	ResponseEntity<Void> unlockAddress(@RequestParam String address, Authentication admin) {
		return unlock(Kind.ADDRESS, address, admin);
	}

	private ResponseEntity<Void> unlock(Kind kind, String subject, Authentication admin) {
		if (!throttle.unlock(kind, subject, admin.getName())) {
			throw new NotFound("sign-in lock", kind == Kind.ACCOUNT ? "username" : "address",
					"no lock and no failed sign-ins on " + subject);
		}
		return ResponseEntity.noContent().build();
	}

}
