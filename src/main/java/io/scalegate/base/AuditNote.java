package io.scalegate.base;

import java.util.Map;
import java.util.Objects;
import org.springframework.lang.Nullable;

/**
 * What the audit trail keeps of an {@link Audited} event: what happened, to what, who did
 * it, and the details an auditor needs. The trail stores the details as JSON with the
 * keys in alphabetical order, so the map's own order changes neither the entry nor its
 * hash.
 *
 * @param actor who acted, or null (also when blank) for whoever is acting in this thread
 * ({@link ActingUser}); cut to the trail's 120 characters, as the subject id to 200, so
 * that a name nobody checked (an identity provider's, a refused sign-in's) never keeps a
 * refusal out of the trail
 */
public record AuditNote(AuditAction action, AuditSubject subjectType, String subjectId, @Nullable String actor,
		Map<String, Object> details) {

	/** The actor of what the system does by itself or on someone's behalf. */
	public static final String SYSTEM = "system";

	/**
	 * The detail naming the person the system acted for (who signed the step that made it
	 * act); the trail shows such an entry as "system on behalf of …".
	 */
	public static final String ON_BEHALF_OF = "onBehalfOf";

	public AuditNote {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(subjectType, "subjectType");
		Objects.requireNonNull(details, "details");
		actor = actor == null || actor.isBlank() ? null : clip(actor, 120);
		subjectId = subjectId == null ? null : clip(subjectId, 200);
	}

	/**
	 * What the system did on behalf of {@code person} (none, blank or the system itself:
	 * by itself), with the person among the details.
	 */
	public static AuditNote bySystem(AuditAction action, AuditSubject subjectType, String subjectId,
			@Nullable String person, Map<String, Object> details) {
		if (person == null || person.isBlank() || SYSTEM.equals(person)) {
			return new AuditNote(action, subjectType, subjectId, SYSTEM, details);
		}
		Map<String, Object> withPerson = new java.util.LinkedHashMap<>(details);
		withPerson.put(ON_BEHALF_OF, person);
		return new AuditNote(action, subjectType, subjectId, SYSTEM, withPerson);
	}

	private static String clip(String text, int length) {
		return text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

}
