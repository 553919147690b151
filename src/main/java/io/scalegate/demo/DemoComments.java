package io.scalegate.demo;

import static io.scalegate.gate.ProductLifecycle.GATE_REVIEW;
import static io.scalegate.gate.ProductLifecycle.INSPECTION_STANDARD_APPROVAL;

import io.scalegate.comment.CommentService;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Inbox;
import io.scalegate.task.Inbox.Sort;
import io.scalegate.task.InboxFilter;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxFilter.Scope;
import io.scalegate.task.InboxTask;
import io.scalegate.task.Signature;
import io.scalegate.task.TaskCompletion;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A short discussion with mentions on a product waiting for its gate review, posted
 * through {@link CommentService} by the demo accounts (audited, and the mentioned told,
 * like anyone's): on a signed task, on the product, and on the open gate review.
 */
@Component
@Profile("!prod")
class DemoComments {

	private final CommentService comments;

	private final TaskCompletion completion;

	private final Inbox inbox;

	private final UserAccounts accounts;

	DemoComments(CommentService comments, TaskCompletion completion, Inbox inbox, UserAccounts accounts) {
		this.comments = comments;
		this.completion = completion;
		this.inbox = inbox;
		this.accounts = accounts;
	}

	/**
	 * The discussion on {@code partNumber}, whose readiness is signed and gate review
	 * open.
	 */
	void discuss(String partNumber) {
		completion.signaturesOf(partNumber)
			.stream()
			.filter(signature -> INSPECTION_STANDARD_APPROVAL.equals(signature.taskKey()))
			.map(Signature::taskId)
			.findFirst()
			.ifPresent(inspection -> post(inspection, "quality",
					"Approved with the bore gauge plan from the PPAP. The sealing face roughness is measured "
							+ "on every part for the first three lots, then by sampling."));
		UserAccount engineer = account("engineer");
		comments.postOnProduct(partNumber,
				"Readiness is signed and ECN-105 (chamfer on the mounting face) is in revision A. "
						+ "@gatekeeper can we take the gate review in Thursday's meeting?",
				engineer.username(), engineer.roles());
		UserAccount gatekeeper = account("gatekeeper");
		inbox
			.page(gatekeeper, new InboxFilter(Scope.MY_GROUPS, GATE_REVIEW, partNumber, Due.ANY), Sort.CREATED, true, 0,
					10)
			.stream()
			.filter(task -> task.partNumber().equals(partNumber))
			.map(InboxTask::id)
			.findFirst()
			.ifPresent(review -> post(review, "gatekeeper",
					"Thursday it is. @supplier please bring the on-time figures of the last two deliveries; "
							+ "@quality the capability study of the bore too."));
	}

	private void post(String taskId, String username, String body) {
		UserAccount author = account(username);
		comments.postOnTask(taskId, body, author.username(), author.roles());
	}

	private UserAccount account(String username) {
		return accounts.find(username).orElseThrow();
	}

}
