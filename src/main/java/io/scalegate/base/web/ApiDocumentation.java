package io.scalegate.base.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api} (served at /v3/api-docs, Swagger UI at
 * /swagger-ui.html).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	@Bean
	OpenAPI scaleGateApi() {
		return new OpenAPI().info(new Info().title("ScaleGate integration API").version("1").description("""
				Products, their evidence and their gate readiness, for ERP, MES and quality systems.
				Authenticate with an API token an administrator issued (Authorization: Bearer sgt_...) or
				with HTTP Basic as a ScaleGate user. Writes accept an Idempotency-Key header: a repeat
				returns the first answer and records nothing twice. Errors are RFC 7807 problem details;
				a 400 lists each wrong field under "errors"."""))
			.components(new Components()
				.addSecuritySchemes("apiToken", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
				.addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("apiToken"))
			.addSecurityItem(new SecurityRequirement().addList("basic"));
	}

}
