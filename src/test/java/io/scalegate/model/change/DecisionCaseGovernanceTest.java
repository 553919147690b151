package io.scalegate.model.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Decision test cases judge changes to the gate rules, so they change only as part of a
 * model change of their DMN file, by its author, under the same four eyes: the check of
 * the change (which its approver reads) lists each case change. Tried here: another
 * process owner, a change that is decided, a change of another file, and the REST API.
 */
@ScaleGateTest
class DecisionCaseGovernanceTest {

	static final String GATE_DMN = "bpmn/mass-production-gate.dmn";

	static final String INPUTS = "{\"demandMonths\": 9, \"demandCv\": 0.3}";

	static final String EXPECTED = "{\"demandStability\": \"MODERATE\"}";

	@Autowired
	ModelChanges changes;

	@Autowired
	DecisionCases cases;

	@LocalServerPort
	int port;

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

		// another change of the same decisions opened before sees it too
		changes.removeCase(changes.open(changes.latest().getId(), GATE_DMN, "owner").id(), added.id(), "owner");
		assertThat(changes.check(change.id()).summary())
			.anySatisfy(line -> assertThat(line).contains("\"CV 0.30 over nine months\" of demandStability removed"));
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
