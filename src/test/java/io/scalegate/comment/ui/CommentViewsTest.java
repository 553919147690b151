package io.scalegate.comment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import io.scalegate.KaribuTest;
import io.scalegate.comment.CommentService;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The comment thread on the task view and the activity on the product page: post, it
 * appears with its mentions highlighted; unknown names said; the trail beside the
 * comments; the filter; auditors read only.
 */
class CommentViewsTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	CommentService comments;

	@Autowired
	UserAccounts accounts;

	private static List<Div> cards(String cssClass) {
		return _find(Div.class, spec -> spec.withClasses(cssClass));
	}

	private static String text(Div card) {
		return card.getElement().getTextRecursively();
	}

	private static List<String> highlighted() {
		return _find(Span.class, spec -> spec.withClasses("mention")).stream().map(Span::getText).toList();
	}

	@SuppressWarnings("unchecked")
	private static ComboBox<UserAccount> mentionHelper() {
		return _get(ComboBox.class, spec -> spec.withId("comment-mention"));
	}

	@Test
	void anEngineerCommentsOnATaskWithMentions() {
		Product product = lifecycles.aProduct(false);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("tasks/" + review.getId());
		assertThat(_get(Paragraph.class, spec -> spec.withId("comment-none")).getText()).isEqualTo("No comments yet.");

		TextArea body = _get(TextArea.class, spec -> spec.withId("comment-body"));
		assertThat(body.getHelperText()).contains("cannot be edited or deleted", "post a new comment");
		_click(_get(Button.class, spec -> spec.withId("comment-post")));
		assertThat(body.isInvalid()).isTrue();
		assertThat(body.getErrorMessage()).contains("is required");

		body.setValue("Fit test passed <b>twice</b>, @quality please confirm; @nobody too");
		Span unrecognised = _get(Span.class, spec -> spec.withId("comment-unrecognised"));
		assertThat(unrecognised.isVisible()).isTrue();
		assertThat(unrecognised.getText()).isEqualTo("Not recognised, nobody will be told: @nobody");
		mentionHelper().setValue(accounts.find("gatekeeper").orElseThrow());
		assertThat(body.getValue()).endsWith("@nobody too @gatekeeper ");
		assertThat(mentionHelper().getValue()).isNull();

		_click(_get(Button.class, spec -> spec.withId("comment-post")));

		assertThat(body.getValue()).isEmpty();
		assertThat(body.isInvalid()).isFalse();
		assertThat(unrecognised.getText()).isEqualTo("Posted. Not recognised, nobody was told: @nobody");
		assertThat(cards("comment")).singleElement().satisfies(card -> {
			assertThat(text(card)).contains("Erin Engineer", "UTC",
					"Fit test passed <b>twice</b>, @quality please confirm; @nobody too @gatekeeper");
		});
		assertThat(highlighted()).containsExactly("@quality", "@gatekeeper");
		assertThat(_find(Paragraph.class, spec -> spec.withId("comment-none"))).isEmpty();
	}

	@Test
	void theDiscussionGoesOnAfterTheTaskIsDone() {
		Product product = lifecycles.aProduct(false);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		comments.postOnTask(review.getId(), "Before signing", "engineer", Set.of(Role.ENGINEER));
		lifecycles.passGate1(product);
		login("quality", "QUALITY");
		UI.getCurrent().navigate("tasks/" + review.getId());
		assertThat(_get(Div.class, spec -> spec.withId("comment-list")).getElement().getTextRecursively())
			.contains("Before signing");

		_get(TextArea.class, spec -> spec.withId("comment-body")).setValue("After signing: rev B was used.");
		_click(_get(Button.class, spec -> spec.withId("comment-post")));

		assertThat(cards("comment")).extracting(CommentViewsTest::text)
			.satisfiesExactly(newest -> assertThat(newest).contains("After signing"),
					older -> assertThat(older).contains("Before signing"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void theProductsActivityInterleavesCommentsAndTrailAndFilters() {
		Product product = lifecycles.aProduct(false);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		comments.postOnTask(review.getId(), "On the review, @engineer", "quality", Set.of(Role.QUALITY));
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("products/" + product.partNumber());

		assertThat(cards("comment")).singleElement()
			.satisfies(card -> assertThat(text(card)).contains("Quinn Quality", review.getName(), "On the review"));
		assertThat(cards("trail-entry")).extracting(card -> card.getElement().getAttribute("data-action"))
			.contains("PRODUCT_REGISTERED")
			.doesNotContain("COMMENT_POSTED");

		_get(TextArea.class, spec -> spec.withId("comment-body")).setValue("Product note for @gatekeeper");
		_click(_get(Button.class, spec -> spec.withId("comment-post")));
		List<Div> comments = cards("comment");
		assertThat(comments).hasSize(2);
		assertThat(text(comments.get(0))).contains("Product note for @gatekeeper").doesNotContain(review.getName());
		assertThat(highlighted()).containsExactly("@gatekeeper", "@engineer");
		Div list = _get(Div.class, spec -> spec.withId("activity-list"));
		assertThat(list.getChildren().findFirst().orElseThrow()).isSameAs(comments.get(0));

		RadioButtonGroup<Object> filter = _get(RadioButtonGroup.class, spec -> spec.withId("activity-filter"));
		filter.setValue(ProductActivity.Show.COMMENTS);
		assertThat(cards("comment")).hasSize(2);
		assertThat(cards("trail-entry")).isEmpty();

		filter.setValue(ProductActivity.Show.TRAIL);
		assertThat(cards("comment")).isEmpty();
		assertThat(cards("trail-entry")).extracting(card -> card.getElement().getAttribute("data-action"))
			.contains("PRODUCT_REGISTERED", "COMMENT_POSTED");

		filter.setValue(ProductActivity.Show.ALL);
		assertThat(cards("comment")).hasSize(2);
		assertThat(cards("trail-entry")).isNotEmpty();
	}

	@Test
	void auditorsReadTheActivityButDoNotPost() {
		Product product = lifecycles.aProduct(false);
		comments.postOnProduct(product.partNumber(), "Readable by all", "engineer", Set.of(Role.ENGINEER));
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(cards("comment")).singleElement().satisfies(card -> assertThat(text(card)).contains("Readable"));
		assertThat(_get(Paragraph.class, spec -> spec.withId("comment-read-only")).getText()).contains("read");
		assertThat(_find(TextArea.class, spec -> spec.withId("comment-body"))).isEmpty();
		assertThat(_find(Button.class, spec -> spec.withId("comment-post"))).isEmpty();
	}

}
