package io.scalegate.security;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What an administrator can and cannot do to a product's lifecycle through Camunda's
 * webapps and their API (session and XSRF token, as Cockpit sends them): no task is
 * completed without a ScaleGate signature, no contract variable, flow or instance is
 * changed, every refusal is in the trail; reading and job retries still work; Tasklist is
 * gone.
 */
@ScaleGateTest
class CamundaWebappChangesTest {

	static final String ENGINE_API = "/camunda/api/engine/engine/default";

	@LocalServerPort
	int port;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	ProductService products;

	@Autowired
	AuditSearch audit;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Test
	void anAdminCompletesNoLifecycleTaskThroughTheWebapps() throws Exception {
		Product product = lifecycles.aProductReadyForGate2(false);
		AdminSession admin = adminSession();

		refusedCompletion(admin, product, PROTOTYPE_REVIEW, "{\"prototypeDecision\":{\"value\":\"GO\"}}",
				PROTOTYPE_DECISION.name());
		assertThat(products.get(product.partNumber()).stage()).isEqualTo(Stage.PROTOTYPE);
		lifecycles.sign(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));

		refusedCompletion(admin, product, DESIGN_FREEZE_SIGN_OFF,
				"{\"designFrozen\":{\"value\":true,\"type\":\"Boolean\"}}", DESIGN_FROZEN.name());
		lifecycles.sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		refusedCompletion(admin, product, INSPECTION_STANDARD_APPROVAL,
				"{\"inspectionStandardApproved\":{\"value\":true,\"type\":\"Boolean\"}}",
				INSPECTION_STANDARD_APPROVED.name());
		lifecycles.sign(product, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(),
				true, MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		refusedCompletion(admin, product, SUPPLIER_QUALIFICATION,
				"{\"supplierApproved\":{\"value\":true,\"type\":\"Boolean\"}}", SUPPLIER_APPROVED.name());
		lifecycles.sign(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));

		refusedCompletion(admin, product, GATE_REVIEW, "{\"gateDecision\":{\"value\":\"GO_MASS_PRODUCTION\"}}",
				GATE_DECISION.name());
		assertThat(products.get(product.partNumber()).stage()).isEqualTo(Stage.SMALL_BATCH);
		assertThat(audit.count(new AuditQuery(null, Set.of(AuditAction.GATE_DECIDED), AuditSubject.PRODUCT,
				product.partNumber(), null, null, null)))
			.isZero();
	}

	private void refusedCompletion(AdminSession admin, Product product, String taskKey, String variables,
			String variable) throws Exception {
		Task task = lifecycles.task(product, taskKey);
		String instance = task.getProcessInstanceId();
		Object before = runtime.getVariable(instance, variable);

		HttpResponse<String> complete = admin.send("POST", ENGINE_API + "/task/" + task.getId() + "/complete",
				"{\"variables\":" + variables + "}");
		HttpResponse<String> submit = admin.send("POST", ENGINE_API + "/task/" + task.getId() + "/submit-form",
				"{\"variables\":" + variables + "}");

		assertThat(complete.statusCode()).as("completing " + taskKey + ": " + complete.body()).isEqualTo(403);
		assertThat(submit.statusCode()).as("submitting the form of " + taskKey + ": " + submit.body()).isEqualTo(403);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as(taskKey + " still open").isOne();
		assertThat(runtime.getVariable(instance, variable)).as(variable + " unchanged").isEqualTo(before);
		assertThat(audit.page(new AuditQuery("admin", Set.of(AuditAction.COMPLETION_REFUSED), AuditSubject.TASK,
				task.getId(), null, null, null), 0, 5))
			.as("the refused completions of " + taskKey + " are in the trail")
			.hasSize(2)
			.allSatisfy(entry -> assertThat(entry.details()).contains(product.partNumber()));
	}

	@Test
	void anAdminChangesNoContractVariableThroughTheWebapps() throws Exception {
		Product product = lifecycles.aProduct(false);
		lifecycles.sign(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		String instance = lifecycles.instance(product).getId();
		AdminSession admin = adminSession();

		HttpResponse<String> put = admin.send("PUT",
				ENGINE_API + "/process-instance/" + instance + "/variables/designFrozen",
				"{\"value\":true,\"type\":\"Boolean\"}");

		assertThat(put.statusCode()).as(put.body()).isEqualTo(403);
		assertThat(runtime.getVariable(instance, DESIGN_FROZEN.name())).as("unchanged: false since small batch began")
			.isEqualTo(false);
		assertThat(audit.page(new AuditQuery("admin", Set.of(AuditAction.CHANGE_REFUSED), AuditSubject.PRODUCT,
				product.partNumber(), null, null, null), 0, 5))
			.as("the refused write is in the trail")
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("designFrozen"));
	}

	/**
	 * Every other way the engine API offers to change a running lifecycle: variables of
	 * the instance or a task, the flow (modification, messages, signals), its existence
	 * (cancellation, suspension) and the task's people.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|',
			textBlock = """
							POST   | /process-instance/{instance}/variables                  | {"modifications":{"supplierApproved":{"value":true}}}
							DELETE | /process-instance/{instance}/variables/stage            |
							PUT    | /execution/{instance}/localVariables/designFrozen       | {"value":true,"type":"Boolean"}
							PUT    | /task/{task}/variables/designFrozen                     | {"value":true,"type":"Boolean"}
							PUT    | /task/{task}/localVariables/designFrozen                | {"value":true,"type":"Boolean"}
							POST   | /task/{task}/variables                                  | {"modifications":{"designFrozen":{"value":true}}}
							POST   | /task/{task}/resolve                                    | {"variables":{"designFrozen":{"value":true}}}
							POST   | /task/{task}/bpmnError                                  | {"errorCode":"x"}
							POST   | /task/{task}/assignee                                   | {"userId":"quality"}
							POST   | /task/{task}/claim                                      | {"userId":"admin"}
							POST   | /task/{task}/delegate                                   | {"userId":"quality"}
							POST   | /task/{task}/identity-links                             | {"groupId":"QUALITY","type":"candidate"}
							PUT    | /task/{task}                                            | {"name":"renamed","priority":1}
							POST   | /process-instance/{instance}/modification               | {"instructions":[{"type":"cancel","activityId":"designFreezeSignOff"}]}
							POST   | /message                                                | {"messageName":"newEvidence","businessKey":"{partNumber}","processVariables":{"designFrozen":{"value":true}}}
							POST   | /signal                                                 | {"name":"anything","variables":{"designFrozen":{"value":true}}}
							POST   | /process-instance/delete                                | {"processInstanceIds":["{instance}"]}
							DELETE | /process-instance/{instance}                            |
							PUT    | /process-instance/{instance}/suspended                  | {"suspended":true}
							POST   | /process-definition/key/productLifecycle/start          | {"businessKey":"X-1","variables":{"designFrozen":{"value":true}}}
							POST   | /process-instance/variables-async                       | {"processInstanceIds":["{instance}"],"variables":{"designFrozen":{"value":true}}}
					POST   | /job/{job}/execute                                      |
					PUT    | /job/{job}/duedate                                      | {"duedate":"2020-01-01T00:00:00.000+0000"}
					DELETE | /job/{job}                                              |
					PUT    | /job/{job}/retries                                      | {"retries":3,"dueDate":"2020-01-01T00:00:00.000+0000"}
					PUT    | /job/{job}/retries                                      | {"retries":0}
					POST   | /job/retries                                            | {"jobIds":["{job}"],"retries":3,"dueDate":"2020-01-01T00:00:00.000+0000"}
					POST   | /process-instance/job-retries                           | {"processInstances":["{instance}"],"retries":3,"dueDate":"2020-01-01T00:00:00.000+0000"}
					POST   | /history/process-instance/delete                        | {"historicProcessInstanceIds":["{instance}"]}
							""")
	void noOtherChangeToALifecycleGetsThroughTheWebapps(String method, String path, String body) throws Exception {
		Product product = lifecycles.aProduct(false);
		lifecycles.sign(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		String instance = lifecycles.instance(product).getId();
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		Job timer = management.createJobQuery()
			.processInstanceId(instance)
			.activityId("timer_" + DESIGN_FREEZE_SIGN_OFF + "Overdue")
			.singleResult();
		Map<String, Object> variables = runtime.getVariables(instance);
		List<String> waitingAt = runtime.getActiveActivityIds(instance);
		long refusals = refusals();
		long batches = management.createBatchQuery().count();
		AdminSession admin = adminSession();
		String resolved = path.replace("{instance}", instance)
			.replace("{task}", task.getId())
			.replace("{job}", timer.getId());
		String json = body == null ? null
				: body.replace("{instance}", instance)
					.replace("{partNumber}", product.partNumber())
					.replace("{job}", timer.getId());

		HttpResponse<String> response = admin.send(method, ENGINE_API + resolved, json);

		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(runtime.getVariables(instance)).isEqualTo(variables);
		assertThat(runtime.getActiveActivityIds(instance)).containsExactlyInAnyOrderElementsOf(waitingAt);
		assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).active().count()).isOne();
		Task after = tasks.createTaskQuery().taskId(task.getId()).singleResult();
		assertThat(after.getAssignee()).isNull();
		assertThat(after.getName()).isEqualTo(task.getName());
		assertThat(tasks.getVariablesLocal(task.getId())).isEmpty();
		assertThat(tasks.getIdentityLinksForTask(task.getId())).extracting(link -> link.getGroupId())
			.containsExactly("ENGINEER");
		Job timerAfter = management.createJobQuery().jobId(timer.getId()).singleResult();
		assertThat(timerAfter).as("the escalation timer is still there").isNotNull();
		assertThat(timerAfter.getDuedate()).isEqualTo(timer.getDuedate());
		assertThat(timerAfter.getRetries()).isEqualTo(timer.getRetries());
		assertThat(tasks.getTaskComments(task.getId())).isEmpty();
		assertThat(management.createBatchQuery().count()).as("no batch was started").isEqualTo(batches);
		assertThat(refusals()).as("the refusal is in the trail").isEqualTo(refusals + 1);
	}

	private long refusals() {
		return audit.count(new AuditQuery("admin", Set.of(AuditAction.CHANGE_REFUSED, AuditAction.COMPLETION_REFUSED),
				null, null, null, null, null));
	}

	@Test
	void anAdminStillReadsAndRetriesJobs() throws Exception {
		Product product = lifecycles.aProduct(false);
		String instance = lifecycles.instance(product).getId();
		AdminSession admin = adminSession();

		assertThat(admin.send("GET", ENGINE_API + "/process-instance/" + instance + "/variables", null).statusCode())
			.isEqualTo(200);
		assertThat(admin.send("GET", ENGINE_API + "/incident?processInstanceId=" + instance + "&maxResults=10", null)
			.statusCode()).isEqualTo(200);
		assertThat(admin.send("GET", ENGINE_API + "/task?processInstanceId=" + instance + "&maxResults=10", null)
			.statusCode()).isEqualTo(200);
		Job timer = management.createJobQuery().processInstanceId(instance).singleResult();
		HttpResponse<String> retries = admin.send("PUT", ENGINE_API + "/job/" + timer.getId() + "/retries",
				"{\"retries\":5}");
		assertThat(retries.statusCode()).as(retries.body()).isEqualTo(204);
		assertThat(management.createJobQuery().jobId(timer.getId()).singleResult().getRetries()).isEqualTo(5);
	}

	@Test
	void tasklistIsGone() throws Exception {
		AdminSession admin = adminSession();
		assertThat(admin.send("GET", "/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(404);
		assertThat(admin.send("GET", "/camunda/app/tasklist/", null).statusCode()).isEqualTo(404);
		assertThat(admin.send("GET", "/camunda/api/tasklist/plugin/tasklist-plugins/static/app/plugin.js", null)
			.statusCode()).isEqualTo(404);
		HttpResponse<String> whoAmI = admin.send("GET", "/camunda/api/admin/auth/user/default", null);
		assertThat(whoAmI.body()).contains("cockpit").doesNotContain("tasklist");
		assertThat(admin.send("GET", "/camunda/app/cockpit/default/", null).statusCode()).isEqualTo(200);
	}

	/** An admin logged in through the login form, with the webapps' XSRF token. */
	AdminSession adminSession() throws Exception {
		HttpResponse<String> page = http.send(request("/login").GET().build(), BodyHandlers.ofString());
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> login = http.send(request("/login").header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=admin&password=demo&_csrf=" + csrf))
			.build(), BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		String session = login.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
		HttpResponse<String> cockpit = http.send(
				request("/camunda/app/cockpit/default/").header("Cookie", session).GET().build(),
				BodyHandlers.ofString());
		assertThat(cockpit.statusCode()).isEqualTo(200);
		String token = cockpit.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
		return new AdminSession(session + "; XSRF-TOKEN=" + token, token);
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	/** Requests as Cockpit sends them: the session cookie and the XSRF header. */
	class AdminSession {

		final String cookies;

		final String token;

		AdminSession(String cookies, String token) {
			this.cookies = cookies;
			this.token = token;
		}

		HttpResponse<String> send(String method, String path, String json) throws Exception {
			HttpRequest.Builder builder = request(path).header("Cookie", cookies)
				.header("X-XSRF-TOKEN", token)
				.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
			if (json != null) {
				builder.header("Content-Type", "application/json");
			}
			return http.send(builder.build(), BodyHandlers.ofString());
		}

	}

}
