package io.scalegate.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.comment.Comment;
import io.scalegate.comment.CommentService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo discussion: on a signed task, on the product, on the open gate review. */
@ScaleGateTest
class DemoCommentsTest {

	@Autowired
	CommentService comments;

	@Test
	void aProductWaitingForItsGateReviewHasADiscussionWithMentions() {
		List<Comment> discussion = comments.ofProduct("VLV-5200");
		assertThat(discussion).extracting(Comment::author).containsExactly("gatekeeper", "engineer", "quality");
		assertThat(discussion.get(0).taskName()).isNotNull();
		assertThat(discussion.get(0).mentions()).containsExactly("supplier", "quality");
		assertThat(discussion.get(1).taskId()).isNull();
		assertThat(discussion.get(1).mentions()).containsExactly("gatekeeper");
		assertThat(discussion.get(2).taskName()).isNotNull();
	}

}
