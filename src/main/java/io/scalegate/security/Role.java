package io.scalegate.security;

/** ScaleGate's roles; Spring Security sees them as authorities {@code ROLE_<name>}, Camunda as groups. */
public enum Role {

	ENGINEER, QUALITY, SUPPLIER_QUALITY, GATEKEEPER, PROCESS_OWNER, AUDITOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

}
