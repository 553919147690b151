package io.scalegate.model.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import io.scalegate.model.cases.CaseInChange.Edit;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.model.change.ModelChange.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decision test cases judge changes to the gate rules, so they change only as part of a
 * model change of their DMN file, by its author, under the same four eyes: the check of
 * the change (which its approver reads) lists each case change. The edits are pending
 * parts of the change: only its own check runs them, its approval makes them live with
 * its deployment, a rejection or withdrawal drops them. Tried here: another process
 * owner, a change that is decided, a change of another file, and the REST API.
 */
@ScaleGateTest
class DecisionCaseGovernanceTest {

	static final String GATE_DMN = "bpmn/mass-production-gate.dmn";

	static final String INPUTS = "{\"demandMonths\": 9, \"demandCv\": 0.3}";

	static final String EXPECTED = "{\"demandStability\": \"MODERATE\"}";

	/** A case that no rule change of the other tests makes fail (for cases made live). */
	static final String FEW_MONTHS = "{\"demandMonths\": 5, \"demandCv\": 0.3}";

	static final String INSUFFICIENT = "{\"demandStability\": \"INSUFFICIENT_DATA\"}";

	@Autowired
	ModelChanges changes;

	@Autowired
	DecisionCases cases;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	io.scalegate.gate.ReadinessReevaluation reevaluation;

	@LocalServerPort
	int port;

	private final List<String> approvedNames = new java.util.ArrayList<>();

	/**
	 * A deployment here judges the stored verdicts again in the background: the next test
	 * finds them judged by the deployed rules.
	 */
	@AfterEach
	void awaitTheReevaluation() {
		io.scalegate.gate.Reevaluations.awaitIdle(reevaluation);
	}

	private List<String> names() {
		return cases.of(Set.of("demandStability")).stream().map(DecisionCase::name).toList();
	}

	@Test
	void anotherOwnerCannotChangeTheCasesThroughSomeoneElsesChange() {
		ModelChange change = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		DecisionCase existing = cases.of(Set.of("demandStability")).get(0);

		assertThatThrownBy(() -> changes.saveCase(change.id(), null, "demandStability", "owner2 sneaks a case in",
				INPUTS, EXPECTED, "owner2"))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.problems().get(0).field()).isEqualTo("author"));
		assertThatThrownBy(() -> changes.removeCase(change.id(), existing.id(), "owner2"))
			.isInstanceOf(InvalidInput.class);
		assertThat(names()).doesNotContain("owner2 sneaks a case in").contains(existing.name());
	}

	@Test
	void aCaseOfADecisionOutsideTheChangedFileIsRefused() {
		ModelChange change = changes.open(changes.latest().getId(), "bpmn/customer-feedback.dmn", "owner");
		assertThatThrownBy(
				() -> changes.saveCase(change.id(), null, "demandStability", "wrong file", INPUTS, EXPECTED, "owner"))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.problems().get(0).field()).isEqualTo("decisionKey"));
		ModelChange lifecycle = changes.open(changes.latest().getId(), "bpmn/product-lifecycle.bpmn", "owner");
		assertThatThrownBy(() -> changes.saveCase(lifecycle.id(), null, "demandStability", "no decisions", INPUTS,
				EXPECTED, "owner"))
			.isInstanceOf(InvalidInput.class);
		assertThat(names()).doesNotContain("wrong file", "no decisions");
	}

	@Test
	void aRejectedChangeNoLongerChangesCases() {
		ModelChange change = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.reject(change.id(), "owner", "not needed");
		assertThatThrownBy(() -> changes.saveCase(change.id(), null, "demandStability", "after the rejection", INPUTS,
				EXPECTED, "owner"))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.problems().get(0).field()).isEqualTo("status"));
		assertThat(names()).doesNotContain("after the rejection");
	}

	@Test
	void aCaseChangedInAChangeIsInItsCheckAndSendsASubmittedChangeBackToDraft() {
		ModelChange change = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.save(change.id(), HarmlessChanges.reviewed(change.content()), "owner");
		changes.submit(change.id(), "owner");

		DecisionCase added = changes.saveCase(change.id(), null, "demandStability", "CV 0.30 over nine months", INPUTS,
				EXPECTED, "owner");

		assertThat(changes.get(change.id()).status()).as("to be checked and approved again with the case")
			.isEqualTo(Status.DRAFT);
		assertThat(changes.check(change.id()).summary()).anySatisfy(line -> assertThat(line)
			.contains("decision test case \"CV 0.30 over nine months\" of demandStability added by owner in change #"
					+ change.id()));
		ModelChange submitted = changes.submit(change.id(), "owner");
		assertThat(submitted.summary()).as("what the approver reads").contains("CV 0.30 over nine months");

		// pending in this change: no other change, and no other check, sees it
		assertThat(names()).doesNotContain("CV 0.30 over nine months");
		ModelChange other = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		assertThat(changes.check(other.id()).summary()).noneSatisfy(line -> assertThat(line).contains("nine months"));
		assertThat(changes.check(other.id()).cases().cases()).extracting(result -> result.testCase().name())
			.doesNotContain("CV 0.30 over nine months");
		assertThatThrownBy(() -> changes.removeCase(other.id(), added.id(), "owner"))
			.as("a case another change adds is not this change's")
			.isInstanceOf(InvalidInput.class);
	}

	@Test
	void aCaseWeakenedInARejectedChangeStaysAsItWas() {
		List<DecisionCase> before = cases.of(Set.of("demandStability"));
		ModelChange change = weakened();
		changes.submit(change.id(), "owner");

		changes.reject(change.id(), "owner2", "the cases must stay");

		assertThat(cases.of(Set.of("demandStability"))).isEqualTo(before);
		assertThat(pendingEdits(change)).isZero();
	}

	@Test
	void aCaseWeakenedInAWithdrawnChangeStaysAsItWas() {
		List<DecisionCase> before = cases.of(Set.of("demandStability"));
		ModelChange change = weakened();

		changes.reject(change.id(), "owner", "withdrawn by its author");

		assertThat(cases.of(Set.of("demandStability"))).isEqualTo(before);
		assertThat(pendingEdits(change)).isZero();
	}

	/**
	 * A change that removes one seeded case of demandStability and loosens another (its
	 * check passes): pending, so the live cases are still the seeded ones.
	 */
	private ModelChange weakened() {
		List<DecisionCase> before = cases.of(Set.of("demandStability"));
		DecisionCase moderate = named(before, "CV 0.28 is moderate, not stable");
		DecisionCase volatile_ = named(before, "CV 0.51 is volatile");
		ModelChange change = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.removeCase(change.id(), volatile_.id(), "owner");
		changes.saveCase(change.id(), moderate.id(), moderate.decisionKey(), moderate.name(),
				"{\"demandMonths\": 12, \"demandCv\": 0.3}", moderate.expected(), "owner");

		assertThat(cases.of(Set.of("demandStability"))).as("pending, not live").isEqualTo(before);
		assertThat(cases.inChange(change.id(), Set.of("demandStability")))
			.filteredOn(testCase -> testCase.edit() != Edit.NONE)
			.extracting(testCase -> testCase.testCase().name() + ": " + testCase.edit().words())
			.containsExactlyInAnyOrder("CV 0.28 is moderate, not stable: in this change: changed",
					"CV 0.51 is volatile: in this change: removed");
		ChangeCheck check = changes.check(change.id());
		assertThat(check.cases().cases()).extracting(result -> result.testCase().name())
			.as("the change's check runs its edits")
			.doesNotContain("CV 0.51 is volatile");
		assertThat(check.summary()).anySatisfy(line -> assertThat(line)
			.startsWith("decision test case \"CV 0.51 is volatile\" of demandStability removed by owner in change #"));
		return change;
	}

	@Test
	void theApprovalMakesTheEditsLiveWithTheDeployment() {
		String name = approvedName();
		ModelChange adding = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		DecisionCase pending = changes.saveCase(adding.id(), null, "demandStability", name, FEW_MONTHS, INSUFFICIENT,
				"owner");
		assertThat(pending.id()).as("listed by its pending edit").isNegative();
		ModelChange deployed = approved(adding);

		assertThat(deployed.deploymentId()).isEqualTo(changes.latest().getId());
		DecisionCase live = named(cases.of(Set.of("demandStability")), name);
		assertThat(live.createdBy()).isEqualTo("owner");
		assertThat(pendingEdits(adding)).isZero();

		ModelChange changing = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.saveCase(changing.id(), live.id(), "demandStability", name, "{\"demandMonths\": 4, \"demandCv\": 0.3}",
				INSUFFICIENT, "owner");
		assertThat(named(cases.of(Set.of("demandStability")), name).inputs()).as("pending").isEqualTo(live.inputs());
		approved(changing);
		assertThat(named(cases.of(Set.of("demandStability")), name).inputs())
			.isEqualTo("{\"demandMonths\":4,\"demandCv\":0.3}");
	}

	@Test
	void twoChangesAddingACaseOfTheSameNameTheSecondApprovedIsAConflictNamingIt() {
		String name = approvedName();
		ModelChange first = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		ModelChange second = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.saveCase(first.id(), null, "demandStability", name, FEW_MONTHS, INSUFFICIENT, "owner");
		changes.saveCase(second.id(), null, "demandStability", name, FEW_MONTHS, INSUFFICIENT, "owner");
		approved(first);
		String latest = changes.latest().getId();
		ModelChange submitted = changes.submit(second.id(), "owner");

		assertThatThrownBy(() -> changes.approve(second.id(), Sha256.hex(submitted.content()), "owner2", "demo",
				"Approved for deployment"))
			.isInstanceOfSatisfying(Conflict.class, conflict -> {
				assertThat(conflict.problems().get(0).field()).isEqualTo("cases");
				assertThat(conflict.reason()).contains("\"" + name + "\"", "change #" + second.id());
			});
		assertThat(changes.latest().getId()).as("nothing deployed").isEqualTo(latest);
		assertThat(changes.get(second.id()).status()).isEqualTo(Status.SUBMITTED);
		assertThat(cases.of(Set.of("demandStability"))).filteredOn(testCase -> testCase.name().equals(name)).hasSize(1);
	}

	/**
	 * The cases these tests made live, removed again (straight from the table): the other
	 * tests of this shared database judge changes by the seeded cases.
	 */
	@AfterEach
	void removeTheApprovedCases() {
		approvedNames.forEach(name -> jdbc.sql("delete from decision_case where name = ?").param(name).update());
	}

	/** A unique name of a case a test here makes live (removed after the test). */
	private String approvedName() {
		String name = "Five months are too few " + UUID.randomUUID();
		approvedNames.add(name);
		return name;
	}

	/**
	 * The change, with only its case edits, submitted by owner and approved by owner2.
	 */
	private ModelChange approved(ModelChange change) {
		ModelChange submitted = changes.submit(change.id(), "owner");
		return changes.approve(change.id(), Sha256.hex(submitted.content()), "owner2", "demo",
				"Approved for deployment");
	}

	private long pendingEdits(ModelChange change) {
		return jdbc.sql("select count(*) from decision_case_edit where change_id = ?")
			.param(change.id())
			.query(Long.class)
			.single();
	}

	private static DecisionCase named(List<DecisionCase> list, String name) {
		return list.stream().filter(testCase -> testCase.name().equals(name)).findFirst().orElseThrow();
	}

	@ParameterizedTest
	@CsvSource({ "POST,/api/models/cases", "POST,/api/decision-cases", "PUT,/api/models/cases/1",
			"DELETE,/api/models/cases/1", "DELETE,/api/decision-cases/1" })
	void theRestApiHasNoWayToChangeCases(String method, String path) throws Exception {
		List<String> before = names();
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.method(method,
						BodyPublishers.ofString("{\"decisionKey\": \"demandStability\", \"name\": \"via REST\", "
								+ "\"inputs\": " + INPUTS + ", \"expected\": " + EXPECTED + "}"))
				.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path).isIn(401, 403, 404, 405);
		assertThat(names()).isEqualTo(before);
	}

}
