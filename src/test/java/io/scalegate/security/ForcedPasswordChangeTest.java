package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.SignInLock.Kind;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A one-time password opens nothing but the page that replaces it (docs/adr/0014): the
 * form login lands on /login/new-password without a session, HTTP Basic on /api and
 * /engine-rest is refused saying why; after the change the one-time password fails and
 * the new one works everywhere.
 */
@ScaleGateTest
class ForcedPasswordChangeTest {

	static final String ADDRESS = "198.51.100.77";

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	UserAdministration users;

	@Autowired
	PasswordChanges changes;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String username = "forced-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@AfterEach
	void unlock() {
		throttle.unlock(Kind.ACCOUNT, username, "admin");
		throttle.unlock(Kind.ADDRESS, ADDRESS, "admin");
	}

	MockHttpServletResponse form(String password, MockHttpSession session) throws Exception {
		return mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.session(session)
			.with(csrf())
			.with(request -> {
				request.setRemoteAddr(ADDRESS);
				return request;
			})).andReturn().getResponse();
	}

	MockHttpServletResponse basic(String path, String password) throws Exception {
		return mvc.perform(get(path).with(httpBasic(username, password)).with(request -> {
			request.setRemoteAddr(ADDRESS);
			return request;
		})).andReturn().getResponse();
	}

	@Test
	void aOneTimePasswordReachesNothingBeforeItIsReplaced() throws Exception {
		OneTimePassword issued = users.create(username, "Forced Person", username + "@example.com",
				Set.of(Role.GATEKEEPER, Role.PROCESS_OWNER), "joins", "admin");

		MockHttpSession session = new MockHttpSession();
		MockHttpServletResponse login = form(issued.password(), session);
		assertThat(login.getRedirectedUrl()).isEqualTo("/login/new-password?username=" + username);
		// no one is signed in with it: the views still send to the login
		MockHttpServletResponse view = mvc.perform(get("/account").session(session)).andReturn().getResponse();
		assertThat(view.getStatus()).isIn(302, 401);
		assertThat(session.getAttribute("SPRING_SECURITY_CONTEXT")).isNull();

		for (String path : new String[] { "/api/products", "/engine-rest/version" }) {
			MockHttpServletResponse api = basic(path, issued.password());
			assertThat(api.getStatus()).as(path).isEqualTo(401);
			assertThat(api.getContentAsString()).as(path).contains("one-time password");
		}
		// a right one-time password is no failed sign-in: nothing counted, nothing locked
		assertThat(
				jdbc.sql("select count(*) from sign_in_counter where kind = 'ACCOUNT' and subject = ? and failures > 0")
					.param(username)
					.query(Long.class)
					.single())
			.isZero();
		assertThat(users.row(username).orElseThrow().lastLoginAt()).isNull();

		changes.replaceOneTimePassword(username, issued.password(), "seven blue herons fly", "seven blue herons fly",
				ADDRESS);

		assertThat(form(issued.password(), new MockHttpSession()).getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(basic("/api/products", issued.password()).getStatus()).isEqualTo(401);
		assertThat(form("seven blue herons fly", new MockHttpSession()).getRedirectedUrl()).isEqualTo("/");
		assertThat(basic("/api/products", "seven blue herons fly").getStatus()).isEqualTo(200);
		assertThat(basic("/engine-rest/version", "seven blue herons fly").getStatus()).isEqualTo(200);
		assertThat(users.row(username).orElseThrow().lastLoginAt()).isNotNull();
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("""
				select count(*) from audit_entry where action = 'PASSWORD_CHANGED' and subject_id = ?
				and actor = ? and details like '%one-time password replaced%'""")
			.params(username, username)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	/** Signs in by the form; returns the session it gets. */
	MockHttpSession signedIn(String password) throws Exception {
		var result = mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with(request -> {
					request.setRemoteAddr(ADDRESS);
					return request;
				}))
			.andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	MockHttpServletResponse page(MockHttpSession session) throws Exception {
		return mvc.perform(get("/account").session(session)).andReturn().getResponse();
	}

	@Test
	void anOpenSessionEndsWhenTheAccountIsDisabledOrItsPasswordReset() throws Exception {
		OneTimePassword issued = users.create(username, "Session Person", username + "@example.com",
				Set.of(Role.AUDITOR), "joins", "admin");
		changes.replaceOneTimePassword(username, issued.password(), "seven blue herons fly", "seven blue herons fly",
				ADDRESS);

		MockHttpSession session = signedIn("seven blue herons fly");
		assertThat(page(session).getRedirectedUrl()).isNull();
		users.disable(username, "left", "admin");
		assertThat(page(session).getRedirectedUrl()).isEqualTo("/login");
		assertThat(session.isInvalid()).isTrue();

		users.enable(username, "back", "admin");
		MockHttpSession again = signedIn("seven blue herons fly");
		assertThat(page(again).getRedirectedUrl()).isNull();
		users.resetPassword(username, "laptop stolen", "admin");
		assertThat(page(again).getRedirectedUrl()).isEqualTo("/login");
		assertThat(again.isInvalid()).isTrue();
	}

	@Test
	void anOpenSessionStaysEndedWhenTheAccountIsRestoredBeforeItsNextRequestAndEndsWhenItsRolesChange()
			throws Exception {
		OneTimePassword issued = users.create(username, "Restored Person", username + "@example.com",
				Set.of(Role.ADMIN, Role.AUDITOR), "joins", "admin");
		changes.replaceOneTimePassword(username, issued.password(), "seven blue herons fly", "seven blue herons fly",
				ADDRESS);

		// disabled and enabled again with no request in between: the old session is over
		MockHttpSession session = signedIn("seven blue herons fly");
		assertThat(page(session).getRedirectedUrl()).isNull();
		users.disable(username, "session stolen", "admin");
		users.enable(username, "new laptop", "admin");
		assertThat(page(session).getRedirectedUrl()).isEqualTo("/login");

		// reset and replaced by its owner: the session from before the reset is over
		MockHttpSession beforeReset = signedIn("seven blue herons fly");
		assertThat(page(beforeReset).getRedirectedUrl()).isNull();
		OneTimePassword reset = users.resetPassword(username, "session stolen", "admin");
		changes.replaceOneTimePassword(username, reset.password(), "eight green owls sing", "eight green owls sing",
				ADDRESS);
		assertThat(page(beforeReset).getRedirectedUrl()).isEqualTo("/login");

		// demoted: the session does not keep ADMIN, nor come back to grant it again
		MockHttpSession admin = signedIn("eight green owls sing");
		assertThat(mvc.perform(get("/admin/users").session(admin)).andReturn().getResponse().getRedirectedUrl())
			.isNull();
		users.edit(username, "Restored Person", username + "@example.com", Set.of(Role.AUDITOR), "not admin any more",
				"admin");
		assertThat(page(admin).getRedirectedUrl()).isEqualTo("/login");
		// a new sign-in gets the new roles, and a change of name alone ends nothing
		MockHttpSession auditor = signedIn("eight green owls sing");
		users.edit(username, "Restored P. Person", username + "@example.com", Set.of(Role.AUDITOR), "name", "admin");
		assertThat(page(auditor).getRedirectedUrl()).isNull();
	}

	@Test
	void aDisabledAccountCannotSignInByFormNorBasic() throws Exception {
		OneTimePassword issued = users.create(username, "Leaving Person", username + "@example.com",
				Set.of(Role.AUDITOR), "joins", "admin");
		changes.replaceOneTimePassword(username, issued.password(), "seven blue herons fly", "seven blue herons fly",
				ADDRESS);
		users.disable(username, "left", "admin");

		assertThat(form("seven blue herons fly", new MockHttpSession()).getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(basic("/api/products", "seven blue herons fly").getStatus()).isEqualTo(401);
		assertThat(basic("/engine-rest/version", "seven blue herons fly").getStatus()).isEqualTo(401);

		users.enable(username, "back", "admin");
		assertThat(basic("/api/products", "seven blue herons fly").getStatus()).isEqualTo(200);
	}

}
