package io.scalegate.model.change;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.AuditAction;
import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.base.Sha256;
import io.scalegate.model.DeployedModels;
import io.scalegate.model.ModelDiff;
import io.scalegate.model.ModelFile;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.ModelValidation;
import io.scalegate.model.cases.CaseInChange.Edit;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCaseRunner;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.model.change.GovernedDeployment.Approval;
import io.scalegate.model.change.ModelChange.Status;
import io.scalegate.model.impact.RuleChangeImpact;
import io.scalegate.security.Role;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.UserAccounts;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Governed model changes: a process owner opens a deployed model (or uploads a file from
 * Camunda Modeler), saves drafts, checks it (validation of the deployment it would make,
 * decision test cases, a summary of what changes) and submits it; a second process owner,
 * never the author, approves it with an electronic signature, and only then is it
 * deployed, together with the other models of the latest deployment, so a process finds
 * its forms and decisions in its own deployment.
 */
@Service
public class ModelChanges {

	static final String DEPLOYMENT_PREFIX = "scalegate-change-";

	private static final int LIMIT = 500;

	private final JdbcAggregateTemplate rows;

	private final JdbcClient jdbc;

	private final RepositoryService repository;

	private final ModelValidation validation;

	private final DeployedModels deployed;

	private final DecisionCaseRunner cases;

	private final SigningCredentials signing;

	private final UserAccounts accounts;

	private final ObjectMapper json;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final RuleChangeImpact impact;

	private final DecisionCases testCases;

	ModelChanges(JdbcAggregateTemplate rows, RepositoryService repository, ModelValidation validation,
			DeployedModels deployed, DecisionCaseRunner cases, SigningCredentials signing, UserAccounts accounts,
			ObjectMapper json, Clock clock, ApplicationEventPublisher events, JdbcClient jdbc, RuleChangeImpact impact,
			DecisionCases testCases) {
		this.rows = rows;
		this.testCases = testCases;
		this.impact = impact;
		this.jdbc = jdbc;
		this.repository = repository;
		this.validation = validation;
		this.deployed = deployed;
		this.cases = cases;
		this.signing = signing;
		this.accounts = accounts;
		this.json = json;
		this.clock = clock;
		this.events = events;
	}

	public ModelChange get(long id) {
		return Optional.ofNullable(rows.findById(id, ModelChange.class))
			.orElseThrow(() -> new NotFound("model change", "id", "no model change " + id));
	}

	/** The newest changes first. */
	public List<ModelChange> recent() {
		return rows.findAll(Query.empty().sort(Sort.by(Sort.Direction.DESC, "updatedAt", "id")).limit(LIMIT),
				ModelChange.class);
	}

	/** A draft of a deployed model file, as it is deployed. */
	@Transactional
	public ModelChange open(String deploymentId, String resourceName, String author) {
		String content = deployed.resource(deploymentId, resourceName)
			.orElseThrow(() -> new InvalidInput("resourceName",
					"deployment " + deploymentId + " has no file " + resourceName));
		return draft(resourceName, content, deploymentId, author);
	}

	/**
	 * A draft from a file made elsewhere (Camunda Modeler): it replaces the deployed file
	 * of the same name, or is added beside them ({@code bpmn/} or {@code forms/}).
	 */
	@Transactional
	public ModelChange upload(String fileName, byte[] bytes, String author) {
		Checks checks = new Checks();
		checks.text("file", fileName, 150);
		checks.that(bytes != null && bytes.length > 0, "file", "is empty");
		checks.throwIfAny();
		String name = fileName.strip().replaceAll("^.*[/\\\\]", "");
		String kind = ModelValidation.kind(new ModelFile(name, bytes));
		if (kind.equals("other")) {
			throw new InvalidInput("file", name + " is not a model: upload a .bpmn, .dmn or .form file");
		}
		Deployment latest = latest();
		String resourceName = latest == null ? null
				: repository.getDeploymentResourceNames(latest.getId())
					.stream()
					.filter(resource -> resource.equals(name) || resource.endsWith("/" + name))
					.findFirst()
					.orElse(null);
		if (resourceName == null) {
			resourceName = resourceName(name);
		}
		return draft(resourceName, new String(bytes, StandardCharsets.UTF_8), latest == null ? null : latest.getId(),
				author);
	}

	/**
	 * Where ScaleGate keeps a model file of this name: {@code forms/} for forms, else
	 * {@code bpmn/}.
	 */
	static String resourceName(String fileName) {
		return (fileName.endsWith(".form") ? "forms/" : "bpmn/") + fileName;
	}

	private ModelChange draft(String resourceName, String content, String baseDeploymentId, String author) {
		Instant now = clock.instant();
		ModelChange change = rows.insert(new ModelChange(null, resourceName,
				ModelValidation.kind(new ModelFile(resourceName, new byte[0])), content, baseDeploymentId, Status.DRAFT,
				author, now, now, null, null, null, null, null, null, null, null, null));
		events.publishEvent(new ModelChangeRecorded(AuditAction.MODEL_CHANGE_DRAFTED, change.id(), resourceName, author,
				baseDeploymentId == null ? "kept from a deployment that was not approved"
						: "opened from deployment " + baseDeploymentId));
		return change;
	}

	/** The author saves the editor's content; a submitted change goes back to draft. */
	@Transactional
	public ModelChange save(long id, String content, String by) {
		ModelChange change = editable(id, by);
		Checks checks = new Checks();
		checks.text("content", content, 1_000_000);
		checks.throwIfAny();
		return rows.update(change.edited(content, clock.instant()));
	}

	/**
	 * Validation, decision test cases, the summary of the change and its impact on the
	 * running products' gate verdicts ({@link RuleChangeImpact}), as it would deploy now.
	 * The cases and the impact run only on a file that validates
	 * ({@link DecisionCaseRunner}): a draft that fails validation is never evaluated.
	 */
	public ChangeCheck check(long id) {
		return check(get(id));
	}

	ChangeCheck check(ModelChange change) {
		Deployment latest = latest();
		Map<String, byte[]> files = latest == null ? new LinkedHashMap<>() : deployed.files(latest.getId());
		String current = files.containsKey(change.resourceName())
				? new String(files.get(change.resourceName()), StandardCharsets.UTF_8) : null;
		files.put(change.resourceName(), change.content().getBytes(StandardCharsets.UTF_8));
		List<ModelProblem> problems = new ArrayList<>(validation.validate(files.entrySet()
			.stream()
			.map(file -> new ModelFile(file.getKey(), file.getValue()))
			.filter(file -> !ModelValidation.kind(file).equals("other"))
			.toList()));
		if (change.baseDeploymentId() != null && latest != null && !latest.getId().equals(change.baseDeploymentId())) {
			String base = deployed.resource(change.baseDeploymentId(), change.resourceName()).orElse(null);
			if (base != null && !base.equals(current)) {
				problems.add(0,
						new ModelProblem(change.fileName(), "",
								"the deployed file changed after this change was opened (deployment " + latest.getId()
										+ "); open the deployed version and make the change again"));
			}
		}
		List<String> summary = new ArrayList<>(ModelDiff.of(change.fileName(), current, change.content(), json));
		if (change.kind().equals("dmn")) {
			summary.addAll(caseChanges(change));
		}
		return new ChangeCheck(problems,
				change.kind().equals("dmn") ? cases.run(change.fileName(), change.content(),
						testCases.toRun(change.id(), DecisionCaseRunner.decisionKeys(change.content()))) : null,
				summary, impact.of(change.fileName(), change.content()));
	}

	/**
	 * The decision test cases the change adds, changes or removes (its pending edits):
	 * they judge this change and become the live cases with it, so its reviewer and
	 * approver see them among what changes.
	 */
	private List<String> caseChanges(ModelChange change) {
		return testCases.inChange(change.id(), DecisionCaseRunner.decisionKeys(change.content()))
			.stream()
			.filter(testCase -> testCase.edit() != Edit.NONE)
			.map(testCase -> "decision test case \"" + testCase.testCase().name() + "\" of "
					+ testCase.testCase().decisionKey() + " " + testCase.edit().name().toLowerCase() + " by "
					+ change.author() + " in change #" + change.id() + ": {\"inputs\":" + testCase.testCase().inputs()
					+ ",\"expected\":" + testCase.testCase().expected() + "}")
			.toList();
	}

	/**
	 * Adds ({@code caseId} null) or changes a decision test case as part of a change:
	 * only the change's author, while it is a draft or submitted (a submitted change goes
	 * back to draft, to be checked and approved again with the case), for a decision of
	 * the changed file. The cases judge rule changes, so they change under the same four
	 * eyes as the rules: the edit is pending, run only by this change's check and listed
	 * in it, and becomes the live case only when the change is approved
	 * ({@link #approve}); a rejected or withdrawn change drops it. {@code caseId} is the
	 * id the change lists the case by ({@link DecisionCases#inChange}).
	 */
	@Transactional
	public DecisionCase saveCase(long changeId, Long caseId, String decisionKey, String name, String inputs,
			String expected, String by) {
		ModelChange change = caseEditable(changeId, by, decisionKey);
		if (caseId != null) {
			caseEditable(changeId, by, testCases.get(changeId, caseId).decisionKey());
		}
		DecisionCase saved = testCases.save(changeId, caseId, decisionKey, name, inputs, expected, by);
		backToDraft(change);
		return saved;
	}

	/** Removes a decision test case as part of a change (as {@link #saveCase}). */
	@Transactional
	public void removeCase(long changeId, long caseId, String by) {
		ModelChange change = caseEditable(changeId, by, testCases.get(changeId, caseId).decisionKey());
		testCases.remove(changeId, caseId, by);
		backToDraft(change);
	}

	private ModelChange caseEditable(long changeId, String by, String decisionKey) {
		ModelChange change = editable(changeId, by);
		if (!change.kind().equals("dmn")) {
			throw new InvalidInput("decisionKey", "change #" + changeId + " changes " + change.fileName()
					+ ", which has no decisions: change decision test cases in a change of their DMN file");
		}
		if (decisionKey == null || !DecisionCaseRunner.decisionKeys(change.content()).contains(decisionKey.strip())) {
			throw new InvalidInput("decisionKey", "decision " + decisionKey + " is not in " + change.fileName()
					+ ": change its test cases in a change of the file that holds it");
		}
		return change;
	}

	private void backToDraft(ModelChange change) {
		if (change.status() == Status.SUBMITTED) {
			rows.update(change.edited(change.content(), clock.instant()));
		}
	}

	/**
	 * The change's check, or why it fails: its problems ("content") or its failing
	 * decision cases ("cases").
	 */
	private ChangeCheck passing(ModelChange change) {
		ChangeCheck check = check(change);
		if (!check.passed()) {
			throw new InvalidInput(check.problems().isEmpty() ? "cases" : "content", check.verdict());
		}
		return check;
	}

	/**
	 * The author submits a change that passes its check; it waits for a second process
	 * owner.
	 */
	@Transactional
	public ModelChange submit(long id, String by) {
		ModelChange change = editable(id, by);
		ChangeCheck check = passing(change);
		String summary = String.join("\n", check.summary());
		ModelChange submitted = rows.update(change.submitted(summary, clock.instant()));
		events.publishEvent(new ModelChangeRecorded(AuditAction.MODEL_CHANGE_SUBMITTED, id, change.resourceName(), by,
				summary, check.impact().summary()));
		return submitted;
	}

	/**
	 * A second process owner approves a submitted change with their password (an
	 * electronic signature with its meaning) and it is deployed. The signature is on the
	 * content: {@code reviewedSha256} is the SHA-256 of the file the approver reviewed,
	 * and a change whose stored content has another hash (its author saved it again
	 * meanwhile) is refused, to be reviewed again. The author cannot approve their own
	 * change; a change that no longer passes its check (the deployed models or the cases
	 * changed meanwhile) is not deployed. The deployed change and the trail's <em>model
	 * deployed</em> entry keep the hash of what was approved.
	 */
	@Transactional
	public ModelChange approve(long id, String reviewedSha256, String approver, String password, String meaning) {
		ModelChange change = claim(get(id), Status.SUBMITTED);
		if (change.author().equals(approver)) {
			throw new InvalidInput("approver", "four eyes: " + approver + " wrote change #" + id
					+ " and cannot approve it; another process owner must");
		}
		var account = accounts.find(approver).orElseThrow(() -> new InvalidInput("approver", "no account " + approver));
		if (!account.roles().contains(Role.PROCESS_OWNER)) {
			throw new InvalidInput("approver", "only a process owner approves model changes");
		}
		Checks checks = new Checks();
		checks.text("meaning", meaning, 200);
		checks.text("reviewedSha256", reviewedSha256, 64);
		checks.throwIfAny();
		String contentSha256 = Sha256.hex(change.content());
		if (!contentSha256.equalsIgnoreCase(reviewedSha256.strip())) {
			throw new InvalidInput("reviewedSha256",
					"change #" + id + " changed since you reviewed it: review again (you reviewed SHA-256 "
							+ reviewedSha256.strip() + ", its content is now " + contentSha256 + ")");
		}
		signing.verify(approver, password);
		ChangeCheck check = passing(change);
		String summary = String.join("\n", check.summary());
		Approval approval = new Approval(id, change.author(), approver, account.fullName(), meaning.strip(), summary,
				change.resourceName(), contentSha256, check.impact().summary());
		// the change's case edits become the live cases in the deployment's transaction
		testCases.apply(id);
		Deployment deployment = GovernedDeployment.with(approval, () -> deployment(change).deploy());
		return rows.update(change.deployed(approver, account.fullName(), meaning.strip(), contentSha256,
				deployment.getId(), clock.instant()));
	}

	/**
	 * Rejects a draft or submitted change (its author withdraws it the same way): it is
	 * never deployed, and the decision test case edits made in it are dropped, so the
	 * live cases stay as they were.
	 */
	@Transactional
	public ModelChange reject(long id, String by, String reason) {
		ModelChange change = get(id);
		if (change.status() != Status.SUBMITTED && change.status() != Status.DRAFT) {
			throw new InvalidInput("status",
					"change #" + id + " is " + change.status().name().toLowerCase() + " and cannot be rejected");
		}
		change = claim(change, change.status());
		Checks checks = new Checks();
		checks.text("reason", reason, 1000);
		checks.throwIfAny();
		ModelChange rejected = rows.update(change.rejected(by, reason.strip(), clock.instant()));
		testCases.discard(id);
		events.publishEvent(new ModelChangeRecorded(AuditAction.MODEL_CHANGE_REJECTED, id, change.resourceName(), by,
				reason.strip()));
		return rejected;
	}

	/**
	 * A deployment that came another way (Camunda Modeler, Cockpit) is refused; its files
	 * are kept as draft changes of whoever sent them, in their own transaction, so the
	 * refusal does not undo them.
	 */
	@EventListener
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(UngovernedDeployment refused) {
		// no engine call here: the engine is in the middle of the refused deployment
		for (ModelFile file : refused.files()) {
			String name = file.name().replaceAll("^.*[/\\\\]", "");
			refused.drafts()
				.add(draft(resourceName(name), new String(file.content(), StandardCharsets.UTF_8), null, refused.by()));
		}
	}

	/**
	 * Claims {@code change} for this transaction while it still is {@code status} and
	 * unchanged since it was read: one guarded {@code UPDATE} that locks its row. Two
	 * approvers (or an approver and a rejecter) cannot both pass: the second waits for
	 * the first and then finds the change no longer as it read it, and is told who came
	 * first ({@link Conflict}, a 409 on the API, a message in the UI). The final write is
	 * checked again by the change's version.
	 */
	private ModelChange claim(ModelChange change, Status status) {
		if (change.status() != status) {
			throw notAnyMore(change, status);
		}
		int claimed;
		try {
			claimed = jdbc.sql(
					"update model_change set version = version where id = :id and status = :status and version = :version")
				.param("id", change.id())
				.param("status", status.name())
				.param("version", change.version())
				.update();
		}
		catch (RuntimeException lockLost) {
			if (Conflict.of(lockLost) == null) {
				throw lockLost;
			}
			claimed = 0;
		}
		if (claimed == 0) {
			throw notAnyMore(get(change.id()), status);
		}
		return change;
	}

	/** Why a change that was {@code expected} cannot be approved or rejected now. */
	private InvalidInput notAnyMore(ModelChange now, Status expected) {
		String change = "change #" + now.id();
		return switch (now.status()) {
			case DEPLOYED -> new Conflict("status", change + " is deployed: already approved by " + now.approverName()
					+ " (" + now.approver() + ") at " + now.approvedAt() + " as deployment " + now.deploymentId());
			case REJECTED -> new Conflict("status", change + " is rejected: already rejected by " + now.approver()
					+ " at " + now.updatedAt() + " (" + now.rejectionReason() + ")");
			default -> now.status() == expected
					? new Conflict("status",
							change + " was changed by " + now.author() + " at the same moment; review it again", true)
					: new InvalidInput("status", change + " is " + now.status().name().toLowerCase()
							+ "; only a submitted change can be approved");
		};
	}

	private ModelChange editable(long id, String by) {
		ModelChange change = get(id);
		if (!change.author().equals(by)) {
			throw new InvalidInput("author",
					"change #" + id + " is " + change.author() + "'s; open the model to make your own");
		}
		if (change.status() != Status.DRAFT && change.status() != Status.SUBMITTED) {
			throw new InvalidInput("status", "change #" + id + " is " + change.status().name().toLowerCase()
					+ "; open the model again to change it further");
		}
		return change;
	}

	private DeploymentBuilder deployment(ModelChange change) {
		DeploymentBuilder builder = repository.createDeployment()
			.name(DEPLOYMENT_PREFIX + change.id())
			.source("scalegate-change");
		Deployment latest = latest();
		if (latest != null) {
			deployed.files(latest.getId()).forEach((name, bytes) -> {
				if (!name.equals(change.resourceName())) {
					builder.addInputStream(name, new ByteArrayInputStream(bytes));
				}
			});
		}
		return builder.addInputStream(change.resourceName(),
				new ByteArrayInputStream(change.content().getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The newest deployment of the shipped models or of an approved change: what runs
	 * now.
	 */
	public Deployment latest() {
		return repository.createDeploymentQuery()
			.deploymentNameLike("scalegate-%")
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.stream()
			.findFirst()
			.orElse(null);
	}

}
