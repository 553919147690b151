package io.scalegate.security.web;

import io.scalegate.base.NotFound;
import io.scalegate.security.OneTimePassword;
import io.scalegate.security.Role;
import io.scalegate.security.UserAdministration;
import io.scalegate.security.UserRow;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for administrators (docs/adr/0014), the same operations as the Users view:
 * create with a one-time password, edit, disable and enable, reset a password, lift
 * locks. Every change needs a reason, kept in the audit trail. A one-time password is in
 * the one answer that issues it and nowhere else; these calls take no
 * {@code Idempotency-Key}, which would keep that answer.
 */
@RestController
@RequestMapping("/api/admin/users")
@Tag(name = "Users")
@PreAuthorize("hasRole('ADMIN')")
class UsersApi {

	private final UserAdministration users;

	UsersApi(UserAdministration users) {
		this.users = users;
	}

	/** A new account. */
	record NewUser(@Schema(example = "jdoe", description = "lower-case letters, digits, '.', '_', '-'") String username,
			@Schema(example = "Jane Doe") String fullName, @Schema(example = "jane.doe@example.com") String email,
			Set<Role> roles, @Schema(example = "joins the quality team") String reason) {
	}

	/** An account's name, e-mail and roles, as they shall be. */
	record UserChange(String fullName, String email, Set<Role> roles, String reason) {
	}

	/** Why an administrator changes an account: kept in the audit trail. */
	record Reason(@Schema(example = "left the company") String reason) {
	}

	/**
	 * A one-time password, shown once: its owner must replace it at the first sign-in.
	 */
	record IssuedPassword(String username, String oneTimePassword, Instant expiresAt) {

		static IssuedPassword of(OneTimePassword issued) {
			return new IssuedPassword(issued.username(), issued.password(), issued.expiresAt());
		}

	}

	@GetMapping
	@Operation(summary = "Every account, with its roles, state, last login and locks")
	List<UserRow> list() {
		return users.rows();
	}

	@GetMapping("/{username}")
	@Operation(summary = "One account")
	UserRow one(@PathVariable String username) {
		return users.row(username).orElseThrow(() -> new NotFound("user", "username", "no account " + username));
	}

	@PostMapping
	@Operation(summary = "Create an account; the answer holds its one-time password, shown only this once")
	ResponseEntity<IssuedPassword> create(@RequestBody NewUser user, Authentication admin) {
		OneTimePassword issued = users.create(user.username(), user.fullName(), user.email(), user.roles(),
				user.reason(), admin.getName());
		return ResponseEntity.created(URI.create("/api/admin/users/" + issued.username()))
			.body(IssuedPassword.of(issued));
	}

	@PutMapping("/{username}")
	@Operation(summary = "Set an account's name, e-mail and roles")
	UserRow edit(@PathVariable String username, @RequestBody UserChange change, Authentication admin) {
		return users.edit(username, change.fullName(), change.email(), change.roles(), change.reason(),
				admin.getName());
	}

	@PostMapping("/{username}/disable")
	@Operation(summary = "Disable an account: no sign-in, no signing; it is never deleted")
	UserRow disable(@PathVariable String username, @RequestBody Reason reason, Authentication admin) {
		users.disable(username, reason.reason(), admin.getName());
		return one(username);
	}

	@PostMapping("/{username}/enable")
	@Operation(summary = "Enable a disabled account again")
	UserRow enable(@PathVariable String username, @RequestBody Reason reason, Authentication admin) {
		users.enable(username, reason.reason(), admin.getName());
		return one(username);
	}

	@PostMapping("/{username}/password-reset")
	@Operation(summary = "Replace the password with a one-time password, shown only in this answer")
	IssuedPassword resetPassword(@PathVariable String username, @RequestBody Reason reason, Authentication admin) {
		return IssuedPassword.of(users.resetPassword(username, reason.reason(), admin.getName()));
	}

	@PostMapping("/{username}/signing-unlock")
	@Operation(summary = "Lift the signing lock after too many wrong signing passwords")
	UserRow unlockSigning(@PathVariable String username, @RequestBody Reason reason, Authentication admin) {
		users.unlockSigning(username, reason.reason(), admin.getName());
		return one(username);
	}

	@PostMapping("/{username}/sign-in-unlock")
	@Operation(summary = "Lift the sign-in lock after too many failed sign-ins")
	UserRow unlockSignIn(@PathVariable String username, @RequestBody Reason reason, Authentication admin) {
		users.unlockLogin(username, reason.reason(), admin.getName());
		return one(username);
	}

}
