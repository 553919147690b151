package io.scalegate.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.scalegate.base.ui.LoginView;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The Vaadin UI: form login at /login; each view declares the roles that may open it. */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain ui(HttpSecurity http) throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers(paths.matcher("/actuator/health"), paths.matcher("/actuator/health/**"))
			.permitAll());
		http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
		return http.build();
	}

}
