package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxFilter.Scope;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who sees which tasks, the filters, and claiming, giving back and handing over. */
@ScaleGateTest
class InboxProcessTest {

	@Autowired
	Inbox inbox;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TaskService tasks;

	UserAccount user(String name) {
		return accounts.find(name).orElseThrow();
	}

	InboxFilter forProduct(Scope scope, Product product) {
		return new InboxFilter(scope, null, product.partNumber(), Due.ANY);
	}

	List<String> keys(String user, InboxFilter filter) {
		return inbox.page(user(user), filter, Inbox.Sort.DUE, true, 0, 50).stream().map(InboxTask::taskKey).toList();
	}

	@Test
	void eachRoleSeesItsGroupsTasksAndGatekeepersSeeAll() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);

		assertThat(keys("engineer", forProduct(Scope.MY_GROUPS, product))).containsExactly(DESIGN_FREEZE_SIGN_OFF);
		assertThat(keys("quality", forProduct(Scope.MY_GROUPS, product))).containsExactly(INSPECTION_STANDARD_APPROVAL);
		assertThat(keys("supplier", forProduct(Scope.ALL, product))).containsExactly(SUPPLIER_QUALIFICATION);
		assertThat(keys("gatekeeper", forProduct(Scope.ALL, product))).containsExactlyInAnyOrder(DESIGN_FREEZE_SIGN_OFF,
				INSPECTION_STANDARD_APPROVAL, SUPPLIER_QUALIFICATION);
		assertThat(keys("engineer", forProduct(Scope.MINE, product))).isEmpty();
		assertThat(inbox.count(user("gatekeeper"), forProduct(Scope.ALL, product))).isEqualTo(3);
	}

	@Test
	void showsProductAndStageBesideEachTask() {
		Product product = lifecycles.aProduct(false);
		InboxTask task = inbox.page(user("engineer"), forProduct(Scope.MY_GROUPS, product), Inbox.Sort.DUE, true, 0, 10)
			.get(0);
		assertThat(task.partNumber()).isEqualTo(product.partNumber());
		assertThat(task.productName()).isEqualTo("Test bracket");
		assertThat(task.stage()).isEqualTo("Prototype");
		assertThat(task.due()).isAfter(task.created());
		assertThat(task.overdue()).isFalse();
	}

	@Test
	void filtersByTaskTypeAndDue() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		InboxFilter designOnly = new InboxFilter(Scope.ALL, DESIGN_FREEZE_SIGN_OFF, product.partNumber(), Due.ANY);
		assertThat(keys("gatekeeper", designOnly)).containsExactly(DESIGN_FREEZE_SIGN_OFF);
		assertThat(keys("gatekeeper", new InboxFilter(Scope.ALL, null, product.partNumber(), Due.OVERDUE))).isEmpty();
		Task task = lifecycles.task(product, SUPPLIER_QUALIFICATION);
		task.setDueDate(java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
		io.scalegate.security.ScaleGateStep.run(() -> tasks.saveTask(task));
		assertThat(keys("gatekeeper", new InboxFilter(Scope.ALL, null, product.partNumber(), Due.OVERDUE)))
			.containsExactly(SUPPLIER_QUALIFICATION);
		assertThat(inbox
			.page(user("gatekeeper"), new InboxFilter(Scope.ALL, null, product.partNumber(), Due.OVERDUE),
					Inbox.Sort.DUE, true, 0, 5)
			.get(0)
			.overdue()).isTrue();
	}

	@Test
	void claimUnclaimAndHandOverWithinTheGroup() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);

		inbox.claim(user("engineer"), task.getId());
		assertThat(keys("engineer", forProduct(Scope.MINE, product))).containsExactly(PROTOTYPE_REVIEW);
		assertThatThrownBy(() -> inbox.claim(user("engineer2"), task.getId())).hasMessageContaining("already claimed");

		assertThat(inbox.colleagues(task.getId())).extracting(UserAccount::username)
			.contains("engineer", "engineer2")
			.doesNotContain("quality");
		assertThatThrownBy(() -> inbox.handOver(user("engineer"), task.getId(), "quality"))
			.hasMessageContaining("quality does not hold");
		inbox.handOver(user("engineer"), task.getId(), "engineer2");
		assertThat(keys("engineer2", forProduct(Scope.MINE, product))).containsExactly(PROTOTYPE_REVIEW);

		assertThatThrownBy(() -> inbox.unclaim(user("engineer"), task.getId())).hasMessageContaining("only engineer2");
		inbox.unclaim(user("engineer2"), task.getId());
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void aRoleOutsideTheTaskCannotClaimIt() {
		Product product = lifecycles.aProduct(false);
		Task task = lifecycles.task(product, PROTOTYPE_REVIEW);
		assertThatThrownBy(() -> inbox.claim(user("quality"), task.getId())).hasMessageContaining("ENGINEER");
	}

}
