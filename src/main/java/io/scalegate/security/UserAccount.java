package io.scalegate.security;

import java.util.Set;

/** A person who can log in: user id, printed name (for signatures) and roles. */
public record UserAccount(String username, String fullName, boolean enabled, Set<Role> roles) {
}
