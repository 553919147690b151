package io.scalegate.security;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * BCrypt, with the algorithm named in each stored hash so it can be changed later. A
	 * password longer than BCrypt's 72 bytes never matches (BCrypt would throw): no
	 * stored one is longer ({@link PasswordPolicy}), so a sign-in with one is a wrong
	 * password, not an error.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
		return new PasswordEncoder() {

			@Override
			public String encode(CharSequence rawPassword) {
				return bcrypt.encode(rawPassword);
			}

			@Override
			public boolean matches(CharSequence rawPassword, String encodedPassword) {
				return rawPassword != null && fits(rawPassword) && bcrypt.matches(rawPassword, encodedPassword);
			}

			@Override
			public boolean upgradeEncoding(String encodedPassword) {
				return bcrypt.upgradeEncoding(encodedPassword);
			}

		};
	}

	/**
	 * The one provider of password sign-ins (Spring Security builds its global
	 * authentication manager from it), with the HTTP Basic cache of docs/adr/0025.
	 */
	@Bean
	PasswordSignIn passwordSignIn(UserAccounts accounts, PasswordEncoder passwordEncoder, BasicSignInCache cache) {
		return new PasswordSignIn(accounts, passwordEncoder, cache);
	}

	@Bean
	BasicSignInCache basicSignInCache(SecurityProperties properties) {
		return new BasicSignInCache(properties.basicCacheTtl(), properties.basicCacheSize(), Ticker.systemTicker());
	}

	private static boolean fits(CharSequence password) {
		return password.toString().getBytes(StandardCharsets.UTF_8).length <= PasswordPolicy.MAXIMUM_BYTES;
	}

}
