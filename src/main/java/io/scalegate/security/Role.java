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

	/** The role as a person reads it: SUPPLIER_QUALITY → "Supplier quality". */
	public String words() {
		return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
	}

	/**
	 * The role's words for a group name (a Camunda group), the name itself when unknown.
	 */
	public static String words(String group) {
		return java.util.Arrays.stream(values())
			.filter(role -> role.name().equals(group))
			.findFirst()
			.map(Role::words)
			.orElse(group);
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
