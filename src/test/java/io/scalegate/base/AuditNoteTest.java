package io.scalegate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A note always fits the trail's columns, whatever name an outside party sent. */
class AuditNoteTest {

	@Test
	void anOverlongActorOrSubjectIsCutToTheTrailsColumns() {
		String name = "x".repeat(5000);
		AuditNote note = new AuditNote(AuditAction.SSO_SIGN_IN_REFUSED, AuditSubject.USER, name, name, Map.of());
		assertThat(note.actor()).hasSize(120).endsWith("…");
		assertThat(note.subjectId()).hasSize(200).endsWith("…");
	}

	@Test
	void aNameThatFitsIsKeptAsItIs() {
		AuditNote note = new AuditNote(AuditAction.USER_CREATED, AuditSubject.USER, "jdoe", "admin", Map.of());
		assertThat(note.actor()).isEqualTo("admin");
		assertThat(note.subjectId()).isEqualTo("jdoe");
		assertThat(new AuditNote(AuditAction.USER_CREATED, AuditSubject.USER, "jdoe", " ", Map.of()).actor()).isNull();
	}

}
