package io.scalegate.security;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.InvalidInput.FieldProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password that a person chooses must be, in the spirit of NIST SP 800-63B
 * §5.1.1.2: 12 to 64 characters (at most 72 bytes), any characters and no composition
 * rules, not one of the most common passwords (security/common-passwords.txt), not one
 * short pattern repeated, not containing the user id or the person's name, and not the
 * current password. It applies to every password a person chooses, not to the generated
 * one-time passwords nor to the demo accounts' seed (docs/adr/0014).
 */
@Component
public class PasswordPolicy {

	public static final int MINIMUM_LENGTH = 12;

	public static final int MAXIMUM_LENGTH = 64;

	/** BCrypt reads no more than 72 bytes; longer ones would be cut or refused. */
	static final int MAXIMUM_BYTES = 72;

	/** One unit of up to 8 characters, repeated: "aaaaaaaaaaaa", "passwordpassword". */
	private static final Pattern REPEATED = Pattern.compile("(?s)(.{1,8})\\1+");

	private final Set<String> common;

	PasswordPolicy() {
		this.common = load("security/common-passwords.txt");
	}

	/**
	 * Refuses {@code password} (field {@code field}) unless the policy allows it, and
	 * {@code repeat} (field {@code repeatField}) unless it is the same.
	 * @param isCurrent whether a password is the account's current one
	 */
	public void check(String field, String password, String repeatField, String repeat, String username,
			String fullName, Predicate<String> isCurrent) {
		List<FieldProblem> problems = new ArrayList<>();
		String problem = problem(password, username, fullName);
		if (problem == null && isCurrent.test(password)) {
			problem = "must differ from your current password";
		}
		if (problem != null) {
			problems.add(new FieldProblem(field, problem));
		}
		if (password != null && !password.isEmpty() && !password.equals(repeat)) {
			problems.add(new FieldProblem(repeatField, "does not match the new password"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	/** What is wrong with {@code password}, or null when the policy allows it. */
	String problem(String password, String username, String fullName) {
		if (password == null || password.isEmpty()) {
			return "enter a new password";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MINIMUM_LENGTH) {
			return "must have at least " + MINIMUM_LENGTH + " characters (it has " + length
					+ "); a few words make a long password that is easy to remember";
		}
		if (length > MAXIMUM_LENGTH) {
			return "must have at most " + MAXIMUM_LENGTH + " characters (it has " + length + ")";
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
			return "must fit in " + MAXIMUM_BYTES + " bytes: fewer accented letters or symbols, please";
		}
		if (password.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
			return "must not be spaces only";
		}
		if (Checks.hasControlCharacter(password)
				|| password.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
			return "must not contain control or invisible formatting characters";
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (common.contains(lower) || common.contains(lower.strip())) {
			return "is one of the most common passwords; choose another";
		}
		if (REPEATED.matcher(lower).matches()) {
			return "is one short pattern repeated; choose another";
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			return "must not contain your user id";
		}
		if (fullName != null) {
			String squeezed = lower.replaceAll("[\\s._-]", "");
			for (String part : fullName.toLowerCase(Locale.ROOT).split("[\\s._-]+")) {
				if (part.length() >= 3 && squeezed.contains(part)) {
					return "must not contain your name";
				}
			}
		}
		return null;
	}

	private static Set<String> load(String resource) {
		Set<String> passwords = new HashSet<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (!line.isEmpty() && !line.startsWith("#")) {
					passwords.add(line.toLowerCase(Locale.ROOT));
				}
			}
		}
		catch (IOException missing) {
			throw new UncheckedIOException("cannot read the common passwords " + resource, missing);
		}
		if (passwords.size() < 1000) {
			throw new IllegalStateException("the common passwords " + resource + " are missing or cut short");
		}
		return Set.copyOf(passwords);
	}

}
