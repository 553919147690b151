package io.scalegate.security;

import static io.scalegate.gate.ProductLifecycle.DESIGN_FREEZE_SIGN_OFF;
import static io.scalegate.gate.ProductLifecycle.DESIGN_FROZEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.scalegate.PostgresTestDatabase;
import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.audit.AuditTrail;
import io.scalegate.base.ActingUser;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.SsoAccounts.SsoIdentity;
import io.scalegate.task.Signature;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Single sign-on against a real OpenID Connect provider (mock-oauth2-server on a free
 * port, docs/adr/0015): the whole authorization-code flow through Spring Security's
 * filters, account provisioning and its refusals, local passwords off but for
 * break-glass, and signing with a PIN. Its own context (SSO configured, local login off)
 * on its own H2 database, and its own engine name: an engine named "default" would
 * replace the shared context's in Camunda's registry, which engine-rest and the webapps
 * look up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=ssotest",
		"camunda.bpm.webapp.enabled=false", "vaadin.launch-browser=false", "vaadin.devmode.devTools.enabled=false",
		"scalegate.security.sign-in.summary-cron=-", "scalegate.audit.key-id=test",
		"scalegate.audit.key=" + ScaleGateTest.AUDIT_KEY,
		"spring.datasource.url=jdbc:h2:mem:sso-test;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000",
		"scalegate.sso.client-id=scalegate", "scalegate.sso.client-secret=not-checked-by-the-mock",
		"scalegate.sso.display-name=Acme", "scalegate.sso.roles.ENGINEER=sg-engineers",
		"scalegate.sso.roles.GATEKEEPER=sg-gatekeepers,sg-leads", "scalegate.sso.roles.ADMIN=sg-admins",
		"scalegate.sso.local-login=false", "scalegate.sso.break-glass-accounts=admin,auditor" })
@Import(PostgresTestDatabase.class)
class SsoLoginTest {

	static final MockOAuth2Server IDP = new MockOAuth2Server();

	static {
		IDP.start();
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("scalegate.sso.issuer-uri", () -> IDP.issuerUrl("acme").toString());
	}

	@AfterAll
	static void stop() {
		IDP.shutdown();
	}

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	UserAccounts accounts;

	@Autowired
	SigningPins pins;

	@Autowired
	SigningCredentials signing;

	@Autowired
	TaskCompletion completion;

	@Autowired
	TaskService tasks;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SsoAccounts ssoAccounts;

	@Autowired
	ActingUser acting;

	MockMvc mvc;

	final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	/** What a company sign-in ended with: where the browser is sent, and its session. */
	record SignIn(String location, MockHttpSession session) {

		Authentication authentication() {
			SecurityContext security = (SecurityContext) session
				.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			return security == null ? null : security.getAuthentication();
		}

	}

	/**
	 * The browser's part of the authorization-code flow: ScaleGate sends it to the
	 * provider, the provider (which signs anyone in) back with a code, ScaleGate
	 * exchanges the code for the ID token itself.
	 */
	SignIn signIn(String subject, Map<String, Object> claims) throws Exception {
		MockHttpSession session = new MockHttpSession();
		String authorize = mvc.perform(get("/oauth2/authorization/sso").session(session))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(authorize).startsWith(IDP.authorizationEndpointUrl("acme").toString());
		IDP.enqueueCallback(new DefaultOAuth2TokenCallback("acme", subject, "JWT", List.of("scalegate"), claims, 3600));
		HttpResponse<String> code = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
				HttpResponse.BodyHandlers.ofString());
		URI callback = URI.create(code.headers().firstValue("Location").orElseThrow());
		var query = UriComponentsBuilder.fromUri(callback).build().getQueryParams();
		MockHttpServletResponse back = mvc
			.perform(get(callback.getPath()).session(session)
				.param("code", query.getFirst("code"))
				.param("state",
						UriComponentsBuilder.fromUri(callback)
							.build(true)
							.getQueryParams()
							.getFirst("state")
							.replace("%3D", "=")))
			.andReturn()
			.getResponse();
		return new SignIn(back.getRedirectedUrl(), session);
	}

	static Map<String, Object> claims(String username, String name, String... groups) {
		Map<String, Object> claims = new HashMap<>();
		claims.put("preferred_username", username);
		claims.put("name", name);
		claims.put("email", username + "@acme.example");
		claims.put("groups", List.of(groups));
		return claims;
	}

	static String aUserId() {
		return "sso-" + UUID.randomUUID().toString().substring(0, 8);
	}

	long trail(String action, String subject) {
		auditTrail.sealCommitted();
		return jdbc.sql("select count(*) from audit_entry where action = ? and subject_id = ?")
			.params(action, subject)
			.query(Long.class)
			.single();
	}

	String source(String username) {
		return jdbc.sql("select auth_source from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	@Test
	void theFirstSignInCreatesTheAccountWithTheRolesOfTheClaimAndASessionWithThem() throws Exception {
		String user = aUserId();
		SignIn signIn = signIn("subject-" + user, claims(user, "Gina Gatekeeper", "sg-gatekeepers", "marketing"));

		assertThat(signIn.location()).isEqualTo("/");
		UserAccount account = accounts.find(user).orElseThrow();
		assertThat(account.roles()).containsExactly(Role.GATEKEEPER);
		assertThat(account.fullName()).isEqualTo("Gina Gatekeeper");
		assertThat(account.enabled()).isTrue();
		assertThat(source(user)).isEqualTo("OIDC");
		assertThat(jdbc.sql("select email from app_user where username = ?").param(user).query(String.class).single())
			.isEqualTo(user + "@acme.example");
		// the session is ScaleGate's user with ScaleGate's roles, as after a password
		// sign-in
		Authentication session = signIn.authentication();
		assertThat(session.getName()).isEqualTo(user);
		assertThat(Role.of(session.getAuthorities())).containsExactly(Role.GATEKEEPER);
		assertThat(EngineIdentityFilter.groups(session)).containsExactly("GATEKEEPER");
		SecurityContextHolder.getContext().setAuthentication(session);
		try {
			assertThat(acting.current()).isEqualTo(user);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(trail("USER_PROVISIONED", user)).isOne();
		// and it can use the UI
		assertThat(mvc.perform(get("/login").session(signIn.session())).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void theRolesFollowTheClaimAtEachSignInAndAnUnchangedSignInWritesNothing() throws Exception {
		String user = aUserId();
		signIn("subject-" + user, claims(user, "Eve", "sg-engineers"));
		assertThat(accounts.find(user).orElseThrow().roles()).containsExactly(Role.ENGINEER);

		SignIn again = signIn("subject-" + user, claims(user, "Eve Engineer", "sg-leads", "sg-admins"));
		assertThat(again.location()).isEqualTo("/");
		assertThat(accounts.find(user).orElseThrow().roles()).containsExactlyInAnyOrder(Role.GATEKEEPER, Role.ADMIN);
		assertThat(accounts.find(user).orElseThrow().fullName()).isEqualTo("Eve Engineer");
		assertThat(Role.of(again.authentication().getAuthorities())).containsExactlyInAnyOrder(Role.GATEKEEPER,
				Role.ADMIN);

		signIn("subject-" + user, claims(user, "Eve Engineer", "sg-leads", "sg-admins"));
		assertThat(trail("USER_PROVISIONED", user)).isEqualTo(2);
	}

	@Test
	void aClaimWithNoMappedRoleIsRefusedWithItsReasonAndNoAccount() throws Exception {
		String user = aUserId();
		SignIn signIn = signIn("subject-" + user, claims(user, "Mark Eting", "marketing", "SG-GATEKEEPERS"));

		assertThat(signIn.location()).isEqualTo("/login?sso=no-role");
		assertThat(signIn.authentication()).isNull();
		assertThat(accounts.exists(user)).isFalse();
		assertThat(trail("SSO_SIGN_IN_REFUSED", user)).isOne();
	}

	@Test
	void anExistingSsoUserWhoseGroupsNoLongerMapIsRefusedAndKeepsTheOldRoles() throws Exception {
		String user = aUserId();
		signIn("subject-" + user, claims(user, "Leo", "sg-engineers"));
		SignIn later = signIn("subject-" + user, claims(user, "Leo", "left-the-team"));
		assertThat(later.location()).isEqualTo("/login?sso=no-role");
		assertThat(later.authentication()).isNull();
	}

	@Test
	void aLocalAccountWithTheSameUserIdIsNotTakenOver() throws Exception {
		String user = aUserId();
		accounts.save(user, "Local Larry", "a-local-password", Set.of(Role.QUALITY));

		SignIn signIn = signIn("attacker-" + user, claims(user, "Mallory", "sg-admins"));

		assertThat(signIn.location()).isEqualTo("/login?sso=taken");
		assertThat(signIn.authentication()).isNull();
		UserAccount local = accounts.find(user).orElseThrow();
		assertThat(local.roles()).containsExactly(Role.QUALITY);
		assertThat(local.fullName()).isEqualTo("Local Larry");
		assertThat(source(user)).isEqualTo("LOCAL");
		assertThat(trail("SSO_SIGN_IN_REFUSED", user)).isOne();
		// the demo admin too
		assertThat(signIn("attacker-admin", claims("admin", "Mallory", "sg-admins")).location())
			.isEqualTo("/login?sso=taken");
	}

	@Test
	void anotherIdentityProviderUserWithTheSameUserIdIsNotTheOwner() throws Exception {
		String user = aUserId();
		signIn("first-" + user, claims(user, "First", "sg-engineers"));

		SignIn second = signIn("second-" + user, claims(user, "Second", "sg-admins"));

		assertThat(second.location()).isEqualTo("/login?sso=taken");
		assertThat(accounts.find(user).orElseThrow().roles()).containsExactly(Role.ENGINEER);
		// and the first one's user id cannot be changed under them: the subject stays
		// theirs
		SignIn renamed = signIn("first-" + user, claims(user + "-new", "First", "sg-engineers"));
		assertThat(renamed.location()).isEqualTo("/login?sso=taken");
	}

	@Test
	void firstSignInsAtTheSameMomentMakeOneAccountAndNoError() throws Exception {
		String user = aUserId();
		SsoIdentity who = new SsoIdentity(IDP.issuerUrl("acme").toString(), "subject-" + user, user, "Ray Race", null,
				Set.of(Role.ENGINEER));

		List<Object> outcomes = Together.times(4, () -> ssoAccounts.signIn(who));

		assertThat(outcomes).allSatisfy(outcome -> {
			if (outcome instanceof RuntimeException refused) {
				assertThat(refused).isInstanceOfSatisfying(SsoRefused.class,
						raced -> assertThat(raced.reason()).isEqualTo(SsoRefused.Reason.RACED));
			}
			else {
				assertThat(outcome).isEqualTo(Set.of(Role.ENGINEER));
			}
		});
		assertThat(outcomes).anySatisfy(outcome -> assertThat(outcome).isInstanceOf(Set.class));
		assertThat(accounts.find(user).orElseThrow().roles()).containsExactly(Role.ENGINEER);
		assertThat(trail("USER_PROVISIONED", user)).isOne();
	}

	@Test
	void aDisabledAccountIsRefused() throws Exception {
		String user = aUserId();
		signIn("subject-" + user, claims(user, "Dee", "sg-engineers"));
		jdbc.sql("update app_user set enabled = false where username = ?").param(user).update();

		assertThat(signIn("subject-" + user, claims(user, "Dee", "sg-engineers")).location())
			.isEqualTo("/login?sso=disabled");
	}

	@Test
	void withoutAUserIdClaimTheSubjectIsTheUserId() throws Exception {
		String subject = aUserId();
		Map<String, Object> claims = claims("x", "Sub Only", "sg-engineers");
		claims.remove("preferred_username");
		assertThat(signIn(subject, claims).location()).isEqualTo("/");
		assertThat(accounts.find(subject).orElseThrow().roles()).containsExactly(Role.ENGINEER);
	}

	// local passwords off except break-glass

	MockHttpServletResponse form(String username, String password) throws Exception {
		return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()))
			.andReturn()
			.getResponse();
	}

	static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request, String user, String password) {
		return request.header("Authorization", "Basic "
				+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void withLocalLoginOffOnlyTheBreakGlassAccountSignsInWithAPassword() throws Exception {
		assertThat(form("engineer", "demo").getRedirectedUrl()).isEqualTo("/login?error");
		assertThat(mvc.perform(basic(get("/api/products"), "engineer", "demo")).andReturn().getResponse().getStatus())
			.isEqualTo(401);
		assertThat(mvc.perform(basic(get("/engine-rest/version"), "gatekeeper", "demo"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(401);

		assertThat(form("admin", "demo").getRedirectedUrl()).isEqualTo("/");
		assertThat(mvc.perform(basic(get("/api/products"), "admin", "demo")).andReturn().getResponse().getStatus())
			.isEqualTo(200);
	}

	@Test
	void anSsoAccountHasNoUsablePassword() throws Exception {
		String user = aUserId();
		signIn("subject-" + user, claims(user, "Pat", "sg-admins"));
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(user)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}");
		for (String guess : new String[] { "", user, "demo", hash }) {
			assertThat(mvc.perform(basic(get("/api/products"), user, guess)).andReturn().getResponse().getStatus())
				.isEqualTo(401);
		}
	}

	// signing under SSO

	String anSsoEngineer() throws Exception {
		String user = aUserId();
		assertThat(signIn("subject-" + user, claims(user, "Sam Signer", "sg-engineers")).location()).isEqualTo("/");
		return user;
	}

	Task designFreeze() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		return lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
	}

	@Test
	void anSsoUserWithoutAPinIsToldToSetOneAndSignsNothing() throws Exception {
		String user = anSsoEngineer();
		Task task = designFreeze();
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.NO_PIN);

		assertThatThrownBy(() -> completion.complete(task.getId(), user, "", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("password");
				assertThat(invalid.reason()).contains("have not set one yet").contains("/account/signing-pin");
			});
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void anSsoUserSignsWithTheirPinAndWrongPinsLockAsPasswordsDo() throws Exception {
		String user = anSsoEngineer();
		pins.set(user, null, "482915");
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.PIN);
		Task task = designFreeze();

		// longer than BCrypt takes: a wrong PIN like any other, not an error
		assertThatThrownBy(() -> completion.complete(task.getId(), user, "ü".repeat(100), SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.hasMessageContaining("wrong PIN (1 of 5");
		for (int attempt = 2; attempt <= 4; attempt++) {
			assertThatThrownBy(() -> completion.complete(task.getId(), user, "000000", SignatureMeaning.APPROVED,
					Map.of(DESIGN_FROZEN.name(), true)))
				.hasMessageContaining("wrong PIN (")
				.hasMessageContaining("of 5 attempts");
		}
		Signature signature = completion.complete(task.getId(), user, "482915", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true));
		assertThat(signature.username()).isEqualTo(user);
		assertThat(signature.printedName()).isEqualTo("Sam Signer");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();

		Task next = designFreeze();
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThatThrownBy(() -> completion.complete(next.getId(), user, "111112", SignatureMeaning.APPROVED,
					Map.of(DESIGN_FROZEN.name(), true)))
				.hasMessageContaining("of 5 attempts");
		}
		assertThatThrownBy(() -> completion.complete(next.getId(), user, "111112", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.hasMessageContaining("signing is now locked");
		assertThatThrownBy(() -> completion.complete(next.getId(), user, "482915", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.hasMessageContaining("signing is locked after 5 wrong PINs");
		assertThat(tasks.createTaskQuery().taskId(next.getId()).count()).isOne();
	}

	@Test
	void changingThePinNeedsTheCurrentOneAndAWrongOneCounts() throws Exception {
		String user = anSsoEngineer();
		pins.set(user, null, "482915");

		assertThatThrownBy(() -> pins.set(user, null, "739164")).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.field()).isEqualTo("currentPin"));
		assertThatThrownBy(() -> pins.set(user, "999999", "739164")).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.field()).isEqualTo("currentPin"));
		assertThat(jdbc.sql("select failed_signatures from app_user where username = ?")
			.param(user)
			.query(Integer.class)
			.single()).isOne();
		assertThatThrownBy(() -> pins.set(user, "482915", "123456")).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> assertThat(invalid.field()).isEqualTo("pin"));

		pins.set(user, "482915", "739164");
		signing.verify(user, "739164");
		assertThatThrownBy(() -> signing.verify(user, "482915")).hasMessageContaining("wrong PIN");
		assertThat(trail("SIGNING_PIN_SET", user)).isEqualTo(2);
	}

	@Test
	void localAccountsKeepSigningWithTheirPasswordAndHaveNoPin() {
		assertThat(signing.secretOf("engineer")).isEqualTo(SigningSecret.PASSWORD);
		assertThatThrownBy(() -> pins.set("engineer", null, "482915")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("password");
	}

	@Test
	void anAdministratorResetsAPinWithAReasonOverTheApiAndTheTrailKeepsIt() throws Exception {
		String user = anSsoEngineer();
		pins.set(user, null, "482915");
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThatThrownBy(() -> signing.verify(user, "000000")).isInstanceOf(InvalidInput.class);
		}
		assertThatThrownBy(() -> signing.verify(user, "482915")).hasMessageContaining("locked");

		String path = "/api/admin/users/" + user + "/signing-pin/reset";
		assertThat(mvc.perform(basic(post(path), "admin", "demo").contentType("application/json").content("{}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(mvc
			.perform(basic(post("/api/admin/users/nobody-" + user + "/signing-pin/reset"), "admin", "demo")
				.contentType("application/json")
				.content("{\"reason\":\"forgotten\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc
			.perform(basic(post("/api/admin/users/engineer/signing-pin/reset"), "admin", "demo")
				.contentType("application/json")
				.content("{\"reason\":\"forgotten\"}"))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(400);
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.PIN);

		MockHttpServletResponse reset = mvc
			.perform(basic(post(path), "admin", "demo").contentType("application/json")
				.content("{\"reason\":\"forgotten after holiday, ticket 4711\"}"))
			.andReturn()
			.getResponse();
		assertThat(reset.getStatus()).isEqualTo(204);
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.NO_PIN);
		assertThat(trail("SIGNING_PIN_RESET", user)).isOne();
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select actor from audit_entry where action = 'SIGNING_PIN_RESET' and subject_id = ?")
			.param(user)
			.query(String.class)
			.single()).isEqualTo("admin");
		pins.set(user, null, "739164");
		signing.verify(user, "739164");
	}

	@Test
	void onlyAnAdministratorResetsAPin() throws Exception {
		String user = anSsoEngineer();
		pins.set(user, null, "482915");
		String other = aUserId();
		SignIn gatekeeper = signIn("subject-" + other, claims(other, "Gil", "sg-gatekeepers"));
		MockHttpServletResponse refused = mvc
			.perform(post("/api/admin/users/" + user + "/signing-pin/reset").session(gatekeeper.session())
				.contentType("application/json")
				.content("{\"reason\":\"x\"}"))
			.andReturn()
			.getResponse();
		// the API takes no session: an API token or HTTP Basic
		assertThat(refused.getStatus()).isEqualTo(401);
		MockHttpServletResponse auditor = mvc
			.perform(basic(post("/api/admin/users/" + user + "/signing-pin/reset"), "auditor", "demo")
				.contentType("application/json")
				.content("{\"reason\":\"x\"}"))
			.andReturn()
			.getResponse();
		assertThat(auditor.getStatus()).isEqualTo(403);
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.PIN);
	}

}
