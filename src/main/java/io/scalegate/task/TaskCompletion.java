package io.scalegate.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.security.ScaleGateStep;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a task with an electronic signature, all or nothing: the password is checked
 * again, the signature (printed name, time, meaning, hash of the values) is stored and
 * the task completed in one transaction. A wrong password signs nothing and completes
 * nothing; a task someone else completed meanwhile is reported, not overwritten. Where
 * the task decides something, the meaning must be the one its values give
 * ({@link TaskVerdict}), whoever calls: a signature never contradicts what it signs. The
 * only way a lifecycle task is completed: the engine refuses a completion without a
 * signature from the same transaction ({@link CompletionRulesPlugin}).
 */
@Service
public class TaskCompletion {

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final SigningCredentials credentials;

	private final UserAccounts accounts;

	private final FourEyesRule fourEyes;

	private final Signatures signatures;

	private final Clock clock;

	private final Inbox inbox;

	private final ReadinessCheck readiness;

	private final ApplicationEventPublisher events;

	private final ObjectMapper canonicalJson;

	private final Deputies deputies;

	TaskCompletion(TaskService tasks, RuntimeService runtime, IdentityService identity, SigningCredentials credentials,
			UserAccounts accounts, FourEyesRule fourEyes, Signatures signatures, Clock clock, Inbox inbox,
			ObjectMapper json, ReadinessCheck readiness, ApplicationEventPublisher events, Deputies deputies) {
		this.deputies = deputies;
		this.events = events;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
		this.credentials = credentials;
		this.accounts = accounts;
		this.fourEyes = fourEyes;
		this.signatures = signatures;
		this.clock = clock;
		this.inbox = inbox;
		this.readiness = readiness;
		this.canonicalJson = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
	}

	@Transactional
	public Signature complete(String taskId, String username, String password, SignatureMeaning meaning,
			Map<String, Object> values) {
		if (meaning == null) {
			throw new InvalidInput("meaning", "choose what your signature means: approved, rejected or reviewed");
		}
		credentials.verify(username, password);
		UserAccount signer = accounts.find(username).orElseThrow(() -> new InvalidInput("password", "unknown user"));
		Authentication previous = identity.getCurrentAuthentication();
		identity.setAuthentication(username, signer.roles().stream().map(Enum::name).toList());
		try {
			return ScaleGateStep.run(() -> sign(taskId, signer, meaning, values));
		}
		catch (OptimisticLockingException | NullValueException | DataIntegrityViolationException raced) {
			throw new TaskGone("someone else completed or took this task meanwhile; your signature was not saved");
		}
		catch (RuntimeException failed) {
			// the engine can also fail inside a command when a colleague's completion
			// commits between its
			// reads (on PostgreSQL: the task still read, its process instance already
			// gone)
			// or a duplicate signature wrapped by Spring Data (a deputy and the absent
			// person sign an assigned task at once: neither claims it first)
			if (!(failed instanceof InvalidInput) && (raced(failed) || gone(taskId))) {
				throw new TaskGone("someone else completed or took this task meanwhile; your signature was not saved");
			}
			throw failed;
		}
		finally {
			if (previous == null) {
				identity.clearAuthentication();
			}
			else {
				identity.setAuthentication(previous);
			}
		}
	}

	/** The signatures given on the product's tasks, oldest first. */
	public List<Signature> signaturesOf(String partNumber) {
		return signatures.findByPartNumberOrderBySignedAtAsc(partNumber);
	}

	/** The signature that completed the task, if it was completed with one. */
	public java.util.Optional<Signature> signatureOf(String taskId) {
		return signatures.findByTaskId(taskId);
	}

	private Signature sign(String taskId, UserAccount signer, SignatureMeaning meaning, Map<String, Object> values) {
		Task task = openTask(taskId);
		String actingFor = mayAct(task, signer);
		String partNumber = businessKey(task);
		if (ProductLifecycle.GATE_REVIEW.equals(task.getTaskDefinitionKey())) {
			fourEyes.refusal(signer.username(), task.getProcessInstanceId(), partNumber).ifPresent(reason -> {
				events.publishEvent(new GateSigningRefused(signer.username(), taskId, partNumber, reason));
				throw new FourEyesViolation(reason);
			});
		}
		TaskVerdict.of(task.getTaskDefinitionKey(), values)
			.flatMap(verdict -> verdict.contradiction(meaning))
			.ifPresent(contradiction -> {
				throw new InvalidInput("meaning", contradiction);
			});
		String signedValues = canonical(values);
		boolean withoutClaim = task.getAssignee() == null;
		if (withoutClaim) {
			tasks.claim(taskId, signer.username());
		}
		Signature signature = signatures.save(new Signature(null, taskId, task.getTaskDefinitionKey(), task.getName(),
				task.getProcessInstanceId(), partNumber, signer.username(), signer.fullName(), meaning, clock.instant(),
				Sha256.hex(signedValues), signedValues, actingFor, withoutClaim));
		SignaturesInTransaction.add(signature);
		events.publishEvent(new TaskSigned(signature));
		tasks.complete(taskId, values);
		if (ProductLifecycle.READINESS_TASKS.contains(task.getTaskDefinitionKey())) {
			readiness.refresh(partNumber);
		}
		return signature;
	}

	private static boolean raced(Throwable failed) {
		for (Throwable cause = failed; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof OptimisticLockingException || cause instanceof DataIntegrityViolationException) {
				return true;
			}
		}
		return false;
	}

	private boolean gone(String taskId) {
		try {
			return tasks.createTaskQuery().taskId(taskId).count() == 0;
		}
		catch (RuntimeException unknown) {
			return false;
		}
	}

	private Task openTask(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			throw new TaskGone("someone else completed or withdrew this task meanwhile; nothing was saved");
		}
		return task;
	}

	/**
	 * Refuses a signer the task is not for; the absent person the signer stands in for,
	 * if the task is assigned to one (docs/adr/0016-deputies.md), else null. A deputy
	 * signs as themselves: four-eyes and the candidate groups are checked for the deputy.
	 */
	private String mayAct(Task task, UserAccount signer) {
		String actingFor = null;
		if (task.getAssignee() != null && !task.getAssignee().equals(signer.username())) {
			if (!deputies.standsInFor(signer.username(), task.getAssignee())) {
				throw new TaskGone("this task is now with " + task.getAssignee() + "; nothing was saved");
			}
			actingFor = task.getAssignee();
		}
		inbox.requireCandidate(signer, task);
		return actingFor;
	}

	private String businessKey(Task task) {
		return runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	private String canonical(Map<String, Object> values) {
		try {
			String text = canonicalJson.writeValueAsString(values);
			if (text.length() > 20_000) {
				throw new InvalidInput("values", "the submitted values are too large to sign (over 20,000 characters)");
			}
			return text;
		}
		catch (JsonProcessingException e) {
			throw new InvalidInput("values", "the submitted values cannot be signed: " + e.getOriginalMessage());
		}
	}

}
