package io.scalegate.security;

/**
 * ScaleGate's roles; Spring Security sees them as authorities {@code ROLE_<name>},
 * Camunda as groups.
 */
public enum Role {

	ENGINEER, QUALITY, SUPPLIER_QUALITY, GATEKEEPER, PROCESS_OWNER, AUDITOR, ADMIN;

	public String authority() {
		return "ROLE_" + name();
	}

	/**
	 * The ScaleGate roles among Spring Security authorities ({@code ROLE_<name>}); others
	 * are ignored.
	 */
	public static java.util.Set<Role> of(
			java.util.Collection<? extends org.springframework.security.core.GrantedAuthority> authorities) {
		java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
		for (var authority : authorities) {
			for (Role role : values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

}
