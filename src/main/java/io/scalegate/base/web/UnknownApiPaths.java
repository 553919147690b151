package io.scalegate.base.web;

import io.scalegate.base.NotFound;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever {@code /api/**} path no endpoint serves, for every method: 404 problem
 * details, or 405 naming the allowed methods when the path exists. Without it the request
 * would fall through to Vaadin's servlet (mapped to {@code /*}) and answer 200 with the
 * application's page. Spring MVC prefers every more specific mapping, so this one serves
 * only what no endpoint does.
 */
@RestController
@Hidden
class UnknownApiPaths {

	private final RequestMappingHandlerMapping mappings;

	UnknownApiPaths(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		this.mappings = mappings;
	}

	@RequestMapping("/api/**")
	ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
		Set<String> allowed = allowedMethods(request);
		if (allowed.contains(request.getMethod())) {
			// the method is served here, but not for this body or this Accept
			Set<String> takes = consumes(request);
			boolean body = !takes.isEmpty();
			HttpStatus status = body ? HttpStatus.UNSUPPORTED_MEDIA_TYPE : HttpStatus.NOT_ACCEPTABLE;
			return ResponseEntity.status(status)
				.body(ProblemDetail.forStatusAndDetail(status,
						body ? "send the body as " + String.join(" or ", takes) + " (Content-Type)"
								: "no answer in the media type asked for (Accept)"));
		}
		if (!allowed.isEmpty()) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
					request.getMethod() + " is not supported here; use " + String.join(", ", allowed));
			return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
				.header(HttpHeaders.ALLOW, String.join(", ", allowed))
				.body(problem);
		}
		throw new NotFound("path", "path", "no API endpoint at " + request.getRequestURI());
	}

	/** The methods the endpoints matching this path serve (none: the path is unknown). */
	private Set<String> allowedMethods(HttpServletRequest request) {
		Set<String> allowed = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType() != UnknownApiPaths.class && matchesPath(info, request)) {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				if (methods.isEmpty()) {
					allowed.add(HttpMethod.GET.name());
				}
				methods.forEach(method -> allowed.add(method.name()));
			}
		});
		return allowed;
	}

	/** The media types the endpoints at this path and method take as their body. */
	private Set<String> consumes(HttpServletRequest request) {
		Set<String> takes = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType() != UnknownApiPaths.class && matchesPath(info, request)
					&& info.getMethodsCondition().getMatchingCondition(request) != null) {
				info.getConsumesCondition().getConsumableMediaTypes().forEach(type -> takes.add(type.toString()));
			}
		});
		return takes;
	}

	private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
		return info.getPathPatternsCondition() != null
				&& info.getPathPatternsCondition().getMatchingCondition(request) != null;
	}

}
