package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The HTTP Basic cache on its own (docs/adr/0025): what it remembers, for how long, and
 * that it keeps no password.
 */
class BasicSignInCacheTest {

	static final Duration TTL = Duration.ofMinutes(5);

	final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	final BasicSignInCache cache = new BasicSignInCache(TTL, 100, nanos::get);

	@Test
	void rememberedOnlyForTheSameUserStoredHashAndPassword() {
		cache.remember("alice", "{bcrypt}$2a$10$hashOfAlice", "Correct-Horse-1");

		assertThat(cache.remembers("alice", "{bcrypt}$2a$10$hashOfAlice", "Correct-Horse-1")).isTrue();
		assertThat(cache.remembers("alice", "{bcrypt}$2a$10$hashOfAlice", "Correct-Horse-2")).isFalse();
		assertThat(cache.remembers("alice", "{bcrypt}$2a$10$hashOfAlice", "")).isFalse();
		assertThat(cache.remembers("alice", "{bcrypt}$2a$10$hashOfAlice", null)).isFalse();
		// the password changed: another stored hash, nothing remembered for it
		assertThat(cache.remembers("alice", "{bcrypt}$2a$10$newHashOfAlice", "Correct-Horse-1")).isFalse();
		// another account with the same password (and even the same hash) shares nothing
		assertThat(cache.remembers("bob", "{bcrypt}$2a$10$hashOfAlice", "Correct-Horse-1")).isFalse();
	}

	@Test
	void partsCannotBeShiftedIntoEachOther() {
		cache.remember("ab", "c", "d");

		assertThat(cache.remembers("a", "bc", "d")).isFalse();
		assertThat(cache.remembers("ab", "", "cd")).isFalse();
		assertThat(cache.remembers("abc", "", "d")).isFalse();
	}

	@Test
	void aMatchIsForgottenWhenItsTimeToLiveIsOverAndUseDoesNotRenewIt() {
		cache.remember("alice", "hash", "Correct-Horse-1");

		nanos.addAndGet(TTL.toNanos() - 1);
		assertThat(cache.remembers("alice", "hash", "Correct-Horse-1")).isTrue();
		nanos.addAndGet(1);
		assertThat(cache.remembers("alice", "hash", "Correct-Horse-1")).isFalse();
		assertThat(cache.keys()).isEmpty();
	}

	@Test
	void zeroTurnsTheCacheOff() {
		BasicSignInCache off = new BasicSignInCache(Duration.ZERO, 100, nanos::get);
		off.remember("alice", "hash", "Correct-Horse-1");

		assertThat(off.remembers("alice", "hash", "Correct-Horse-1")).isFalse();
		assertThat(off.keys()).isEmpty();
	}

	@Test
	void boundedInSize() {
		BasicSignInCache small = new BasicSignInCache(TTL, 3, nanos::get);
		for (int user = 0; user < 50; user++) {
			small.remember("user-" + user, "hash", "Correct-Horse-1");
		}

		assertThat(small.keys()).hasSizeLessThanOrEqualTo(3);
	}

	@Test
	void keysAreKeyedDigestsWithNoPasswordUserOrHashInThem() {
		String password = "Correct-Horse-Battery-Staple-1";
		cache.remember("alice", "{bcrypt}$2a$10$hashOfAlice", password);
		BasicSignInCache otherProcess = new BasicSignInCache(TTL, 100, nanos::get);
		otherProcess.remember("alice", "{bcrypt}$2a$10$hashOfAlice", password);

		assertThat(cache.keys()).singleElement().satisfies(key -> {
			assertThat(Base64.getDecoder().decode(key)).hasSize(32);
			assertThat(key).doesNotContain(password)
				.doesNotContain("alice")
				.doesNotContain("hashOfAlice")
				.doesNotContain(
						Base64.getEncoder().withoutPadding().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
		});
		// a random key per process: the same credentials give another digest elsewhere,
		// so a digest seen in one heap is no plain SHA-256 anyone could precompute
		assertThat(otherProcess.keys()).doesNotContainAnyElementsOf(cache.keys());
	}

}
