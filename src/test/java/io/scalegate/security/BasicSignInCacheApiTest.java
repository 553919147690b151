package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.scalegate.ScaleGateTest;
import io.scalegate.security.SignInLock.Kind;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The HTTP Basic cache (docs/adr/0025) on the real filter chains, against the real ways
 * an account changes: a right password is remembered after its first request, and
 * whatever an owner or an administrator does to the account counts from the very next
 * request — the owner's password change, a disable, a reset to a one-time password, a
 * throttling lock, a change of roles. A wrong password after a right one is a counted
 * failure.
 */
@ScaleGateTest
class BasicSignInCacheApiTest {

	static final String ADDRESS = "198.51.100.91";

	static final String OTHER_ADDRESS = "198.51.100.92";

	static final String PASSWORD = "nine quiet otters swim";

	static final String NEW_PASSWORD = "ten loud geese honk at dawn";

	/** AUDITOR or ADMIN only. */
	static final String AUDITORS_ONLY = "/api/audit/checkpoint/keys";

	@Autowired
	WebApplicationContext context;

	@Autowired
	BasicSignInCache cache;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserAdministration users;

	@Autowired
	PasswordChanges changes;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String username = "basic-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() throws Exception {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		accounts.save(username, "Basic Cache", PASSWORD, Set.of(Role.AUDITOR));
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
	}

	@AfterEach
	void unlock() {
		throttle.unlock(Kind.ACCOUNT, username, "admin");
		throttle.unlock(Kind.ADDRESS, ADDRESS, "admin");
		throttle.unlock(Kind.ADDRESS, OTHER_ADDRESS, "admin");
	}

	MockHttpServletResponse basic(String path, String password) throws Exception {
		return basic(path, password, ADDRESS);
	}

	MockHttpServletResponse basic(String path, String password, String address) throws Exception {
		return mvc.perform(get(path).with(httpBasic(username, password)).with(request -> {
			request.setRemoteAddr(address);
			return request;
		})).andReturn().getResponse();
	}

	String storedHash() {
		return jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	long failuresInARow() {
		return jdbc.sql("select coalesce(max(failures), 0) from sign_in_counter where kind = 'ACCOUNT' and subject = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	@Test
	void aRightPasswordIsRememberedOnApiAndEngineRest() throws Exception {
		// fails without the cache: nothing remembers the first request
		assertThat(cache.remembers(username, storedHash(), PASSWORD)).isTrue();
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
		assertThat(basic("/engine-rest/version", PASSWORD).getStatus()).isEqualTo(200);
	}

	@Test
	void aFormLoginIsNotRemembered() throws Exception {
		String other = "form-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(other, "Form Person", PASSWORD, Set.of(Role.AUDITOR));
		MockHttpServletResponse login = mvc
			.perform(post("/login").param("username", other).param("password", PASSWORD).with(csrf()))
			.andReturn()
			.getResponse();

		assertThat(login.getRedirectedUrl()).isEqualTo("/");
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(other)
			.query(String.class)
			.single();
		assertThat(cache.remembers(other, hash, PASSWORD)).isFalse();
	}

	@Test
	void aWrongPasswordAfterTheRightOneIsRefusedAndCounted() throws Exception {
		MockHttpServletResponse wrong = basic(AUDITORS_ONLY, "nine quiet otters swam");

		assertThat(wrong.getStatus()).isEqualTo(401);
		assertThat(wrong.getContentAsString()).contains("wrong user id or password");
		assertThat(failuresInARow()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from sign_in_failure where username = ? and reason = ?")
			.params(username, "BadCredentialsException")
			.query(Long.class)
			.single()).isEqualTo(1);
		// the right one still works, and ends the run of failures
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
		assertThat(failuresInARow()).isZero();
	}

	@Test
	void theOwnersPasswordChangeRefusesTheOldPasswordAtOnce() throws Exception {
		changes.change(username, PASSWORD, NEW_PASSWORD, NEW_PASSWORD, ADDRESS);

		// fails with a cache keyed by user id and password alone
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(401);
		assertThat(basic("/engine-rest/version", PASSWORD).getStatus()).isEqualTo(401);
		assertThat(basic(AUDITORS_ONLY, NEW_PASSWORD).getStatus()).isEqualTo(200);
	}

	@Test
	void aDisabledAccountIsRefusedAtOnce() throws Exception {
		users.disable(username, "left the plant", "admin");

		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(401);
		users.enable(username, "back", "admin");
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
	}

	@Test
	void aPasswordResetByAnAdministratorRefusesTheOldPasswordAtOnce() throws Exception {
		OneTimePassword reset = users.resetPassword(username, "laptop stolen", "admin");

		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(401);
		MockHttpServletResponse oneTime = basic(AUDITORS_ONLY, reset.password());
		assertThat(oneTime.getStatus()).isEqualTo(401);
		assertThat(oneTime.getContentAsString()).contains("one-time password");
	}

	@Test
	void anAccountLockedByFailuresFromElsewhereIsRefusedAtOnce() throws Exception {
		for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			basic(AUDITORS_ONLY, "a guess " + attempt, OTHER_ADDRESS);
		}

		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(429);
		throttle.unlock(Kind.ACCOUNT, username, "admin");
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
	}

	@Test
	void changedRolesApplyAtOnce() throws Exception {
		users.edit(username, "Basic Cache", null, Set.of(Role.ENGINEER), "moved to engineering", "admin");

		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(403);
		users.edit(username, "Basic Cache", null, Set.of(Role.AUDITOR), "back to audit", "admin");
		assertThat(basic(AUDITORS_ONLY, PASSWORD).getStatus()).isEqualTo(200);
	}

}
