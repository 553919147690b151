package io.scalegate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * docker/grafana/scalegate-dashboard.json cannot rot silently: it parses, its panels ask
 * the data source variable, and every series its expressions select (name and label
 * values) is in a real scrape of this application.
 */
@ScaleGateTest
class GrafanaDashboardTest {

	static final File DASHBOARD = new File("docker/grafana/scalegate-dashboard.json");

	/** A selector with labels: {@code name{label="value",...}}. */
	static final Pattern SELECTOR = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}");

	static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*=\\s*\"([^\"]*)\"");

	static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

	static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "bool",
			"and", "or", "unless", "offset");

	/**
	 * Label values of series that tests cannot show: Camunda's job executor pool exists
	 * only with job execution on, which the tests turn off (docs/benchmarks.md shows it
	 * in a scrape of the packaged jar). Their metric names are still checked.
	 */
	static final Set<String> ONLY_IN_PRODUCTION = Set.of("name=\"camundaTaskExecutor\"");

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	DatabaseFigures figures;

	final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everyPanelAsksTheDataSourceVariableForSeriesTheApplicationExposes() throws Exception {
		JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD);
		JsonNode variable = dashboard.at("/templating/list/0");
		assertThat(variable.path("type").asText()).isEqualTo("datasource");
		assertThat(variable.path("query").asText()).isEqualTo("prometheus");
		String dataSource = "${" + variable.path("name").asText() + "}";

		figures.refresh();
		List<String> series = scrape().lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
		Set<String> names = new LinkedHashSet<>();
		series.forEach(line -> names.add(line.split("[{ ]", 2)[0]));

		List<String> expressions = new ArrayList<>();
		assertThat(dashboard.path("panels")).hasSizeGreaterThanOrEqualTo(10);
		for (JsonNode panel : dashboard.path("panels")) {
			assertThat(panel.at("/datasource/uid").asText()).as(panel.path("title").asText()).isEqualTo(dataSource);
			assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.at("/datasource/uid").asText()).isEqualTo(dataSource);
				expressions.add(target.path("expr").asText());
			}
		}

		for (String expression : expressions) {
			Set<String> metrics = metricNames(expression);
			assertThat(metrics).as(expression).isNotEmpty();
			assertThat(names).as("series of " + expression).containsAll(metrics);
			Matcher selector = SELECTOR.matcher(expression);
			while (selector.find()) {
				String name = selector.group(1);
				List<String> wanted = new ArrayList<>();
				Matcher label = MATCHER.matcher(selector.group(2));
				while (label.find()) {
					String matcher = label.group(1) + "=\"" + label.group(2) + "\"";
					if (!ONLY_IN_PRODUCTION.contains(matcher)) {
						wanted.add(matcher);
					}
				}
				assertThat(series).as("a series " + selector.group() + " in the scrape")
					.anyMatch(line -> line.startsWith(name + "{") && wanted.stream().allMatch(line::contains));
			}
		}
	}

	/** The metric names an expression reads: no functions, keywords, labels, ranges. */
	static Set<String> metricNames(String expression) {
		String bare = expression.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
		Set<String> metrics = new LinkedHashSet<>();
		Matcher identifier = IDENTIFIER.matcher(bare);
		while (identifier.find()) {
			String name = identifier.group();
			boolean function = bare.substring(identifier.end()).stripLeading().startsWith("(");
			if (!function && !KEYWORDS.contains(name)) {
				metrics.add(name);
			}
		}
		return metrics;
	}

	/**
	 * A scrape after at least one request was served (the request figures start then).
	 */
	String scrape() throws Exception {
		String token = tokens.issue("dashboard-" + UUID.randomUUID().toString().substring(0, 8), Role.ADMIN, "admin")
			.secret();
		get("/actuator/health", token);
		return get("/actuator/prometheus", token);
	}

	String get(String path, String token) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization", "Bearer " + token)
				.timeout(Duration.ofSeconds(60))
				.build(), BodyHandlers.ofString())
			.body();
	}

}
