package io.scalegate.base.ui;

import java.util.Optional;

/**
 * What the login page offers (implemented by {@code security}): the company login (single
 * sign-on) where configured, and whether everyone may use the password form.
 */
public interface LoginOptions {

	/** The company login's button text and link, where single sign-on is configured. */
	Optional<CompanyLogin> companyLogin();

	/**
	 * False when password sign-in is only for break-glass accounts: the form is then
	 * tucked away.
	 */
	boolean passwordsForEveryone();

	record CompanyLogin(String label, String href) {
	}

}
