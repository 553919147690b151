package io.scalegate.security;

import java.util.Set;

/**
 * An account was created or its name, password or roles were set (the password itself is
 * never part of it).
 */
public record UserChanged(String username, String fullName, Set<Role> roles, boolean created) {
}
