package io.scalegate.comment;

import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.base.Sha256;
import io.scalegate.comment.CommentService.Posted;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Comments: mentions resolved against enabled users, unknown names reported and not told,
 * the author never told, the body's limits, the trail's entry with the body's hash.
 */
@ScaleGateTest
@RecordApplicationEvents
class CommentServicePersistenceTest {

	@Autowired
	CommentService comments;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditSearch trail;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	static final Set<Role> ENGINEER = Set.of(Role.ENGINEER);

	String aUser(String name) {
		String username = "c-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, name, "demo", EnumSet.of(Role.QUALITY));
		return username;
	}

	@Test
	void mentionedEnabledUsersAreToldAndUnknownNamesAreNot() {
		Product product = lifecycles.aProduct(false);
		String quinn = aUser("Quinn Mentioned");
		String gone = aUser("Gone Person");
		jdbc.sql("update app_user set enabled = false where username = ?").param(gone).update();
		String author = aUser("Author Person");

		Posted posted = comments.postOnProduct(product.partNumber(), "@" + quinn.toUpperCase()
				+ " can you check the flatness? cc @" + gone + " @nosuchperson and me @" + author + ".", author,
				ENGINEER);

		assertThat(posted.comment().mentions()).containsExactly(quinn, author);
		assertThat(posted.unrecognised()).containsExactly(gone, "nosuchperson");
		assertThat(posted.notified()).containsExactly(quinn);
		assertThat(posted.comment().authorName()).isEqualTo("Author Person");
		assertThat(events.stream(PeopleMentioned.class)).singleElement().satisfies(event -> {
			assertThat(event.userIds()).containsExactly(quinn);
			assertThat(event.author()).isEqualTo(author);
			assertThat(event.partNumber()).isEqualTo(product.partNumber());
			assertThat(event.taskId()).isNull();
			assertThat(event.commentId()).isEqualTo(String.valueOf(posted.comment().id()));
			assertThat(event.excerpt()).startsWith("@" + quinn.toUpperCase() + " can you check");
			assertThat(event.link()).isEqualTo("products/" + product.partNumber());
		});
		assertThat(comments.ofProduct(product.partNumber())).extracting(Comment::id)
			.containsExactly(posted.comment().id());
	}

	@Test
	void nobodyIsToldAboutTheirOwnMention() {
		Product product = lifecycles.aProduct(false);
		String author = aUser("Self Mentioner");
		Posted posted = comments.postOnProduct(product.partNumber(), "Note to self @" + author, author, ENGINEER);
		assertThat(posted.notified()).isEmpty();
		assertThat(events.stream(PeopleMentioned.class)).isEmpty();
		assertThat(events.stream(CommentPosted.class)).hasSize(1);
	}

	@Test
	void theTrailKeepsTheBodysHashAndWhoWasMentioned() {
		Product product = lifecycles.aProduct(false);
		String quinn = aUser("Quinn Hash");
		String body = "  Flatness 0.08 on batch 3, @" + quinn + " please confirm.\n";
		Posted posted = comments.postOnProduct(product.partNumber(), body, "engineer", ENGINEER);

		assertThat(posted.comment().body()).isEqualTo(body.strip());
		List<AuditEntry> entries = trail.page(new AuditQuery(null, Set.of(AuditAction.COMMENT_POSTED),
				AuditSubject.PRODUCT, product.partNumber(), null, null, null), 0, 10);
		assertThat(entries).singleElement().satisfies(entry -> {
			assertThat(entry.actor()).isEqualTo("engineer");
			assertThat(entry.details()).contains("\"bodySha256\":\"" + Sha256.hex(body.strip()) + "\"")
				.contains("\"mentioned\":[\"" + quinn + "\"]")
				.contains("\"commentId\":" + posted.comment().id())
				.doesNotContain("please confirm");
		});
	}

	@Test
	void theBodyIsRequiredAndHoldsAtMostFourThousandCharacters() {
		Product product = lifecycles.aProduct(false);
		assertThatThrownBy(() -> comments.postOnProduct(product.partNumber(), "  \n ", "engineer", ENGINEER))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("body");
				assertThat(invalid.reason()).contains("is required");
			});
		assertThatThrownBy(() -> comments.postOnProduct(product.partNumber(), "x".repeat(4001), "engineer", ENGINEER))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("body");
				assertThat(invalid.reason()).contains("4001 characters", "at most 4,000");
			});
		assertThatThrownBy(() -> comments.postOnProduct(product.partNumber(), "bell\u0007", "engineer", ENGINEER))
			.isInstanceOf(InvalidInput.class);
		assertThat(comments.ofProduct(product.partNumber())).isEmpty();
		assertThat(events.stream(CommentPosted.class)).isEmpty();

		assertThat(
				comments.postOnProduct(product.partNumber(), "y".repeat(4000), "engineer", ENGINEER).comment().body())
			.hasSize(4000);
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private boolean postgres() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Comments are part of the record: the service offers no change, and PostgreSQL
	 * refuses one by trigger (H2, the single-node demo database, has no such trigger).
	 */
	@Test
	void onPostgresqlTheDatabaseRefusesToChangeOrDeleteAComment() {
		Product product = lifecycles.aProduct(false);
		long id = comments.postOnProduct(product.partNumber(), "As said", "engineer", ENGINEER).comment().id();
		org.junit.jupiter.api.Assumptions.assumeTrue(postgres(), "the append-only trigger is PostgreSQL's");
		assertThatThrownBy(() -> jdbc.sql("update product_comment set body = 'unsaid' where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from product_comment where id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThat(comments.get(product.partNumber(), id).body()).isEqualTo("As said");
	}

	@Test
	void auditorsReadButDoNotPost() {
		Product product = lifecycles.aProduct(false);
		assertThatThrownBy(
				() -> comments.postOnProduct(product.partNumber(), "I only read", "auditor", Set.of(Role.AUDITOR)))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(comments.ofProduct(product.partNumber())).isEmpty();
		assertThat(CommentService.mayPost(Set.of(Role.AUDITOR, Role.ENGINEER))).isTrue();
		assertThat(CommentService.mayPost(Set.of(Role.PROCESS_OWNER))).isTrue();
	}

	@Test
	void aTaskHasItsThreadAndTheDiscussionGoesOnAfterItIsDone() {
		Product product = lifecycles.aProduct(false);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		Posted open = comments.postOnTask(review.getId(), "Fit test passed, @quality ok?", "engineer", ENGINEER);
		assertThat(open.comment().taskName()).isEqualTo(review.getName());
		assertThat(open.notified()).containsExactly("quality");
		assertThat(events.stream(PeopleMentioned.class)).singleElement()
			.satisfies(event -> assertThat(event.link()).isEqualTo("tasks/" + review.getId()));

		lifecycles.passGate1(product);
		Posted after = comments.postOnTask(review.getId(), "For the record: drawing rev B was used.", "quality",
				Set.of(Role.QUALITY));
		comments.postOnProduct(product.partNumber(), "On the product itself", "engineer", ENGINEER);

		assertThat(comments.ofTask(review.getId())).extracting(Comment::id)
			.containsExactly(after.comment().id(), open.comment().id());
		assertThat(comments.ofProduct(product.partNumber())).hasSize(3)
			.extracting(Comment::taskName)
			.containsExactly(null, review.getName(), review.getName());

		assertThatThrownBy(() -> comments.postOnTask("no-such-task", "hello", "engineer", ENGINEER))
			.isInstanceOf(NotFound.class);
		assertThatThrownBy(() -> comments.ofProduct("NO-SUCH-PART")).isInstanceOf(NotFound.class);
	}

}
