package io.scalegate.demo;

import io.scalegate.security.ActingAs;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.security.dev.DemoAccounts;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxFilter;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxFilter.Scope;
import io.scalegate.task.InboxTask;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import io.scalegate.task.TaskVerdict;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A demo account doing a task as a person does in the inbox and the task view: finds it
 * among its groups' tasks, claims it as itself (so the engine, the trail and the
 * notifications see the person claim, not the system) and signs it with the meaning its
 * values decide.
 */
@Component
class DemoSignOff {

	private final Inbox inbox;

	private final UserAccounts accounts;

	private final ActingAs actingAs;

	private final TaskCompletion completion;

	DemoSignOff(Inbox inbox, UserAccounts accounts, ActingAs actingAs, TaskCompletion completion) {
		this.inbox = inbox;
		this.accounts = accounts;
		this.actingAs = actingAs;
		this.completion = completion;
	}

	void complete(String partNumber, String taskKey, String user, Map<String, Object> variables) {
		UserAccount account = accounts.find(user).orElseThrow();
		InboxTask task = inbox
			.page(account, new InboxFilter(Scope.MY_GROUPS, taskKey, partNumber, Due.ANY), Inbox.Sort.CREATED, true, 0,
					10)
			.stream()
			.filter(open -> open.partNumber().equals(partNumber))
			.findFirst()
			.orElseThrow(
					() -> new IllegalStateException(taskKey + " of " + partNumber + " is not in " + user + "'s inbox"));
		// claimed first, as the inbox asks (signing unclaimed is allowed but marked)
		actingAs.run(user, () -> {
			inbox.claim(account, task.id());
			return null;
		});
		// the meaning the dialog would show: the one the values decide
		completion.complete(task.id(), user, DemoAccounts.PASSWORD,
				TaskVerdict.meaningOf(taskKey, variables, SignatureMeaning.REVIEWED), variables);
	}

}
