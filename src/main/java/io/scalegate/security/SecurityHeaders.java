package io.scalegate.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The response headers of ScaleGate's own pages and API (Camunda's webapps send their own
 * Content-Security-Policy, {@code camunda.bpm.webapp.header-security.*}).
 */
final class SecurityHeaders {

	/**
	 * The Vaadin UI with the bpmn-js, dmn-js and form-js editors, all served by ScaleGate
	 * itself. Vaadin runs the JavaScript it sends through {@code new Function} (hence
	 * 'unsafe-eval') and its bootstrap page has inline script; components set inline
	 * styles. Nothing is loaded from or sent to another site, no page may frame
	 * ScaleGate, forms post only to ScaleGate.
	 */
	static final String UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
			+ "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'self'";

	/** The API's JSON and Swagger UI (its scripts are files; it styles inline). */
	static final String API_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private SecurityHeaders() {
	}

	static <H extends org.springframework.security.config.annotation.web.HttpSecurityBuilder<H>> Customizer<HeadersConfigurer<H>> with(
			String policy) {
		return headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN));
	}

}
