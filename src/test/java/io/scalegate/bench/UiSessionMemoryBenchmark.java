package io.scalegate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinSession;
import io.scalegate.ScaleGateTest;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * Load driver, not a unit test (excluded from the build): signs in 100 browser-less
 * sessions (the login form with its CSRF token, four demo accounts in turn, each session
 * its own cookies) and opens real Vaadin UIs in them the way Flow's client does (the
 * route's page, then {@code ?v-r=init&location=...}, which makes the server create the UI
 * and navigate it to the view): first the products list in every session, then the inbox
 * as a second tab. The UIs are counted in the VaadinSessions held by Tomcat; the heap is
 * measured after full garbage collections until it no longer shrinks. Run:
 * {@code ./mvnw test -Dtest=UiSessionMemoryBenchmark}; results go to docs/benchmarks.md.
 */
@ScaleGateTest
class UiSessionMemoryBenchmark {

	static final String[] USERS = { "engineer", "quality", "supplier", "gatekeeper" };

	@LocalServerPort
	int port;

	@Autowired
	ServletWebServerApplicationContext context;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void measuresHeapPerSession() throws Exception {
		int sessions = Integer.getInteger("ui.sessions", 100);
		// warm-up: the views' classes, templates and caches, then gone again
		List<Map<String, String>> warm = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Map<String, String> cookies = signIn(USERS[i % USERS.length]);
			openUi(cookies, "");
			openUi(cookies, "inbox");
			warm.add(cookies);
		}
		int tomcatSessionsBefore = tomcatSessions().size();
		long before = settledHeap();
		List<Map<String, String>> clients = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			Map<String, String> cookies = signIn(USERS[i % USERS.length]);
			openUi(cookies, "");
			clients.add(cookies);
		}
		long withProducts = settledHeap();
		Count afterProducts = countUis();
		for (Map<String, String> cookies : clients) {
			openUi(cookies, "inbox");
		}
		long withInbox = settledHeap();
		Count afterInbox = countUis();
		System.out.printf(
				"UI-SESSION-BENCH Tomcat sessions before %d, after %d; Vaadin sessions %d, UIs after products %d"
						+ " (views %s), after inbox %d (views %s)%n",
				tomcatSessionsBefore, afterInbox.httpSessions, afterInbox.vaadinSessions, afterProducts.uis,
				afterProducts.views, afterInbox.uis, afterInbox.views);
		System.out
			.printf("UI-SESSION-BENCH heap after full GC: before %.1f MB, %d sessions with the products list %.1f MB,"
					+ " + inbox tab %.1f MB%n", before / 1e6, sessions, withProducts / 1e6, withInbox / 1e6);
		System.out.printf(
				"UI-SESSION-BENCH per session with one UI (products list): %.0f KB; the inbox as a second UI adds"
						+ " %.0f KB; per session with both: %.0f KB%n",
				(withProducts - before) / 1e3 / sessions, (withInbox - withProducts) / 1e3 / sessions,
				(withInbox - before) / 1e3 / sessions);
		serializedSize();
		assertThat(afterInbox.uis).isGreaterThanOrEqualTo(2 * sessions);
		// keep the clients reachable until measured
		assertThat(clients).hasSize(sessions);
		assertThat(warm).hasSize(8);
	}

	record Count(int httpSessions, int vaadinSessions, int uis, Map<String, Long> views) {
	}

	private Count countUis() {
		int vaadin = 0;
		int uis = 0;
		List<String> views = new ArrayList<>();
		List<Session> all = tomcatSessions();
		for (Session session : all) {
			VaadinSession vaadinSession = vaadinSession(session);
			if (vaadinSession == null) {
				continue;
			}
			vaadin++;
			vaadinSession.lock();
			try {
				for (var ui : vaadinSession.getUIs()) {
					uis++;
					var chain = ui.getInternals().getActiveRouterTargetsChain();
					views.add(chain.isEmpty() ? "none" : chain.get(0).getClass().getSimpleName());
				}
			}
			finally {
				vaadinSession.unlock();
			}
		}
		return new Count(all.size(), vaadin, uis,
				views.stream().collect(Collectors.groupingBy(v -> v, LinkedHashMap::new, Collectors.counting())));
	}

	private static VaadinSession vaadinSession(Session session) {
		var http = session.getSession();
		for (String name : Collections.list(http.getAttributeNames())) {
			if (http.getAttribute(name) instanceof VaadinSession vaadinSession) {
				return vaadinSession;
			}
		}
		return null;
	}

	private void serializedSize() {
		for (Session session : tomcatSessions()) {
			VaadinSession vaadinSession = vaadinSession(session);
			if (vaadinSession == null) {
				continue;
			}
			vaadinSession.lock();
			CountingStream counter = new CountingStream();
			try (ObjectOutputStream out = new ObjectOutputStream(counter)) {
				out.writeObject(vaadinSession);
				out.flush();
				System.out.printf("UI-SESSION-BENCH one VaadinSession with %d UIs serializes to %d KB%n",
						vaadinSession.getUIs().size(), counter.count / 1000);
			}
			catch (IOException | RuntimeException e) {
				System.out.println("UI-SESSION-BENCH a VaadinSession does not serialize: " + e);
			}
			finally {
				vaadinSession.unlock();
			}
			return;
		}
	}

	static final class CountingStream extends OutputStream {

		long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}

	}

	private List<Session> tomcatSessions() {
		Tomcat tomcat = ((TomcatWebServer) context.getWebServer()).getTomcat();
		Context webapp = (Context) tomcat.getHost().findChildren()[0];
		return List.of(webapp.getManager().findSessions());
	}

	private static long settledHeap() throws InterruptedException {
		var memory = ManagementFactory.getMemoryMXBean();
		long last = Long.MAX_VALUE;
		for (int i = 0; i < 10; i++) {
			System.gc();
			Thread.sleep(300);
			long used = memory.getHeapMemoryUsage().getUsed();
			if (Math.abs(last - used) < 256 * 1024) {
				return used;
			}
			last = used;
		}
		return last;
	}

	/** Signs in through the login form; returns the session's cookies. */
	private Map<String, String> signIn(String user) throws Exception {
		Map<String, String> cookies = new LinkedHashMap<>();
		HttpResponse<String> page = send(request("/login", cookies).GET(), cookies);
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = send(request("/login", cookies)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString(
					"username=" + user + "&password=demo&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))),
				cookies);
		assertThat(login.statusCode()).as("login of " + user).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return cookies;
	}

	/**
	 * What Flow's client does for a route: the page, then the init request that creates
	 * the UI.
	 */
	private void openUi(Map<String, String> cookies, String route) throws Exception {
		HttpResponse<String> page = send(request("/" + route, cookies).GET(), cookies);
		assertThat(page.statusCode()).as("page " + route).isEqualTo(200);
		HttpResponse<String> init = send(
				request("/?v-r=init&location=" + URLEncoder.encode(route, StandardCharsets.UTF_8) + "&query=", cookies)
					.GET(),
				cookies);
		assertThat(init.statusCode()).as("init " + route).isEqualTo(200);
		assertThat(init.body()).as("init " + route).contains("Vaadin-Security-Key");
		// the client then tells the new UI where it is (UI.BrowserNavigateEvent): the
		// view is built
		String uiId = init.body().replaceAll("(?s).*\"v-uiId\"\\s*:\\s*(\\d+).*", "$1");
		String csrf = init.body().replaceAll("(?s).*\"Vaadin-Security-Key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
		String navigate = "{\"csrfToken\":\"" + csrf + "\",\"rpc\":[{\"type\":\"event\",\"node\":1,"
				+ "\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route + "\",\"query\":\"\","
				+ "\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"\"}}],"
				+ "\"syncId\":0,\"clientId\":0}";
		HttpResponse<String> uidl = send(
				request("/?v-r=uidl&v-uiId=" + uiId, cookies).header("Content-Type", "application/json; charset=UTF-8")
					.POST(BodyPublishers.ofString(navigate)),
				cookies);
		assertThat(uidl.statusCode()).as("navigate " + route).isEqualTo(200);
		assertThat(uidl.body()).as("navigate " + route).doesNotContain("\"meta\":{\"async\":true,\"appError\"");
		if (logged++ < 2) {
			System.out.println("UI-SESSION-BENCH first navigation answer (" + uidl.body().length() + " chars): "
					+ uidl.body().substring(0, Math.min(300, uidl.body().length())));
		}
	}

	private int logged;

	private HttpRequest.Builder request(String path, Map<String, String> cookies) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (!cookies.isEmpty()) {
			builder.header("Cookie",
					cookies.entrySet()
						.stream()
						.map(c -> c.getKey() + "=" + c.getValue())
						.collect(Collectors.joining("; ")));
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> cookies) throws Exception {
		HttpResponse<String> response = http.send(request.build(), BodyHandlers.ofString());
		for (String header : response.headers().allValues("Set-Cookie")) {
			String pair = header.split(";")[0];
			int eq = pair.indexOf('=');
			cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return response;
	}

}
