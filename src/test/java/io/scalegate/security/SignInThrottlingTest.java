package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.SignInLock.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Sign-in throttling on the real filter chains (docs/adr/0011-sign-in-throttling.md):
 * accounts and addresses lock after repeated failures, even the right password is then
 * refused with the time to retry, an administrator unlocks, and failures never take the
 * audit trail's lock. Each test has accounts and client addresses of its own, unlocked
 * before and after it through the real unlock service.
 */
@ScaleGateTest
class SignInThrottlingTest {

	static final List<String> ACCOUNTS = List.of("throttle-basic", "throttle-form", "throttle-reset", "throttle-admin",
			"throttle-addr", "throttle-trail");

	static final List<String> ADDRESSES = List.of("198.51.100.1", "198.51.100.2", "198.51.100.3", "198.51.100.4",
			"198.51.100.5", "198.51.100.6", "198.51.100.7");

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	SignInSummary summary;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		for (String account : ACCOUNTS) {
			if (!accounts.exists(account)) {
				accounts.save(account, account, "demo", Set.of(Role.PROCESS_OWNER));
			}
		}
		unlockAll();
	}

	@AfterEach
	void unlockAll() {
		ACCOUNTS.forEach(account -> throttle.unlock(Kind.ACCOUNT, account, "admin"));
		ADDRESSES.forEach(address -> throttle.unlock(Kind.ADDRESS, address, "admin"));
	}

	@Test
	void thirtyWrongPasswordsThenTheRightOneIsRefusedWithRetryAfterOnBasic() throws Exception {
		long headBefore = head();
		for (int attempt = 1; attempt <= 30; attempt++) {
			int status = call(basic(get("/api/products"), "throttle-basic", "wrong"), "198.51.100.1").getStatus();
			assertThat(status).as("attempt " + attempt)
				.isEqualTo(attempt <= SignInThrottle.ACCOUNT_THRESHOLD ? 401 : 429);
		}
		MockHttpServletResponse right = call(basic(get("/api/products"), "throttle-basic", "demo"), "198.51.100.1");
		assertThat(right.getStatus()).isEqualTo(429);
		assertThat(right.getContentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(right.getHeader("Retry-After"))).isBetween(1L, 60L);
		assertThat(right.getContentAsString()).contains("try again after");
		// from another address too: the account is locked, and so is the engine's REST
		// API
		assertThat(call(basic(get("/engine-rest/version"), "throttle-basic", "demo"), "198.51.100.2").getStatus())
			.isEqualTo(429);

		assertThat(trail("LOGIN_LOCKED", "throttle-basic")).isEqualTo(1);
		assertThat(trail("LOGIN_FAILED", "throttle-basic")).isZero();
		// the lock's entry is the one entry the 32 attempts added to the trail
		assertThat(head() - headBefore).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from sign_in_failure where username = 'throttle-basic'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(32);
	}

	@Test
	void theLoginPageSaysWhenToRetryAndAnUnlockLetsThePersonIn() throws Exception {
		for (int attempt = 1; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			assertThat(form("throttle-form", "wrong", "198.51.100.3").getRedirectedUrl()).isEqualTo("/login?error");
		}
		assertThat(form("throttle-form", "wrong", "198.51.100.3").getRedirectedUrl()).startsWith("/login?locked=");
		String locked = form("throttle-form", "demo", "198.51.100.3").getRedirectedUrl();
		assertThat(locked).startsWith("/login?locked=");
		long until = Long.parseLong(locked.substring("/login?locked=".length()));
		assertThat(until).isGreaterThan(System.currentTimeMillis() / 1000);

		assertThat(throttle.unlock(Kind.ACCOUNT, "throttle-form", "admin")).isTrue();
		assertThat(trail("LOGIN_UNLOCKED", "throttle-form")).isPositive();
		assertThat(form("throttle-form", "demo", "198.51.100.3").getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void aLockedAccountCannotSignInByAnEncodedLoginPath() throws Exception {
		for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			form("throttle-form", "wrong", "198.51.100.7");
		}
		for (String path : List.of("/%6cogin", "/%6Cogin", "/logi%6e")) {
			MockHttpServletResponse encoded = call(post(java.net.URI.create(path)).param("username", "throttle-form")
				.param("password", "demo")
				.with(csrf()), "198.51.100.7");
			assertThat(encoded.getRedirectedUrl()).as(path).startsWith("/login?locked=");
		}
		// nor by HTTP Basic on any chain, nor from another address
		assertThat(call(basic(get("/api/products"), "throttle-form", "demo"), "198.51.100.6").getStatus())
			.isEqualTo(429);
	}

	@Test
	void aLockedAccountIsRefusedByTheAuthenticationItselfBeforeItsPasswordIsChecked() throws Exception {
		for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			form("throttle-reset", "wrong", "198.51.100.6");
		}
		// whatever path a sign-in comes by, the account it loads is locked
		assertThat(accounts.loadUserByUsername("throttle-reset").isAccountNonLocked()).isFalse();
		assertThat(accounts.loadUserByUsername("throttle-admin").isAccountNonLocked()).isTrue();
	}

	@Test
	void madeUpNamesAreLockedAlikeButWriteNothingToTheTrail() throws Exception {
		long headBefore = head();
		for (int name = 0; name < 4; name++) {
			for (int attempt = 1; attempt <= SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
				call(basic(get("/api/products"), "nobody-" + name, "wrong"), "198.51.100.5");
			}
			// the same answer as for a real account: nobody learns who exists
			assertThat(call(basic(get("/api/products"), "nobody-" + name, "wrong"), "198.51.100.5").getStatus())
				.isEqualTo(429);
		}
		assertThat(head()).isEqualTo(headBefore);
		for (int name = 0; name < 4; name++) {
			throttle.unlock(Kind.ACCOUNT, "nobody-" + name, "admin");
		}
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() throws Exception {
		for (int round = 0; round < 3; round++) {
			for (int attempt = 1; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
				assertThat(call(basic(get("/api/products"), "throttle-reset", "wrong"), "198.51.100.4").getStatus())
					.isEqualTo(401);
			}
			assertThat(call(basic(get("/api/products"), "throttle-reset", "demo"), "198.51.100.4").getStatus())
				.isEqualTo(200);
		}
	}

	@Test
	void anAddressLocksOnlyAfterManyFailuresOnAnyAccounts() throws Exception {
		for (int attempt = 1; attempt < SignInThrottle.ADDRESS_THRESHOLD; attempt++) {
			throttle.failed("guess-" + attempt, "198.51.100.5", "BadCredentialsException", true);
		}
		// a colleague behind the same address still gets in
		assertThat(call(basic(get("/api/products"), "throttle-addr", "demo"), "198.51.100.5").getStatus())
			.isEqualTo(200);
		throttle.failed("guess-last", "198.51.100.5", "BadCredentialsException", true);
		assertThat(call(basic(get("/api/products"), "throttle-addr", "demo"), "198.51.100.5").getStatus())
			.isEqualTo(429);
		assertThat(call(basic(get("/api/products"), "throttle-addr", "demo"), "198.51.100.6").getStatus())
			.isEqualTo(200);
		assertThat(throttle.locks()).anySatisfy(lock -> {
			assertThat(lock.kind()).isEqualTo(Kind.ADDRESS);
			assertThat(lock.subject()).isEqualTo("198.51.100.5");
		});
		assertThat(trail("LOGIN_LOCKED", "address 198.51.100.5")).isPositive();
	}

	@Test
	void anAdministratorUnlocksThroughTheApi() throws Exception {
		for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			throttle.failed("throttle-admin", "198.51.100.7", "BadCredentialsException", true);
		}
		MockHttpServletResponse locks = call(basic(get("/api/admin/login-locks"), "admin", "demo"), "198.51.100.6");
		assertThat(locks.getStatus()).isEqualTo(200);
		assertThat(locks.getContentAsString()).contains("\"subject\":\"throttle-admin\"").contains("\"ACCOUNT\"");
		assertThat(call(basic(delete("/api/admin/login-locks/throttle-admin"), "engineer", "demo"), "198.51.100.6")
			.getStatus()).isEqualTo(403);

		assertThat(call(basic(delete("/api/admin/login-locks/throttle-admin"), "admin", "demo"), "198.51.100.6")
			.getStatus()).isEqualTo(204);
		assertThat(call(basic(get("/api/products"), "throttle-admin", "demo"), "198.51.100.7").getStatus())
			.isEqualTo(200);
		MockHttpServletResponse again = call(basic(delete("/api/admin/login-locks/throttle-admin"), "admin", "demo"),
				"198.51.100.6");
		assertThat(again.getStatus()).isEqualTo(404);
		assertThat(again.getContentType()).startsWith("application/problem+json");
		auditTrail.sealCommitted();
		assertThat(jdbc.sql(
				"select actor from audit_entry where action = 'LOGIN_UNLOCKED' and subject_id = 'throttle-admin' order by id desc fetch first 1 rows only")
			.query(String.class)
			.single()).isEqualTo("admin");
	}

	@Test
	void failedSignInsLeaveTheTrailAloneUntilTheHourlySummary() throws Exception {
		summary.summarise();
		long headBefore = head();
		// four failures: one short of a lock, whose entry would be in the trail
		for (int attempt = 0; attempt < 2; attempt++) {
			call(basic(get("/api/products"), "throttle-trail", "wrong"), "198.51.100.6");
			form("throttle-trail", "wrong", "198.51.100.6");
		}
		assertThat(head()).isEqualTo(headBefore);

		SignInFailuresSummarised written = summary.summarise().orElseThrow();
		assertThat(written.failures()).isGreaterThanOrEqualTo(4);
		assertThat(written.byAccount()).containsEntry("throttle-trail", 4L);
		assertThat(written.byAddress()).containsKey("198.51.100.6");
		assertThat(head()).isEqualTo(headBefore + 1);
		// the period is taken: a second run (another node) writes nothing
		assertThat(summary.summarise()).isEmpty();
		assertThat(head()).isEqualTo(headBefore + 1);
	}

	@Test
	void locksGrowAndNeverLastLongerThanFifteenMinutes() {
		assertThat(SignInThrottle.lockFor(0)).hasMinutes(1);
		assertThat(SignInThrottle.lockFor(1)).hasMinutes(2);
		assertThat(SignInThrottle.lockFor(3)).hasMinutes(8);
		assertThat(SignInThrottle.lockFor(4)).hasMinutes(15);
		assertThat(SignInThrottle.lockFor(1000)).hasMinutes(15);
	}

	MockHttpServletResponse form(String username, String password, String address) throws Exception {
		return call(post("/login").param("username", username).param("password", password).with(csrf()), address);
	}

	MockHttpServletResponse call(MockHttpServletRequestBuilder request, String address) throws Exception {
		RequestBuilder withAddress = request.with(r -> {
			r.setRemoteAddr(address);
			return r;
		});
		return mvc.perform(withAddress).andReturn().getResponse();
	}

	static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, String user, String password) {
		return request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	long head() {
		return jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single();
	}

	long trail(String action, String subject) {
		auditTrail.sealCommitted();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

}
