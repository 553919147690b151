package io.scalegate.document;

import io.scalegate.security.Role;
import java.util.Set;

/**
 * What a document is (the codes are stored and used by the deliverables checklist: never
 * rename one) and who may attach it: the rule of evidence (a kind has its recorders,
 * everyone signed in reads), with the same roles as the evidence it documents: engineers
 * keep drawings, quality and supplier quality keep inspections, certificates and studies.
 */
public enum DocumentKind {

	DRAWING("Drawing", Role.ENGINEER), INSPECTION_REPORT("Inspection report", Role.QUALITY, Role.SUPPLIER_QUALITY),
	FIRST_ARTICLE_INSPECTION("First article inspection", Role.QUALITY, Role.SUPPLIER_QUALITY),
	MATERIAL_CERTIFICATE("Material certificate", Role.QUALITY, Role.SUPPLIER_QUALITY),
	PPAP_SUBMISSION_WARRANT("Part submission warrant (PPAP)", Role.QUALITY, Role.SUPPLIER_QUALITY),
	CONTROL_PLAN("Control plan", Role.ENGINEER, Role.QUALITY, Role.SUPPLIER_QUALITY),
	PFMEA("Process FMEA", Role.ENGINEER, Role.QUALITY, Role.SUPPLIER_QUALITY),
	CAPABILITY_STUDY_REPORT("Capability study report", Role.QUALITY, Role.SUPPLIER_QUALITY),
	OTHER("Other document", Role.ENGINEER, Role.QUALITY, Role.SUPPLIER_QUALITY);

	private final String label;

	private final Set<Role> uploaders;

	DocumentKind(String label, Role... uploaders) {
		this.label = label;
		this.uploaders = Set.of(uploaders);
	}

	public String label() {
		return label;
	}

	/** The roles that may attach this kind of document. */
	public Set<Role> uploaders() {
		return uploaders;
	}

	public boolean uploadableBy(Set<Role> roles) {
		return roles.stream().anyMatch(uploaders::contains);
	}

	/** Whether any of {@code roles} may attach some kind of document. */
	public static boolean anyUploadableBy(Set<Role> roles) {
		for (DocumentKind kind : values()) {
			if (kind.uploadableBy(roles)) {
				return true;
			}
		}
		return false;
	}

	/** The kind of a code, or the field {@code kind} named as wrong. */
	public static DocumentKind of(String code) {
		if (code == null || code.isBlank()) {
			throw new io.scalegate.base.InvalidInput("kind", "is required");
		}
		try {
			return valueOf(code.strip());
		}
		catch (IllegalArgumentException unknown) {
			throw new io.scalegate.base.InvalidInput("kind",
					"must be one of " + java.util.Arrays.toString(values()) + ", not " + clip(code.strip()));
		}
	}

	private static String clip(String text) {
		return text.length() <= 40 ? text : text.substring(0, 39) + "…";
	}

}
