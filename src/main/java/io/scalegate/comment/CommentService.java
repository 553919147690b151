package io.scalegate.comment;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on a product and its tasks (docs/adr/0023): posted by everyone signed in but
 * read-only auditors, read by everyone who may see the product, never changed (a
 * correction is a new comment). Each post is audited ({@link CommentPosted}, with the
 * body's SHA-256) and tells the mentioned enabled users ({@link PeopleMentioned}), never
 * the author.
 */
@Service
public class CommentService {

	/** The most characters a comment holds. */
	public static final int BODY_LIMIT = 4000;

	/**
	 * The roles that may post; an auditor reads only (unless they also hold one of
	 * these).
	 */
	public static final Set<Role> POSTERS = EnumSet.of(Role.ENGINEER, Role.QUALITY, Role.SUPPLIER_QUALITY,
			Role.GATEKEEPER, Role.PROCESS_OWNER, Role.ADMIN);

	static final int EXCERPT_LENGTH = 140;

	private final ProductComments comments;

	private final ProductService products;

	private final UserAccounts accounts;

	private final CommentTasks tasks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CommentService(ProductComments comments, ProductService products, UserAccounts accounts, CommentTasks tasks,
			ApplicationEventPublisher events, Clock clock) {
		this.comments = comments;
		this.products = products;
		this.accounts = accounts;
		this.tasks = tasks;
		this.events = events;
		this.clock = clock;
	}

	/** Whether someone with these roles may post comments. */
	public static boolean mayPost(Set<Role> roles) {
		return roles.stream().anyMatch(POSTERS::contains);
	}

	/** Posts a comment on the product itself. */
	@Transactional
	public Posted postOnProduct(String partNumber, String body, String author, Set<Role> roles) {
		Product product = products.get(partNumber);
		return post(product.partNumber(), null, null, body, author, roles);
	}

	/**
	 * Posts a comment on a task of a product's lifecycle, open or completed (the
	 * discussion goes on after a task is done).
	 */
	@Transactional
	public Posted postOnTask(String taskId, String body, String author, Set<Role> roles) {
		CommentedTask task = task(taskId);
		return post(task.partNumber(), task.taskId(), task.name(), body, author, roles);
	}

	/** The task a comment may be written on, or {@link NotFound}. */
	public CommentedTask task(String taskId) {
		return tasks.find(taskId == null ? "" : taskId.strip())
			.orElseThrow(() -> new NotFound("task", "taskId", "no task of a product with id " + taskId));
	}

	/** The product's comments, its own and its tasks', newest first (the latest 500). */
	public List<Comment> ofProduct(String partNumber) {
		Product product = products.get(partNumber);
		return shown(comments.findTop500ByPartNumberOrderByCreatedAtDescIdDesc(product.partNumber()));
	}

	/**
	 * One comment of the product; {@link NotFound} if the product has no such comment.
	 */
	public Comment get(String partNumber, long id) {
		Product product = products.get(partNumber);
		return comments.findById(id)
			.filter(comment -> comment.partNumber().equals(product.partNumber()))
			.map(comment -> shown(List.of(comment)).get(0))
			.orElseThrow(() -> new NotFound("comment", "id", "no comment " + id + " on " + product.partNumber()));
	}

	/**
	 * The task's comments, newest first (the latest 500); {@link NotFound} if no such
	 * task.
	 */
	public List<Comment> ofTask(String taskId) {
		CommentedTask task = task(taskId);
		return shown(comments.findTop500ByTaskIdOrderByCreatedAtDescIdDesc(task.taskId()));
	}

	/**
	 * What a draft mentions: the enabled users it names and the names no enabled user has
	 * (those are not notified), for the form to say before posting.
	 */
	public MentionCheck check(String body) {
		Set<String> people = mentionable().stream().map(UserAccount::username).collect(Collectors.toSet());
		List<String> names = Mentions.names(body, people);
		return new MentionCheck(names.stream().filter(people::contains).toList(),
				names.stream().filter(name -> !people.contains(name)).toList());
	}

	/** The people a comment may mention: enabled users, by user id. */
	public List<UserAccount> mentionable() {
		return accounts.all().stream().filter(UserAccount::enabled).toList();
	}

	private Posted post(String partNumber, String taskId, String taskName, String body, String author,
			Set<Role> roles) {
		if (!mayPost(roles)) {
			throw new AccessDeniedException("comments are posted by " + POSTERS + "; auditors read them");
		}
		String text = checked(body);
		MentionCheck mentions = check(text);
		ProductComment saved = comments.save(new ProductComment(null, partNumber, taskId, taskName, author, text,
				clock.instant(), String.join(" ", mentions.recognised())));
		events.publishEvent(new CommentPosted(saved.id(), partNumber, taskId, taskName, author, text,
				mentions.recognised(), mentions.unrecognised()));
		List<String> notified = mentions.recognised().stream().filter(user -> !user.equals(author)).toList();
		if (!notified.isEmpty()) {
			events.publishEvent(new PeopleMentioned(notified, author, partNumber, taskId, String.valueOf(saved.id()),
					excerpt(text), taskId == null ? "products/" + partNumber : "tasks/" + taskId));
		}
		return new Posted(shown(List.of(saved)).get(0), mentions.unrecognised(), notified);
	}

	/** The body as stored: without surrounding blanks, required, at most the limit. */
	static String checked(String body) {
		String text = body == null ? "" : body.strip();
		if (text.isEmpty()) {
			throw new InvalidInput("body", "is required: write the comment");
		}
		if (text.length() > BODY_LIMIT) {
			throw new InvalidInput("body", "is " + text.length() + " characters long; a comment holds at most "
					+ String.format("%,d", BODY_LIMIT) + " (split it into two comments)");
		}
		if (Checks.hasControlCharacter(text)) {
			throw new InvalidInput("body", "must not contain control characters (other than tabs and line breaks)");
		}
		if (Checks.hasHiddenCharacter(text)) {
			throw new InvalidInput("body",
					"contains an invisible formatting character (e.g. a right-to-left override); write it plainly");
		}
		return text;
	}

	static String excerpt(String body) {
		String line = body.replaceAll("\\s+", " ").strip();
		return line.length() <= EXCERPT_LENGTH ? line : line.substring(0, EXCERPT_LENGTH - 1) + "…";
	}

	private List<Comment> shown(List<ProductComment> stored) {
		Map<String, String> names = accounts.all()
			.stream()
			.collect(Collectors.toMap(UserAccount::username, UserAccount::fullName, (a, b) -> a));
		List<Comment> shown = new ArrayList<>();
		for (ProductComment c : stored) {
			shown.add(new Comment(c.id(), c.partNumber(), c.taskId(), c.taskName(), c.author(),
					names.getOrDefault(c.author(), c.author()), c.body(), c.createdAt(),
					c.mentions() == null || c.mentions().isBlank() ? List.of()
							: Arrays.stream(c.mentions().split(" ")).toList()));
		}
		return shown;
	}

	/** The enabled users a text mentions and the names no enabled user has. */
	public record MentionCheck(List<String> recognised, List<String> unrecognised) {

	}

	/**
	 * A comment just posted, the names it mentioned that no enabled user has (nobody was
	 * told), and who was told.
	 */
	public record Posted(Comment comment, List<String> unrecognised, List<String> notified) {

	}

}
