package io.scalegate.dashboard;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import io.scalegate.KaribuTest;
import io.scalegate.product.Product;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import io.scalegate.task.TaskVerdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard's figures against a known portfolio: four products of one customer taken
 * through the real lifecycle with a clock the test moves (ScaleGate's and the engine's),
 * so every count, median and 90th percentile is known, and every number links to its
 * products. Its own context and database, so the clock moves nobody else's time.
 */
@Import(DashboardViewTest.MovableClock.Configuration.class)
@TestPropertySource(properties = { "camunda.bpm.process-engine-name=dashboardtest", "camunda.bpm.webapp.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:dashboardtest;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000" })
class DashboardViewTest extends KaribuTest {

	/** A Monday: the cumulative flow's weeks start on Mondays. */
	static final Instant T0 = Instant.parse("2030-01-07T00:00:00Z");

	@Autowired
	MovableClock clock;

	@Autowired
	ProductService products;

	@Autowired
	TaskCompletion completion;

	@Autowired
	TaskService tasks;

	@Autowired
	IdentityService identity;

	@AfterEach
	void engineTimeFlowsAgain() {
		ClockUtil.reset();
	}

	@Test
	void everyFigureOfAKnownPortfolioIsCountedAndLinksToItsProducts() {
		String customer = "Dashboard Co " + UUID.randomUUID().toString().substring(0, 6);
		at(T0);
		Product p1 = register("D1", customer);
		Product p2 = register("D2", customer);
		Product p3 = register("D3", customer);
		Product p4 = register("D4", customer);
		at(day(2));
		sign(p2, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "RECYCLE"));
		at(day(4));
		sign(p1, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		at(day(5));
		sign(p1, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		sign(p1, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
				MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		sign(p1, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		at(day(6));
		sign(p3, PROTOTYPE_REVIEW, "engineer",
				Map.of(PROTOTYPE_DECISION.name(), "KILL", "prototypeComment", "The customer dropped it."));
		Map<String, Object> kill = new HashMap<>();
		kill.put(GATE_DECISION.name(), "KILL");
		kill.put(OVERRIDE_REASON.name(), "No business case any more.");
		sign(p1, GATE_REVIEW, "gatekeeper", kill);
		at(day(8));
		sign(p2, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		at(day(12));

		login("auditor", "AUDITOR");
		go("dashboard?months=3&customer=" + customer.replace(" ", "%20"));
		assertThat(_get(SideNav.class, spec -> spec.withId("navigation")).getItems()).extracting(SideNavItem::getLabel)
			.contains("Dashboard");
		assertThat(_get(Select.class, spec -> spec.withId("period")).getValue()).isEqualTo(3);

		// products per stage now, each a link to the products list with that filter
		assertThat(text("stage-now-PROTOTYPE")).startsWith("1");
		assertThat(text("stage-now-SMALL_BATCH")).startsWith("1");
		assertThat(text("stage-now-CANCELLED")).startsWith("2");
		assertThat(text("stage-now-MASS_PRODUCTION")).startsWith("0");
		assertThat(href("stage-now-CANCELLED")).startsWith("?stage=CANCELLED&customer=");

		// the cumulative flow: at T0 + 7 days two are cancelled and two still prototypes
		int weekOne = weekIndex(T0.plus(Duration.ofDays(7)));
		assertThat(text("flow-" + weekOne + "-PROTOTYPE")).isEqualTo("2");
		assertThat(text("flow-" + weekOne + "-CANCELLED")).isEqualTo("2");
		assertThat(text("flow-" + weekOne + "-SMALL_BATCH")).isEqualTo("0");
		assertThat(
				_get(com.vaadin.flow.component.Svg.class, spec -> spec.withId("cumulative-flow-chart-box")).getElement()
					.getProperty("innerHTML", ""))
			.contains("<title", "<desc", "Prototype: 0 on");
		assertThat(drillDown("flow-" + weekOne + "-PROTOTYPE")).containsExactly(p2.partNumber(), p4.partNumber());

		// time in stage: prototype stays of 4, 8 and 6 days, a small-batch stay of 2
		navigate();
		assertThat(row("stage-times", 0)).containsExactly("Prototype", "6 d", "8 d", "3", "3");
		assertThat(row("stage-times", 1)).containsExactly("Small batch", "2 d", "2 d", "1", "1");
		// time at gate: Gate 1 decided after 2, 4, 6 and 6 days, Gate 2 after 1 day
		assertThat(row("gate-times", 0)).containsExactly("Gate 1 (prototype)", "4 d", "6 d", "4", "3");
		assertThat(row("gate-times", 1)).containsExactly("Gate 2 (mass production)", "1 d", "1 d", "1", "1");
		assertThat(drillDown("gate-times-prototypereview-products")).containsExactly(p1.partNumber(), p2.partNumber(),
				p3.partNumber());

		// gate outcomes per round
		navigate();
		assertThat(text("outcome-prototypeReview-1-GO")).isEqualTo("1");
		assertThat(text("outcome-prototypeReview-1-RECYCLE")).isEqualTo("1");
		assertThat(text("outcome-prototypeReview-1-KILL")).isEqualTo("1");
		assertThat(text("outcome-prototypeReview-1-all")).isEqualTo("3");
		assertThat(text("outcome-prototypeReview-2-GO")).isEqualTo("1");
		assertThat(text("outcome-prototypeReview-2-KILL")).isEqualTo("0");
		assertThat(text("outcome-gateReview-1-KILL")).isEqualTo("1");
		assertThat(text("outcome-gateReview-1-GO_MASS_PRODUCTION")).isEqualTo("0");
		assertThat(drillDown("outcome-prototypeReview-2-GO")).containsExactly(p2.partNumber());
		assertThat(_get(H2.class, spec -> spec.withText("Gate 1 (prototype), round 2: Go"))).isNotNull();

		// where work waits: P4's Gate 1 for 12 days (overdue), P2's three sign-offs for 4
		navigate();
		assertThat(text("waiting-review-prototype-gate-1-10+")).isEqualTo("1");
		assertThat(text("waiting-review-prototype-gate-1-0-2")).isEqualTo("0");
		assertThat(text("waiting-sign-off-design-freeze-2-5")).isEqualTo("1");
		assertThat(text("waiting-approve-inspection-standard-material-and-finish-2-5")).isEqualTo("1");
		assertThat(text("waiting-qualify-supplier-from-small-batch-evidence-2-5")).isEqualTo("1");
		assertThat(text("overdue-ENGINEER")).isEqualTo("1");
		assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._find(Component.class,
				spec -> spec.withId("overdue-QUALITY")))
			.isEmpty();
		assertThat(drillDown("overdue-ENGINEER")).containsExactly(p4.partNumber());
		navigate();
		assertThat(drillDown("waiting-sign-off-design-freeze-all")).containsExactly(p2.partNumber());
	}

	private void navigate() {
		go("dashboard?months=3&customer=" + customerOfPage());
	}

	private String customer;

	private String customerOfPage() {
		return customer;
	}

	/** Navigates to a link's address, with its query. */
	private static void go(String href) {
		int query = href.indexOf('?');
		if (query < 0) {
			UI.getCurrent().navigate(href);
		}
		else {
			UI.getCurrent()
				.navigate(href.substring(0, query),
						com.vaadin.flow.router.QueryParameters.fromString(href.substring(query + 1)));
		}
	}

	/** The index of the flow's point at {@code at} (a Monday of the period). */
	private int weekIndex(Instant at) {
		Instant now = clock.instant();
		Instant from = now.atZone(ZoneOffset.UTC).toLocalDate().minusMonths(3).atStartOfDay(ZoneOffset.UTC).toInstant();
		return Portfolio.weekPoints(from, now).indexOf(at);
	}

	/** Follows the link of a number and returns the part numbers the drill-down lists. */
	@SuppressWarnings("unchecked")
	private List<String> drillDown(String id) {
		String href = href(id);
		assertThat(href).startsWith("dashboard/products?");
		go(href);
		Grid<Product> grid = _get(Grid.class, spec -> spec.withId("figure-products"));
		return GridKt._findAll(grid).stream().map(Product::partNumber).toList();
	}

	private static String text(String id) {
		return _get(Component.class, spec -> spec.withId(id)).getElement().getTextRecursively();
	}

	private static String href(String id) {
		return _get(Anchor.class, spec -> spec.withId(id)).getHref();
	}

	private static List<String> row(String tableId, int index) {
		com.vaadin.flow.component.html.NativeTable table = _get(com.vaadin.flow.component.html.NativeTable.class,
				spec -> spec.withId(tableId));
		return table.getBody()
			.getRow(index)
			.orElseThrow()
			.getAllCells()
			.stream()
			.map(cell -> cell.getElement().getTextRecursively())
			.toList();
	}

	private Product register(String prefix, String customer) {
		this.customer = customer.replace(" ", "%20");
		String partNumber = prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		identity.setAuthentication("engineer", List.of("ENGINEER"));
		try {
			return products.register(
					new ProductRegistration(partNumber, "Dashboard part", customer, "A", "engineer", false, false),
					"engineer");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	private void sign(Product product, String taskKey, String user, Map<String, Object> values) {
		String taskId = tasks.createTaskQuery()
			.processInstanceBusinessKey(product.partNumber())
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		completion.complete(taskId, user, "demo", TaskVerdict.meaningOf(taskKey, values, SignatureMeaning.REVIEWED),
				values);
	}

	private static Instant day(int days) {
		return T0.plus(Duration.ofDays(days));
	}

	/** Moves ScaleGate's clock and the engine's to {@code instant}. */
	private void at(Instant instant) {
		clock.set(instant);
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	/** A clock the test moves; before it does, the real time. */
	static class MovableClock extends Clock {

		private volatile Instant now;

		void set(Instant instant) {
			now = instant;
		}

		@Override
		public Instant instant() {
			return now == null ? Instant.now() : now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@TestConfiguration(proxyBeanMethods = false)
		static class Configuration {

			@Bean
			@Primary
			MovableClock movableClock() {
				return new MovableClock();
			}

		}

	}

}
