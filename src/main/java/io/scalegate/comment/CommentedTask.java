package io.scalegate.comment;

/**
 * A lifecycle task, open or completed, as a comment names it: its id, its name, and the
 * product it belongs to.
 */
public record CommentedTask(String taskId, String name, String partNumber) {

}
