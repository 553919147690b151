package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password provider with the HTTP Basic cache, as an attacker or a careless
 * administrator would try it: accounts in a map that the test changes between requests,
 * BCrypt counted. Every request loads the account again; only a right password for the
 * same stored hash skips BCrypt, and only for HTTP Basic.
 */
class PasswordSignInTest {

	static final Duration TTL = Duration.ofMinutes(5);

	final AtomicLong nanos = new AtomicLong();

	final AtomicInteger bcryptChecks = new AtomicInteger();

	final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	final PasswordEncoder counted = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			bcryptChecks.incrementAndGet();
			return bcrypt.matches(raw, encoded);
		}

	};

	final Map<String, UserDetails> accounts = new HashMap<>();

	final BasicSignInCache cache = new BasicSignInCache(TTL, 100, nanos::get);

	final PasswordSignIn provider = new PasswordSignIn(username -> {
		UserDetails account = accounts.get(username);
		if (account == null) {
			throw new UsernameNotFoundException(username);
		}
		return account;
	}, counted, cache);

	PasswordSignInTest() {
		account("alice", "Alice-Password-1", "ROLE_ENGINEER");
		account("bob", "Alice-Password-1", "ROLE_ENGINEER");
	}

	void account(String username, String password, String... roles) {
		accounts.put(username,
				User.withUsername(username).password(bcrypt.encode(password)).authorities(roles).build());
	}

	void change(String username, java.util.function.UnaryOperator<User.UserBuilder> change) {
		UserDetails before = accounts.get(username);
		accounts.put(username, change.apply(User.withUserDetails(before)).build());
	}

	Authentication basic(String username, String password) {
		return authenticate(username, password, new BasicSignInDetails(new MockHttpServletRequest()));
	}

	Authentication form(String username, String password) {
		return authenticate(username, password, new WebAuthenticationDetails(new MockHttpServletRequest()));
	}

	Authentication authenticate(String username, String password, Object details) {
		UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username,
				password);
		attempt.setDetails(details);
		return provider.authenticate(attempt);
	}

	@Test
	void aRightPasswordIsCheckedByBcryptOnceWithinTheTimeToLive() {
		for (int request = 0; request < 5; request++) {
			assertThat(basic("alice", "Alice-Password-1").isAuthenticated()).isTrue();
		}
		// without the cache: 5
		assertThat(bcryptChecks).hasValue(1);

		nanos.addAndGet(TTL.toNanos());
		assertThat(basic("alice", "Alice-Password-1").isAuthenticated()).isTrue();
		assertThat(bcryptChecks).hasValue(2);
	}

	@Test
	void aWrongPasswordAfterARightOneGoesToBcryptAndIsRefused() {
		basic("alice", "Alice-Password-1");

		for (String wrong : new String[] { "Alice-Password-2", "alice-password-1", "Alice-Password-1 ", "" }) {
			assertThatThrownBy(() -> basic("alice", wrong)).as(wrong).isInstanceOf(BadCredentialsException.class);
		}
		assertThat(bcryptChecks).hasValue(1 + 4);
		// and a wrong password is never remembered
		assertThatThrownBy(() -> basic("alice", "Alice-Password-2")).isInstanceOf(BadCredentialsException.class);
		assertThat(bcryptChecks).hasValue(6);
	}

	@Test
	void anotherAccountWithTheSamePasswordSharesNothing() {
		basic("alice", "Alice-Password-1");
		basic("bob", "Alice-Password-1");

		assertThat(bcryptChecks).hasValue(2);
		assertThat(cache.keys()).hasSize(2);
	}

	@Test
	void aChangedPasswordRefusesTheOldOneAtOnce() {
		basic("alice", "Alice-Password-1");
		change("alice", user -> user.password(bcrypt.encode("Alice-Password-2")));

		assertThatThrownBy(() -> basic("alice", "Alice-Password-1")).isInstanceOf(BadCredentialsException.class);
		assertThat(basic("alice", "Alice-Password-2").isAuthenticated()).isTrue();
	}

	@Test
	void theSamePasswordSetAgainIsCheckedAgain() {
		basic("alice", "Alice-Password-1");
		// an administrator's reset and the owner's change back: a new salt, a new hash
		change("alice", user -> user.password(bcrypt.encode("Alice-Password-1")));

		assertThat(basic("alice", "Alice-Password-1").isAuthenticated()).isTrue();
		assertThat(bcryptChecks).hasValue(2);
	}

	@Test
	void aDisabledOrLockedAccountIsRefusedDespiteTheCache() {
		basic("alice", "Alice-Password-1");

		change("alice", user -> user.disabled(true));
		assertThatThrownBy(() -> basic("alice", "Alice-Password-1")).isInstanceOf(DisabledException.class);
		change("alice", user -> user.disabled(false).accountLocked(true));
		assertThatThrownBy(() -> basic("alice", "Alice-Password-1")).isInstanceOf(LockedException.class);
		change("alice", user -> user.accountLocked(false));
		assertThat(basic("alice", "Alice-Password-1").isAuthenticated()).isTrue();
		assertThat(bcryptChecks).hasValue(1);
	}

	@Test
	void aPasswordTurnedOneTimeIsRefusedAsExpiredDespiteTheCache() {
		basic("alice", "Alice-Password-1");
		change("alice", user -> user.credentialsExpired(true));

		assertThatThrownBy(() -> basic("alice", "Alice-Password-1")).isInstanceOf(CredentialsExpiredException.class);
	}

	@Test
	void anAccountNoLongerAllowedAPasswordIsRefusedDespiteTheCache() {
		basic("alice", "Alice-Password-1");
		// a company account, or local login turned off (UserAccounts refuses it as
		// unknown)
		accounts.remove("alice");

		assertThatThrownBy(() -> basic("alice", "Alice-Password-1")).isInstanceOf(BadCredentialsException.class);
	}

	@Test
	void theRolesAreTheAccountsAsTheyAreNow() {
		basic("alice", "Alice-Password-1");
		change("alice", user -> user.authorities("ROLE_AUDITOR"));

		assertThat(basic("alice", "Alice-Password-1").getAuthorities()).extracting(GrantedAuthority::getAuthority)
			.containsExactly("ROLE_AUDITOR");
		assertThat(bcryptChecks).hasValue(1);
	}

	@Test
	void aFormLoginIsNeitherTakenFromNorKeptInTheCache() {
		form("alice", "Alice-Password-1");
		assertThat(cache.keys()).isEmpty();

		basic("alice", "Alice-Password-1");
		form("alice", "Alice-Password-1");
		assertThat(bcryptChecks).hasValue(3);
	}

}
